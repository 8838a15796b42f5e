// The wizard words (messages.ts) in the page's language, next to the SPA's own `t`.
import { format, useI18n, type Params } from '../../lib/i18n';
import { wizardEn, wizardZhCN, type WizardKey } from './messages';

/** useI18n with `tw` for the wizards' own words in the page's language. */
export function useWizardI18n() {
  const i18n = useI18n();
  const dictionary = i18n.language === 'zh-CN' ? wizardZhCN : wizardEn;
  return { ...i18n, tw: (key: WizardKey, params?: Params) => format(dictionary[key], params) };
}
