// The one form wrapper: react-hook-form validated by a shared zod schema on every change, issues
// kept as stable codes (worded at render time in the chosen language), and server field issues
// mapped back onto their fields with setError.
import { toNestErrors } from '@hookform/resolvers';
import type { ApiIssue } from '@vpn-console/shared/api/errors';
import { useEffect, type ReactNode } from 'react';
import {
  FormProvider,
  useForm,
  useFormContext,
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type Resolver,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { useI18n } from '../lib/i18n';
import { issuesOf, issueText, type FormIssue } from '../lib/issue-text';

const encodeParams = (params: FormIssue['params']): string => JSON.stringify(params ?? {});

const decodeParams = (message: string | undefined): Record<string, string | number> => {
  if (message === undefined || message === '') return {};
  try {
    const parsed: unknown = JSON.parse(message);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    }
    return out;
  } catch {
    return {};
  }
};

/** Resolver over any zod schema whose input is the form value. */
const schemaResolver =
  <TIn extends FieldValues, TOut>(schema: z.ZodType<TOut, TIn>): Resolver<TIn, unknown, TOut> =>
  (values, _context, options) => {
    const result = schema.safeParse(withoutEmpty(values));
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of issuesOf(result.error)) {
      const key = issue.path === '' ? 'root' : issue.path;
      flat[key] ??= { type: issue.code, message: encodeParams(issue.params) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };

/**
 * Text inputs hold '' when empty (react-hook-form falls back to the default value for undefined);
 * for the schemas an empty optional field means "not set", so object properties holding '' are
 * left out before validating or sending. List entries stay (an empty CIDR entry is an error).
 */
export const withoutEmpty = <T,>(value: T): T => {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === '' || v === undefined) continue;
    out[k] = Array.isArray(v) ? v : withoutEmpty(v);
  }
  // Same shape minus empty strings: the caller's type still describes it.
  return out as T;
};

/**
 * A wizard's form: one value for all steps, validated on every change against the schema of the
 * step on screen (the shared per-step schemas ignore the other steps' fields). The resolver keeps
 * the whole form value, so nothing typed in another step is lost.
 */
export const useStepForm = <TIn extends FieldValues>(
  defaultValues: DefaultValues<TIn>,
  /** The schema of the step on screen (read when validating, never during render). */
  currentSchema: (values: TIn) => z.ZodType,
): UseFormReturn<TIn> => {
  const form = useForm<TIn>({
    defaultValues,
    mode: 'onChange',
    resolver: (values, _context, options) => {
      const result = currentSchema(values).safeParse(withoutEmpty(values));
      if (result.success) return { values, errors: {} };
      const flat: Record<string, FieldError> = {};
      for (const issue of issuesOf(result.error)) {
        const key = issue.path === '' ? 'root' : issue.path;
        flat[key] ??= { type: issue.code, message: encodeParams(issue.params) };
      }
      return { values: {}, errors: toNestErrors(flat, options) };
    },
  });
  // Cross-field rules (a pool against the local subnets, remote against local): react-hook-form
  // re-validates only the field that changed, so the other field's message went stale or never
  // showed (issue 17). After each change, the fields already filled or in error are checked again.
  const { subscribe, trigger, getFieldState } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name, type }) => {
          if (type !== 'change' || name === undefined) return;
          const changed = name.split('.')[0];
          const others = Object.entries(values)
            .filter(
              ([key, v]) =>
                key !== changed && (getFieldState(key as Path<TIn>).invalid || filledIn(v)),
            )
            .map(([key]) => key as Path<TIn>);
          if (others.length > 0) void trigger(others);
        },
      }),
    [subscribe, trigger, getFieldState],
  );
  return form;
};

const filledIn = (value: unknown): boolean =>
  typeof value === 'string'
    ? value !== ''
    : Array.isArray(value)
      ? value.some((v) => v !== '')
      : false;

export const useSchemaForm = <TIn extends FieldValues, TOut>(
  schema: z.ZodType<TOut, TIn>,
  defaultValues: DefaultValues<TIn>,
): UseFormReturn<TIn, unknown, TOut> =>
  useForm<TIn, unknown, TOut>({
    resolver: schemaResolver(schema),
    defaultValues,
    mode: 'onChange',
    criteriaMode: 'firstError',
  });

/**
 * Puts the BFF's per-field issues onto the form's fields. Answers the issues that match no field
 * (the caller shows them above the form).
 */
export const applyServerIssues = <T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  issues: readonly ApiIssue[],
  fieldNames: readonly string[],
): ApiIssue[] => {
  const unmatched: ApiIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    const top = path.split('.')[0] ?? '';
    if (path !== '' && fieldNames.includes(top)) {
      const params: FormIssue['params'] = {};
      for (const [k, v] of Object.entries(issue.params ?? {})) {
        if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      }
      // The path comes from the server; react-hook-form accepts any dotted path at run time.
      form.setError(
        path as Path<T>,
        { type: issue.code, message: encodeParams(params) },
        {
          shouldFocus: unmatched.length === 0,
        },
      );
    } else {
      unmatched.push(issue);
    }
  }
  return unmatched;
};

/** The words for a field error (an issue code plus its parameters) in the current language. */
export const useErrorText = () => {
  const { catalogLocale } = useI18n();
  return (
    error: { type?: unknown; message?: string | undefined } | undefined,
  ): string | undefined => {
    if (error === undefined || typeof error.type !== 'string') return undefined;
    return issueText({ code: error.type, params: decodeParams(error.message) }, catalogLocale);
  };
};

/** Error text of a (possibly nested) field of the surrounding form. */
export const useFieldErrorText = (name: string): string | undefined => {
  const { getFieldState, formState } = useFormContext();
  const text = useErrorText();
  // Passing formState subscribes the component to error changes.
  const state = getFieldState(name, formState);
  return text(state.error);
};

export function SchemaForm<TIn extends FieldValues, TOut>({
  form,
  onSubmit,
  children,
  label,
}: {
  form: UseFormReturn<TIn, unknown, TOut>;
  onSubmit: SubmitHandler<TOut>;
  children: ReactNode;
  label: string;
}) {
  return (
    <FormProvider {...form}>
      <form noValidate aria-label={label} onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        {children}
      </form>
    </FormProvider>
  );
}
