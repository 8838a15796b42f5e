// Helpers that attach a stable issue code to zod issues, so collectIssues can map them exactly.
import type { z } from 'zod';
import { ISSUE_CODES, type IssueCode } from '../errors/issue-codes';

export type IssueParams = Record<string, string | number>;

type Ctx = z.core.$RefinementCtx<never>;

/** Adds a custom issue carrying `code` (as message and in params) at `path` relative to the refined value. */
export function addIssue(
  ctx: Pick<Ctx, 'addIssue'>,
  code: IssueCode,
  path: PropertyKey[] = [],
  params: IssueParams = {},
): void {
  ctx.addIssue({ code: 'custom', message: code, params: { ...params, code }, path });
}

/**
 * Error customiser for base schemas: a missing value (undefined) reports REQUIRED, anything else
 * falls back to zod's built-in issue (mapped by collectIssues).
 */
export const required = {
  error: (issue: { input?: unknown }): string | undefined =>
    issue.input === undefined ? ISSUE_CODES.REQUIRED : undefined,
};

/** Like {@link required} but any other failure reports `code` (for unions and literals). */
export function requiredOr(code: IssueCode): { error: (issue: { input?: unknown }) => string } {
  return {
    error: (issue) => (issue.input === undefined ? ISSUE_CODES.REQUIRED : code),
  };
}

/**
 * For cross-field refinements that should also run while other fields still have issues (zod
 * skips refinements then by default): a wizard says them as you type, not once the whole step is
 * valid (issue 17). The refinement must read its fields defensively.
 */
export const evenWithOtherIssues = { when: () => true } as const;
