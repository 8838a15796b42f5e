// The one place PSKs become part of a response: masked, with a keyed fingerprint.
// Recipe (docs/decisions/0030, "PSK fingerprints"): the first 12 hex characters of
// HMAC-SHA256(server secret, `<resourceId>:<psk>`). The server secret lives in the store
// (store/server-secrets.ts), so a viewer cannot test a guess without asking the server, and
// the server asks back only through the rate-limited, audited `psk/check` route.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import type { SecretView } from '@vpn-console/shared/api/views';
import { RateLimiter, type RateLimitRule } from '../auth/rate-limit';

export interface PskKeys {
  /** The short fingerprint shown beside the mask. */
  fingerprint(resourceId: string, psk: string): string;
  /** Whether `candidate` is the key `psk` of `resourceId`, compared in constant time. */
  matches(resourceId: string, psk: string, candidate: string): boolean;
  /**
   * Counts one "does this key match?" attempt of `accountId` on `resourceKey`: 0 when it may
   * go ahead, else the milliseconds until it may (the attempt is then not counted).
   */
  admitCheck(accountId: string, resourceKey: string): number;
}

export interface PskCheckLimits {
  readonly perUser: RateLimitRule;
  readonly perResource: RateLimitRule;
}

/**
 * Online guesses: 10 per user per 15 minutes, 20 per key per hour (whoever asks), so a viewer
 * (or several) gets a few hundred guesses a day at most — enough to confirm a key a customer
 * reads out, far too few to search for one. Per process, like the login limits (0030).
 */
export const defaultPskCheckLimits: PskCheckLimits = {
  perUser: { limit: 10, windowMs: 15 * 60_000 },
  perResource: { limit: 20, windowMs: 60 * 60_000 },
};

export function pskKeys(
  secret: Uint8Array,
  limits: PskCheckLimits = defaultPskCheckLimits,
  now: () => number = Date.now,
): PskKeys {
  const perUser = new RateLimiter(limits.perUser, now);
  const perResource = new RateLimiter(limits.perResource, now);
  const mac = (resourceId: string, psk: string): Buffer =>
    createHmac('sha256', secret).update(`${resourceId}:${psk}`, 'utf8').digest();
  return {
    fingerprint: (resourceId, psk) => mac(resourceId, psk).toString('hex').slice(0, 12),
    // Both sides through the MAC first: equal lengths, and the time says nothing about the key.
    matches: (resourceId, psk, candidate) =>
      timingSafeEqual(mac(resourceId, psk), mac(resourceId, candidate)),
    admitCheck: (accountId, resourceKey) => {
      const wait = Math.max(perUser.retryAfterMs(accountId), perResource.retryAfterMs(resourceKey));
      if (wait > 0) return wait;
      perUser.hit(accountId);
      perResource.hit(resourceKey);
      return 0;
    },
  };
}

export const secretView = (
  keys: PskKeys,
  resourceId: string,
  psk: string | undefined,
): SecretView | undefined =>
  psk === undefined || psk === ''
    ? undefined
    : { masked: PSK_MASK, fingerprint: keys.fingerprint(resourceId, psk) };
