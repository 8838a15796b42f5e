// One typed error for every way a cloud call can fail. Never carries upstream text. Whether a code
// is busy (the write lane waits for the gateway) or retryable (the client tries again) comes from
// the shared error catalog, the same one the UI's texts read.
import {
  isBusyCloudError,
  isRetryableCloudError,
  isThrottlingCode,
} from '@vpn-console/shared/errors/cloud-errors';

export type CloudErrorKind =
  /** The API answered with a body `Code` (validation, not found, busy, throttled, 5xx JSON…). */
  | 'api'
  /** No answer within the timeout. */
  | 'timeout'
  /** Socket-level failure (refused, reset, DNS…). */
  | 'network'
  /** The answer was not the JSON we expect (an HTML 502 page, an empty body, a schema mismatch). */
  | 'invalid-response'
  /** The retry budget was spent: we did not retry although the failure was transient. */
  | 'budget';

export interface CloudErrorInit {
  kind: CloudErrorKind;
  code: string;
  httpStatus: number;
  requestId?: string | undefined;
  action: string;
  /** Milliseconds the server asked us to wait (`x-acs-retry-after`). */
  retryAfterMs?: number | undefined;
  /** The request parameter the refusal names (`BgpConfig.TunnelCidr`), never other upstream text. */
  parameter?: string | undefined;
}

export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  /** Alibaba `Code`, or a BFF code for transport failures (`UpstreamTimeout`, …). */
  readonly code: string;
  /** Upstream HTTP status (synthetic for transport failures: 504 timeout, 502 otherwise). */
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  readonly action: string;
  readonly retryAfterMs: number | undefined;
  readonly parameter: string | undefined;

  constructor(init: CloudErrorInit) {
    // The message names the code and action only: no upstream text, URL or parameters.
    super(`${init.action} failed: ${init.code} (HTTP ${init.httpStatus})`);
    this.name = 'CloudError';
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.action = init.action;
    this.retryAfterMs = init.retryAfterMs;
    this.parameter = init.parameter;
  }

  get throttled(): boolean {
    return this.kind === 'api' && isThrottlingCode(this.code);
  }

  get busy(): boolean {
    return this.kind === 'api' && isBusyCloudError(this.code);
  }

  /** Worth retrying the same request (same ClientToken for writes). */
  get retryable(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network' || this.kind === 'invalid-response') {
      return true;
    }
    if (this.kind !== 'api' || this.busy) return false;
    // A busy gateway is not retried here: the write lane waits for it to be active again.
    return isRetryableCloudError(this.code) || this.httpStatus >= 500;
  }

  /** For a write: the request may have been carried out although we got no success answer. */
  get ambiguous(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network' || this.kind === 'invalid-response') {
      return true;
    }
    return this.kind === 'api' && !this.throttled && this.httpStatus >= 500;
  }

  get notFound(): boolean {
    return this.kind === 'api' && (this.code.endsWith('.NotFound') || this.httpStatus === 404);
  }

  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      code: this.code,
      httpStatus: this.httpStatus,
      requestId: this.requestId,
      action: this.action,
    };
  }
}
