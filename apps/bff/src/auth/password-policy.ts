// The password policy beyond the shared schema (length, not blank): a password may not be the
// user name, nor one on the list of common passwords that zxcvbn-ts ships
// (@zxcvbn-ts/language-common, ~49 000 entries, compared without letter case). Server-side only:
// the list is too big for the browser bundle.
import { passwordSchema } from '@vpn-console/shared/api/accounts';
import { ISSUE_CODES, type IssueCode } from '@vpn-console/shared/errors/issue-codes';
import { collectIssues } from '@vpn-console/shared/errors/issues';
import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The first rule `password` breaks for `username`, as an issue code, or undefined. */
export function passwordPolicyIssue(password: string, username: string): IssueCode | undefined {
  const shape = passwordSchema.safeParse(password);
  if (!shape.success) return collectIssues(shape.error)[0]?.code ?? ISSUE_CODES.INVALID_VALUE;
  const folded = password.trim().toLowerCase();
  if (folded === username.trim().toLowerCase()) return ISSUE_CODES.PASSWORD_IS_USERNAME;
  if (commonPasswords().has(folded)) return ISSUE_CODES.PASSWORD_COMMON;
  return undefined;
}

/** A password the policy refuses (the message is the issue code). */
export class PasswordPolicyError extends Error {
  override readonly name = 'PasswordPolicyError';
  constructor(readonly code: IssueCode) {
    super(code);
  }
}
