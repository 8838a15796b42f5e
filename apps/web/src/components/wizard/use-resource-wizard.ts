// What every resource wizard (IPsec server, SSL-VPN server, IPsec connection) holds: the step on
// screen, one form value for all steps validated against that step's shared schema, the values
// read back from the resource being edited (unknown cloud values listed, never defaulted), and
// the field diff of an edit.
import { useCallback, useRef, useState } from 'react';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { issuesOf } from '../../lib/issue-text';
import type { ReadBack } from '../../lib/read-back';
import { useStepForm, withoutEmpty } from '../form';
import type { ChangeVariables, CreateVariables } from '../../lib/resource-write';
import { bodyOf, type BodyResult } from './body-result';
import { changedFields, changesNothing, diffValues, type FieldChange } from './diff';

export interface ResourceWizardOptions<TForm extends FieldValues> {
  /** The form's starting value: defaults for a create, the resource read back for an edit. */
  initialValues: () => ReadBack<DefaultValues<TForm>>;
  /** The schema that checks step `index` (the last index + 1 is the review). */
  schemaOfStep: (index: number, values: TForm) => z.ZodType;
  /** Whether an existing resource is edited (the review then lists the changed fields). */
  editing: boolean;
  /** Form paths of secrets: compared as "changed or not", never by value. */
  secretPaths: readonly string[];
  /** Form-only fields left out of the diff and of the request. */
  withoutFormOnly?: (value: object) => unknown;
}

export const useResourceWizard = <TForm extends FieldValues>({
  initialValues,
  schemaOfStep,
  editing,
  secretPaths,
  withoutFormOnly = (value) => value,
}: ResourceWizardOptions<TForm>) => {
  const [stepIndex, setStepIndexState] = useState(0);
  // The form's resolver validates against the step on screen; it runs in event handlers, so the
  // step is kept in a ref written where the step changes, never during render.
  const stepRef = useRef(0);
  const setStepIndex = useCallback((index: number) => {
    stepRef.current = index;
    setStepIndexState(index);
  }, []);
  const [{ value: initial, unknown }] = useState(initialValues);
  const form = useStepForm<TForm>(initial, (values) => schemaOfStep(stepRef.current, values));
  // What is on screen right now (emptied fields left out: the caller reads it as a DeepPartial).
  const values = withoutEmpty(form.watch());
  const changes: FieldChange[] | undefined = editing
    ? diffValues(withoutFormOnly(initial), withoutFormOnly(values), secretPaths)
    : undefined;
  return {
    form,
    initial,
    values,
    changes,
    /** The props of <Wizard> this hook owns. */
    frame: {
      form,
      stepIndex,
      onStepChange: setStepIndex,
      unknownValues: unknown,
      // An edit that changes nothing has nothing to send (issue 17: Apply stayed enabled).
      nothingToApply: changes !== undefined && changesNothing(changes),
    },
  };
};

/** A request body checked by its shared schema, or the issues that stop it. */
const checkedBody = <T>(result: z.ZodSafeParseResult<T>): BodyResult<T> =>
  result.success ? { ok: true, body: result.data } : { ok: false, issues: issuesOf(result.error) };

/** What a write sends outside its body: the dry-run flag and the ClientToken (a header). */
type SentApart = 'dryRun' | 'clientToken';

/**
 * A write body: `value` with the path's `ids` checked by the shared schema, then without the ids
 * (they travel in the URL), `dryRun` and `clientToken`.
 */
export const writeBody = <T extends object, K extends string = never>(
  schema: { safeParse: (value: unknown) => z.ZodSafeParseResult<T> },
  value: object,
  ids: Readonly<Record<K, string>> = {} as Record<K, string>,
): BodyResult<Omit<T, K | SentApart>> => {
  const parsed = checkedBody(schema.safeParse({ ...value, ...ids }));
  if (!parsed.ok) return parsed;
  const body = Object.fromEntries(
    Object.entries(parsed.body).filter(
      ([key]) => key !== 'dryRun' && key !== 'clientToken' && !Object.hasOwn(ids, key),
    ),
  );
  // The entries left are T's, less the keys filtered out just above.
  return { ok: true, body: body as Omit<T, K | SentApart> };
};

/** An edit's body: only the fields changed from `before` (secrets when a new one is typed). */
export const changedBody = <T extends object, K extends string>(
  schema: { safeParse: (value: unknown) => z.ZodSafeParseResult<T> },
  change: {
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    secretPaths: readonly string[];
  },
  ids: Readonly<Record<K, string>>,
): BodyResult<Omit<T, K | SentApart>> =>
  writeBody(schema, changedFields(change.before, change.after, change.secretPaths), ids);

/**
 * A create-or-edit wizard's dry run and submit (props of <Wizard>): the create calls while
 * nothing is edited, else the change calls on `existingId`.
 */
export const createOrChange = <C, U, Verdict, Sent>(w: {
  regionId: string;
  existingId: string | undefined;
  createBody: () => BodyResult<C>;
  changeBody: (id: string) => BodyResult<U>;
  dryRunCreate: (regionId: string, body: C) => Promise<Verdict>;
  dryRunChange: (regionId: string, id: string, body: U) => Promise<Verdict>;
  create: (variables: CreateVariables<C>) => Promise<Sent>;
  change: (variables: ChangeVariables<U>) => Promise<Sent>;
}) => ({
  dryRun: () =>
    w.existingId === undefined
      ? w.dryRunCreate(w.regionId, bodyOf(w.createBody()))
      : w.dryRunChange(w.regionId, w.existingId, bodyOf(w.changeBody(w.existingId))),
  submit: (idempotencyKey: string) =>
    w.existingId === undefined
      ? w.create({ regionId: w.regionId, body: bodyOf(w.createBody()), idempotencyKey })
      : w.change({
          regionId: w.regionId,
          id: w.existingId,
          body: bodyOf(w.changeBody(w.existingId)),
          idempotencyKey,
        }),
});
