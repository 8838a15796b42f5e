// The dictionaries, one chunk per language: the tab loads only the language it shows.
import type { Messages } from './messages-en';

export type { MessageKey, Messages } from './messages-en';

export const loadMessages = async (language: 'en' | 'zh-CN'): Promise<Messages> =>
  language === 'zh-CN'
    ? (await import('./messages-zh-cn')).zhCN
    : (await import('./messages-en')).en;
