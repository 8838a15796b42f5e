// The one place PSKs become part of a response: masked, with a keyed fingerprint.
// Recipe (docs/decisions/0030, "PSK fingerprints"): the first 12 hex characters of
// HMAC-SHA256(server secret, `<resourceId>:<psk>`). The server secret lives in the store
// (store/server-secrets.ts), so a viewer cannot test a guess without asking the server, and
// the server asks back only through the rate-limited, audited `psk/check` route.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import type { SecretView } from '@vpn-console/shared/api/views';
import type { RateLimitRule } from '../auth/rate-limit';
import type { WindowLimits } from '../auth/store-limits';

export interface PskKeys {
  /** The short fingerprint shown beside the mask. */
  fingerprint(resourceId: string, psk: string): string;
  /** Whether `candidate` is the key `psk` of `resourceId`, compared in constant time. */
  matches(resourceId: string, psk: string, candidate: string): boolean;
  /**
   * Counts one "does this key match?" attempt of `accountId` on `resourceKey`: 0 when it may
   * go ahead, else the milliseconds until it may (the attempt is then not counted).
   */
  admitCheck(accountId: string, resourceKey: string): Promise<number>;
}

export interface PskCheckLimits {
  readonly perUser: RateLimitRule;
  readonly perResource: RateLimitRule;
}

/**
 * Online guesses: 10 per user per 15 minutes, 20 per key per hour (whoever asks), so a viewer
 * (or several) gets a few hundred guesses a day at most — enough to confirm a key a customer
 * reads out, far too few to search for one. Counted in the store, so every replica counts the
 * same attempts, like the login limits (0030, 0160).
 */
const defaultPskCheckLimits: PskCheckLimits = {
  perUser: { limit: 10, windowMs: 15 * 60_000 },
  perResource: { limit: 20, windowMs: 60 * 60_000 },
};

/** With no limits to count in, every check is refused (a minute's wait): deny by construction. */
const noChecks: PskCheckLimiter = { windows: { take: () => Promise.resolve(60_000) } };

/** Where the checks are counted (the store's windows) and with which limits. */
export interface PskCheckLimiter {
  readonly windows: WindowLimits;
  readonly limits?: PskCheckLimits;
}

export function pskKeys(secret: Uint8Array, checks: PskCheckLimiter = noChecks): PskKeys {
  const limits = checks.limits ?? defaultPskCheckLimits;
  const mac = (resourceId: string, psk: string): Buffer =>
    createHmac('sha256', secret).update(`${resourceId}:${psk}`, 'utf8').digest();
  return {
    fingerprint: (resourceId, psk) => mac(resourceId, psk).toString('hex').slice(0, 12),
    // Both sides through the MAC first: equal lengths, and the time says nothing about the key.
    matches: (resourceId, psk, candidate) =>
      timingSafeEqual(mac(resourceId, psk), mac(resourceId, candidate)),
    // Both windows in one step: counted in both, or (refused) in neither.
    admitCheck: (accountId, resourceKey) =>
      checks.windows.take([
        { key: `psk-user:${accountId}`, rule: limits.perUser, n: 1 },
        { key: `psk-key:${resourceKey}`, rule: limits.perResource, n: 1 },
      ]),
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
