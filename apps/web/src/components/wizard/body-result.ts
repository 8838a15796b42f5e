import type { FormIssue } from '../../lib/issue-text';
import type { Prepared } from './wizard';

/** What a wizard's body builder returns: the request body, or the issues that stop it. */
export type BodyResult<B> = { ok: true; body: B } | { ok: false; issues: FormIssue[] };

/** The review step only needs to know whether the body can be built. */
export const preparedOf = <B>(result: BodyResult<B>): Prepared =>
  result.ok ? { ok: true } : result;

/** For dry run and submit, which run only after the review step accepted the same form value. */
export const bodyOf = <B>(result: BodyResult<B>): B => {
  if (!result.ok) throw new Error('the form changed after validation');
  return result.body;
};
