// Parsing at the trust boundary: request bodies, query strings and path parameters.
import { collectIssues } from '@vpn-console/shared/errors/issues';
import type { z } from 'zod';
import { validationFailed } from './errors';

/** Parses `input` with `schema` or throws a 400 carrying per-field issue codes. */
export const parseOr400 = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix?: string,
): z.output<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = collectIssues(result.error).map((issue) => ({
    ...issue,
    path:
      prefix === undefined ? issue.path : issue.path === '' ? prefix : `${prefix}.${issue.path}`,
  }));
  throw validationFailed(issues);
};
