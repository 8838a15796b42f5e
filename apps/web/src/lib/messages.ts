// The dictionaries, one chunk per language: the tab loads only the language it shows.
import type { Messages } from './messages-en';

export type { MessageKey, Messages } from './messages-en';

export const loadMessages = async (language: 'en' | 'zh-CN'): Promise<Messages> =>
  language === 'zh-CN'
    ? (await import('./messages-zh-cn')).zhCN
    : (await import('./messages-en')).en;

/**
 * A page's own words in both languages, kept out of the main dictionaries (messages-*.ts) so the
 * first screens stay within their size budget: the module holding them is imported only by the
 * page's lazily loaded chunk, so the words load with the page and the page never shows without
 * them. Read with useWords (i18n.tsx).
 */
export type Words<K extends string> = Readonly<Record<'en' | 'zh-CN', Readonly<Record<K, string>>>>;
