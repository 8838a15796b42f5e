// zh-CN and en: a typed dictionary per language, the browser's language by default, switchable in
// the top bar. The choice (not a secret) is remembered in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { messages, type MessageKey } from './messages';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
/** The locale names used by the shared error catalogs. */
export type CatalogLocale = 'zh' | 'en';

const STORAGE_KEY = 'vpn-console.language';

export const detectLanguage = (): Language => {
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

export const format = (template: string, params?: Params): string =>
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

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; still switched for this tab
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dict = messages[language];
    const time = new Intl.DateTimeFormat(language, {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    const dateTime = new Intl.DateTimeFormat(language, {
      dateStyle: 'medium',
      timeStyle: 'medium',
      hour12: false,
    });
    return {
      language,
      catalogLocale: language === 'zh-CN' ? 'zh' : 'en',
      setLanguage,
      t: (key, params) => format(dict[key], params),
      formatTime: (v) => time.format(new Date(v)),
      formatDateTime: (v) => dateTime.format(new Date(v)),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18n => {
  const ctx = useContext(I18nContext);
  if (ctx === undefined) throw new Error('useI18n outside I18nProvider');
  return ctx;
};
