// One typed error for every way a cloud call can fail. Never carries upstream text.

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

/** Alibaba "gateway busy" codes: the write lane waits for `active` and tries again. */
export const BUSY_CODES: ReadonlySet<string> = new Set([
  'VpnGateway.Configuring',
  'VpnTask.CONFLICT',
  'TaskConflict',
  'Appliance.Configuring',
  'VpnConnection.Configuring',
  'VpnRouteEntry.Configuring',
  'OperationConflict',
  'IncorrectStatus.VpnGateway',
]);

const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'ServiceUnavailable',
  'InternalError',
  'UnknownError',
  'Rejected.Throttling',
]);

export const isThrottlingCode = (code: string): boolean =>
  code.startsWith('Throttling') || code === 'Rejected.Throttling';

export interface CloudErrorInit {
  kind: CloudErrorKind;
  code: string;
  httpStatus: number;
  requestId?: string | undefined;
  action: string;
  /** Milliseconds the server asked us to wait (`x-acs-retry-after`). */
  retryAfterMs?: number | undefined;
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
  }

  get throttled(): boolean {
    return this.kind === 'api' && isThrottlingCode(this.code);
  }

  get busy(): boolean {
    return this.kind === 'api' && BUSY_CODES.has(this.code);
  }

  /** Worth retrying the same request (same ClientToken for writes). */
  get retryable(): boolean {
    if (this.kind === 'timeout' || this.kind === 'network' || this.kind === 'invalid-response') {
      return true;
    }
    if (this.kind !== 'api') return false;
    return this.throttled || TRANSIENT_CODES.has(this.code) || this.httpStatus >= 500;
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

export const isCloudError = (e: unknown): e is CloudError => e instanceof CloudError;
