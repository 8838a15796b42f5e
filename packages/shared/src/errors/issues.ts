// Turns a ZodError into stable, UI-neutral issues: { path: 'ikeConfig.ikeEncAlg', code, params }.
import type { z } from 'zod';
import { ISSUE_CODES, isIssueCode, type IssueCode } from './issue-codes';

export type CollectedIssue = {
  /** Dotted path from the root of the parsed value (`localSubnet.1`); '' for the root. */
  path: string;
  code: IssueCode;
  params?: Record<string, string | number>;
};

type Issue = z.core.$ZodIssue;

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'symbol' ? (part.description ?? '') : String(part)))
    .join('.');
}

function scalarParams(
  source: Record<string, unknown> | undefined,
): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  if (source === undefined) return params;
  for (const [key, value] of Object.entries(source)) {
    if (key === 'code') continue;
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
  }
  return params;
}

function bound(value: number | bigint): number {
  return typeof value === 'bigint' ? Number(value) : value;
}

function withParams(
  path: string,
  code: IssueCode,
  params: Record<string, string | number>,
): CollectedIssue {
  return Object.keys(params).length === 0 ? { path, code } : { path, code, params };
}

function mapIssue(issue: Issue): CollectedIssue[] {
  const path = dotted(issue.path);
  const C = ISSUE_CODES;
  // Our own checks put the stable code in the message (and in params for custom issues).
  if (issue.code === 'custom') {
    const params = scalarParams(issue.params);
    const fromParams: unknown = issue.params?.code;
    const code =
      typeof fromParams === 'string' && isIssueCode(fromParams)
        ? fromParams
        : isIssueCode(issue.message)
          ? issue.message
          : C.INVALID_VALUE;
    return [withParams(path, code, params)];
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: path === '' ? key : `${path}.${key}`,
      code: C.UNKNOWN_KEY,
      params: { key },
    }));
  }
  const fromMessage = isIssueCode(issue.message) ? issue.message : undefined;
  switch (issue.code) {
    case 'too_big': {
      const params = { max: bound(issue.maximum) };
      if (fromMessage !== undefined) return [withParams(path, fromMessage, params)];
      const numeric = issue.origin === 'number' || issue.origin === 'bigint';
      return [withParams(path, numeric ? C.TOO_LARGE : C.TOO_LONG, params)];
    }
    case 'too_small': {
      const params = { min: bound(issue.minimum) };
      if (fromMessage !== undefined) return [withParams(path, fromMessage, params)];
      const numeric = issue.origin === 'number' || issue.origin === 'bigint';
      return [withParams(path, numeric ? C.TOO_SMALL : C.TOO_SHORT, params)];
    }
    case 'invalid_type': {
      if (fromMessage !== undefined) return [{ path, code: fromMessage }];
      if (issue.message.endsWith('received undefined')) return [{ path, code: C.REQUIRED }];
      if (issue.expected === 'int') return [{ path, code: C.NOT_INTEGER }];
      return [{ path, code: C.INVALID_TYPE, params: { expected: issue.expected } }];
    }
    case 'invalid_value': {
      if (fromMessage !== undefined) return [{ path, code: fromMessage }];
      return [
        { path, code: C.INVALID_ENUM, params: { values: issue.values.map(String).join(', ') } },
      ];
    }
    case 'invalid_format':
      return [{ path, code: fromMessage ?? C.INVALID_FORMAT }];
    case 'invalid_union':
      return [{ path, code: fromMessage ?? C.INVALID_TYPE }];
    default:
      return [{ path, code: fromMessage ?? C.INVALID_VALUE }];
  }
}

/** Maps every issue of a ZodError (built-in and ours) to a stable code with a dotted path. */
export function collectIssues(error: z.ZodError): CollectedIssue[] {
  return error.issues.flatMap(mapIssue);
}
