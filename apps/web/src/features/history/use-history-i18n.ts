// The history words (messages.ts) in the page's language, next to the SPA's own `t`.
import { format, useI18n, type Params } from '../../lib/i18n';
import { historyEn, historyZhCN, type HistoryKey } from './messages';

/** useI18n with `th` for the history words in the page's language. */
export function useHistoryI18n() {
  const i18n = useI18n();
  const dictionary = i18n.language === 'zh-CN' ? historyZhCN : historyEn;
  return { ...i18n, th: (key: HistoryKey, params?: Params) => format(dictionary[key], params) };
}
