// The customer gateways page's words (messages.ts) in the page's language, next to the SPA's `t`.
import { format, useI18n, type Params } from '../../lib/i18n';
import { customerGatewaysEn, customerGatewaysZhCN, type CustomerGatewaysKey } from './messages';

/** useI18n with `tc` for the customer gateways page's words in the page's language. */
export function useCustomerGatewaysI18n() {
  const i18n = useI18n();
  const dictionary = i18n.language === 'zh-CN' ? customerGatewaysZhCN : customerGatewaysEn;
  return {
    ...i18n,
    tc: (key: CustomerGatewaysKey, params?: Params) => format(dictionary[key], params),
  };
}
