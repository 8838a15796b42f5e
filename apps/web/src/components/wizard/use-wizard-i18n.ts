// The wizard words (messages.ts) in the page's language, next to the SPA's own `t`.
import { format, useI18n, type Params } from '../../lib/i18n';
import type { FieldChange } from './diff';
import { wizardEn, wizardZhCN, type WizardKey } from './messages';

/** How many fields an edit changes (a secret counts only when a new one was typed). */
const changeCount = (changes: readonly FieldChange[]): number =>
  changes.filter((c) => !c.secret || c.changed).length;

/**
 * The sentence an edit's review adds to its summary: how many settings of `name` it changes,
 * one, several, or none said plainly (issue 18: it said "touches 0 setting(s)").
 */
const editKey = (count: number): WizardKey =>
  count === 0 ? 'summary.editNone' : count === 1 ? 'summary.editOne' : 'summary.edit';

/** useI18n with `tw` for the wizards' own words in the page's language. */
export function useWizardI18n() {
  const i18n = useI18n();
  const dictionary = i18n.language === 'zh-CN' ? wizardZhCN : wizardEn;
  const tw = (key: WizardKey, params?: Params) => format(dictionary[key], params);
  return {
    ...i18n,
    tw,
    /** A review's summary: the resource in plain words, then what the edit (if any) changes. */
    reviewSummary: (summary: string, name: string, changes: readonly FieldChange[] | undefined) => {
      if (changes === undefined) return summary;
      const count = changeCount(changes);
      return summary + tw(editKey(count), { name, count });
    },
  };
}
