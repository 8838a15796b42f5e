// Error answers of the security layer, in the shared error body shape.
import type { Response } from 'express';
import type { ApiErrorBody, ApiIssue } from '@vpn-console/shared/api/errors';
import { collectIssues } from '@vpn-console/shared/errors/issues';
import type { ZodError } from 'zod';

export type SecurityErrorCode =
  | 'Unauthenticated'
  | 'Forbidden'
  | 'CsrfRejected'
  | 'TooManyRequests'
  | 'InvalidCredentials'
  | 'AccountExists'
  | 'NotFound'
  | 'RouteNotFound'
  | 'ValidationFailed'
  | 'PayloadTooLarge'
  | 'UnsupportedMediaType'
  | 'MalformedJson'
  | 'LastAdmin'
  | 'SelfLockout'
  | 'HostNotAllowed';

export function sendError(
  res: Response,
  httpStatus: number,
  code: SecurityErrorCode,
  issues?: readonly ApiIssue[],
): void {
  const body: ApiErrorBody = {
    error: { code, httpStatus, ...(issues === undefined ? {} : { issues: [...issues] }) },
  };
  res.status(httpStatus).json(body);
}

/** Zod issues as API issues: dotted path (`''` for the whole body) and the stable issue code
 * of the shared catalog (the UI words it in both languages), with its parameters. */
export function zodIssues(error: ZodError): ApiIssue[] {
  return collectIssues(error);
}
