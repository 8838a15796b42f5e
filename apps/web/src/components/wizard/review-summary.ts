// The sentence an edit's review adds to the resource's summary in plain words.
import type { Params } from '../../lib/i18n';
import type { FieldChange } from './diff';
import type { WizardKey } from './messages';

/** How many fields an edit changes (a secret counts only when a new one was typed). */
const changeCount = (changes: readonly FieldChange[]): number =>
  changes.filter((c) => !c.secret || c.changed).length;

/**
 * The sentence an edit's review adds to its summary: how many settings of `name` it changes,
 * one, several, or none said plainly (issue 18: it said "touches 0 setting(s)").
 */
const editKey = (count: number): WizardKey =>
  count === 0 ? 'summary.editNone' : count === 1 ? 'summary.editOne' : 'summary.edit';

/** A review's summary: the resource in plain words, then what the edit (if any) changes. */
export const reviewSummary = (
  tw: (key: WizardKey, params?: Params) => string,
  summary: string,
  name: string,
  changes: readonly FieldChange[] | undefined,
): string => {
  if (changes === undefined) return summary;
  const count = changeCount(changes);
  return summary + tw(editKey(count), { name, count });
};
