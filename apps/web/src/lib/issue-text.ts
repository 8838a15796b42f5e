// Words for validation issue codes, in the chosen language. The catalog lives in packages/shared
// (the same codes the BFF answers 400 with); this file only adapts it to the form.
import { collectIssues } from '@vpn-console/shared/errors/issues';
import { isIssueCode } from '@vpn-console/shared/errors/issue-codes';
import { formatIssueAction, formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import type { z } from 'zod';
import type { CatalogLocale } from './i18n';

export interface FormIssue {
  /** Dotted path into the form value ('' for the whole form). */
  path: string;
  code: string;
  params?: Record<string, string | number> | undefined;
}

/** Turns a ZodError into issues with stable codes (the shared collector). */
export const issuesOf = (error: z.ZodError): FormIssue[] => collectIssues(error);

export const issueText = (
  issue: Pick<FormIssue, 'code' | 'params'>,
  locale: CatalogLocale,
): string => {
  const code = isIssueCode(issue.code) ? issue.code : 'INVALID_VALUE';
  const message = formatIssueMessage(code, locale, issue.params ?? {});
  const action = formatIssueAction(code, locale, issue.params ?? {});
  return action === undefined ? message : `${message} ${action}`;
};
