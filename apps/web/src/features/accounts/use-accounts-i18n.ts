// The accounts page's words (messages.ts) in the page's language, next to the SPA's own `t`.
import { format, useI18n, type Params } from '../../lib/i18n';
import { accountsEn, accountsZhCN, type AccountsKey } from './messages';

/** useI18n with `ta` for the accounts page's words in the page's language. */
export function useAccountsI18n() {
  const i18n = useI18n();
  const dictionary = i18n.language === 'zh-CN' ? accountsZhCN : accountsEn;
  return {
    ...i18n,
    ta: (key: AccountsKey, params?: Params) => format(dictionary[key], params),
  };
}
