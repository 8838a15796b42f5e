// Errors as data: one class for errors the BFF raises itself, one mapping for cloud failures,
// and the error body every route answers with.
import type { ApiError, ApiIssue, BffErrorCode } from '@vpn-console/shared/api/errors';
import { bodyPathOfCloudParameter } from '@vpn-console/shared/vpn-connection/cloud-parameters';
import { CloudError } from '../cloud/errors';

export class HttpError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: BffErrorCode | (string & {}),
    message?: string,
    readonly issues?: readonly ApiIssue[],
  ) {
    super(message ?? code);
    this.name = 'HttpError';
  }
}

export const validationFailed = (issues: readonly ApiIssue[]): HttpError =>
  new HttpError(400, 'ValidationFailed', 'The request did not pass validation.', issues);

export const notFound = (what = 'resource'): HttpError =>
  new HttpError(404, 'NotFound', `The ${what} does not exist.`);

/** The HTTP status the BFF answers with for a cloud failure. */
export const statusForCloudError = (error: CloudError): number => {
  switch (error.kind) {
    case 'timeout':
      return 504;
    case 'network':
    case 'invalid-response':
      return 502;
    case 'budget':
      return 503;
    case 'api':
      if (error.throttled) return 503;
      if (error.notFound) return 404;
      if (error.busy || error.code === 'IdempotentParameterMismatch') return 409;
      if (error.code.endsWith('.AlreadyExist') || error.code.endsWith('.AlreadyExists')) return 409;
      if (error.code.startsWith('OperationFailed.') && error.code.endsWith('Exist')) return 409;
      if (error.httpStatus >= 500) return 502;
      // Forbidden / signature problems are the BFF's credentials, not the user's request.
      if (
        error.httpStatus === 403 ||
        error.code.startsWith('InvalidAccessKeyId') ||
        error.code.startsWith('Signature')
      ) {
        return 502;
      }
      return 400;
  }
};

const cloudMessage = (error: CloudError): string => {
  switch (error.kind) {
    case 'timeout':
      return 'The cloud did not answer in time.';
    case 'network':
      return 'The cloud could not be reached.';
    case 'invalid-response':
      return 'The cloud answered with something unexpected.';
    case 'budget':
      return error.code === 'UpstreamThrottled'
        ? "The account's budget of cloud calls is spent for now; try again shortly."
        : 'The cloud is failing; retries are paused.';
    case 'api':
      return error.busy
        ? 'The gateway is busy with another change.'
        : error.throttled
          ? 'The cloud is throttling requests.'
          : 'The cloud refused the request.';
  }
};

/** The refused parameter as an issue at its body field, when the console has a field for it. */
const cloudIssues = (error: CloudError): ApiIssue[] => {
  const path =
    error.parameter === undefined ? undefined : bodyPathOfCloudParameter(error.parameter);
  return path === undefined || error.parameter === undefined
    ? []
    : [{ path, code: 'CLOUD_REFUSED_VALUE', params: { parameter: error.parameter } }];
};

export const cloudErrorToApiError = (error: CloudError): ApiError => {
  const issues = cloudIssues(error);
  return {
    code: error.code,
    message: cloudMessage(error),
    httpStatus: statusForCloudError(error),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    retryable: error.retryable || error.busy,
    ...(issues.length === 0 ? {} : { issues }),
  };
};

/** Any thrown value as the error object of the contract (unknown errors say nothing). */
export const toApiError = (error: unknown): ApiError => {
  if (error instanceof CloudError) return cloudErrorToApiError(error);
  if (error instanceof HttpError) {
    return {
      code: error.code,
      message: error.message,
      httpStatus: error.httpStatus,
      ...(error.issues === undefined ? {} : { issues: [...error.issues] }),
    };
  }
  return {
    code: 'InternalError',
    message: 'Something went wrong in the console.',
    httpStatus: 500,
  };
};
