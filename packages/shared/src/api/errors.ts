// The error body every BFF route answers with (HTTP contract, owned by apps/bff).
import { z } from 'zod';

/**
 * One field problem, as `collectIssues` (`@vpn-console/shared/errors/issues`) produces it: a dotted
 * path into the request body (`ikeConfig.ikeEncAlg`, `localSubnet.1`; `''` for the whole body)
 * and a stable issue code (`ISSUE_CODES`) the UI words, with its parameters.
 */
export const apiIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiIssue = z.infer<typeof apiIssueSchema>;

/**
 * Stable BFF-side error codes. Upstream failures keep the Alibaba `Code` (e.g.
 * `VpnGateway.Configuring`, `InvalidVpnGatewayInstanceId.NotFound`) in `code`; these are the
 * codes the BFF itself produces.
 */
export const bffErrorCodes = [
  'ValidationFailed',
  'NotFound',
  'RouteNotFound',
  'Conflict',
  'IdempotencyKeyReused',
  'DryRunUnsupported',
  'PayloadTooLarge',
  'UnsupportedMediaType',
  'MalformedJson',
  'UpstreamUnavailable',
  'UpstreamTimeout',
  'UpstreamInvalidResponse',
  'UpstreamThrottled',
  'RetryBudgetExhausted',
  'GatewayBusyTimeout',
  'ShuttingDown',
  'TooManyStreams',
  'TooManyRequests',
  'AuditUnavailable',
  'LastAdmin',
  'SelfLockout',
  'CustomerGatewayInUse',
  'GatewayCannotTake',
  'HostNotAllowed',
  'InternalError',
] as const;
export const bffErrorCodeSchema = z.enum(bffErrorCodes);
export type BffErrorCode = z.infer<typeof bffErrorCodeSchema>;

/** The error object (also embedded in failed operations and dry-run verdicts). */
export const apiErrorSchema = z.object({
  /** A BFF code from `bffErrorCodes` or the Alibaba `Code` of the upstream failure. */
  code: z.string(),
  /** Developer-facing hint in English; never upstream text; the UI words errors from `code`. */
  message: z.string().optional(),
  httpStatus: z.number().int(),
  /** Alibaba RequestId of the failing upstream call, when there was one. */
  requestId: z.string().optional(),
  /** Whether retrying the same request later may succeed. */
  retryable: z.boolean().optional(),
  issues: z.array(apiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const apiErrorBodySchema = z.object({ error: apiErrorSchema });
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
