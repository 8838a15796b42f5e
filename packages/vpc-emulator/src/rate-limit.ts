// An account's request rate limit, as the cloud's flow control: a token bucket per AccessKey
// (`callsPerSecond` sustained, one second's worth at once); past it the call is answered with
// `Throttling.User` and `x-acs-retry-after` (ms until the next token) and not carried out.
export class AccountRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Calls refused so far. */
  refused = 0;

  constructor(readonly callsPerSecond: number) {
    if (!(callsPerSecond > 0)) throw new RangeError('a rate limit needs a positive rate');
  }

  /** 0 when the call may go ahead; otherwise the ms until it could. */
  take(accessKeyId: string, now: number): number {
    const burst = Math.max(1, this.callsPerSecond);
    const bucket = this.buckets.get(accessKeyId) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(
      burst,
      bucket.tokens + ((now - bucket.at) * this.callsPerSecond) / 1000,
    );
    bucket.at = now;
    this.buckets.set(accessKeyId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    this.refused += 1;
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 1000) / this.callsPerSecond));
  }
}
