// zh-CN and en: a typed dictionary per language, the browser's language by default, switchable in
// the top bar. The choice (not a secret) is remembered in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { loadMessages, type MessageKey, type Messages, type Words } from './messages';

export type Language = 'zh-CN' | 'en';
/** The locale names used by the shared error catalogs. */
export type CatalogLocale = 'zh' | 'en';

const STORAGE_KEY = 'vpn-console.language';

const detectLanguage = (): Language => {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage may be unavailable (private mode); fall back to the browser language
  }
  const browser =
    window.navigator.languages.length > 0
      ? window.navigator.languages
      : [window.navigator.language];
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
};

export type Params = Record<string, string | number>;

const format = (template: string, params?: Params): string =>
  params === undefined
    ? template
    : template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        return value === undefined ? whole : String(value);
      });

export interface I18n {
  language: Language;
  catalogLocale: CatalogLocale;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** Whether a computed key exists (e.g. a label derived from a form path). */
  has: (key: string) => key is MessageKey;
  formatTime: (iso: string | number | Date) => string;
  formatDateTime: (iso: string | number | Date) => string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({
  children,
  initialLanguage,
}: {
  children: ReactNode;
  initialLanguage?: Language;
}) {
  const [language, setLanguageState] = useState<Language>(
    () => initialLanguage ?? detectLanguage(),
  );
  const [dicts, setDicts] = useState<Partial<Record<Language, Messages>>>({});
  // While another language loads, the one on screen stays (the language shown before the switch).
  const [previous, setPrevious] = useState<Language | undefined>(undefined);
  const loaded = dicts[language];
  const shownLanguage = loaded !== undefined ? language : previous;
  const shownDict = shownLanguage === undefined ? undefined : dicts[shownLanguage];

  useEffect(() => {
    if (loaded !== undefined) return;
    let cancelled = false;
    void loadMessages(language).then((dict) => {
      if (!cancelled) setDicts((prev) => ({ ...prev, [language]: dict }));
    });
    return () => {
      cancelled = true;
    };
  }, [language, loaded]);

  useEffect(() => {
    if (shownLanguage !== undefined) document.documentElement.lang = shownLanguage;
  }, [shownLanguage]);

  const setLanguage = useCallback(
    (next: Language) => {
      setPrevious(shownLanguage);
      setLanguageState(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // not remembered; still switched for this tab
      }
    },
    [shownLanguage],
  );

  const value = useMemo<I18n | undefined>(() => {
    if (shownLanguage === undefined || shownDict === undefined) return undefined;
    const lang = shownLanguage;
    const dict = shownDict;
    const time = new Intl.DateTimeFormat(lang, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    const dateTime = new Intl.DateTimeFormat(lang, {
      dateStyle: 'medium',
      timeStyle: 'medium',
      hour12: false,
    });
    return {
      language: lang,
      catalogLocale: lang === 'zh-CN' ? 'zh' : 'en',
      setLanguage,
      t: (key, params) => format(dict[key], params),
      has: (key): key is MessageKey => Object.hasOwn(dict, key),
      formatTime: (v) => time.format(new Date(v)),
      formatDateTime: (v) => dateTime.format(new Date(v)),
    };
  }, [shownLanguage, shownDict, setLanguage]);

  // Nothing to show until the first dictionary is there (one small chunk).
  if (value === undefined) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => {
  const ctx = useContext(I18nContext);
  if (ctx === undefined) throw new Error('useI18n outside I18nProvider');
  return ctx;
};

/** useI18n with `w` (and `hasWord`, for computed keys) for a page's own words in its language. */
export function useWords<K extends string>(words: Words<K>) {
  const i18n = useI18n();
  const dictionary = words[i18n.language];
  return {
    ...i18n,
    w: (key: K, params?: Params) => format(dictionary[key], params),
    hasWord: (key: string): key is K => Object.hasOwn(dictionary, key),
  };
}
