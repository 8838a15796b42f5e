import { createHash, createHmac, randomBytes } from 'node:crypto';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import { describe, expect, it } from 'vitest';
import { pskKeys, secretView as maskPsk } from './secret-view';

const secret = Buffer.alloc(32, 7);
const keys = pskKeys(secret);

describe('PSK masking', () => {
  it('fingerprints as the first 12 hex of HMAC-SHA256(server secret, "<resourceId>:<psk>")', () => {
    const expected = createHmac('sha256', secret)
      .update('vco-abc:s3cret!')
      .digest('hex')
      .slice(0, 12);
    expect(keys.fingerprint('vco-abc', 's3cret!')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{12}$/);
  });

  it('cannot be recomputed without the secret: not the unkeyed SHA-256, not another secret', () => {
    const unkeyed = createHash('sha256').update('vco-abc:s3cret!').digest('hex').slice(0, 12);
    expect(keys.fingerprint('vco-abc', 's3cret!')).not.toBe(unkeyed);
    expect(pskKeys(randomBytes(32)).fingerprint('vco-abc', 's3cret!')).not.toBe(
      keys.fingerprint('vco-abc', 's3cret!'),
    );
  });

  it('salts with the resource id and hides the length', () => {
    expect(keys.fingerprint('vco-a', 'k')).not.toBe(keys.fingerprint('vco-b', 'k'));
    expect(maskPsk(keys, 'vco-a', 'short')?.masked).toBe(PSK_MASK);
    expect(maskPsk(keys, 'vco-a', 'a-much-longer-pre-shared-key-value')?.masked).toBe(PSK_MASK);
  });

  it('has no view for a missing key', () => {
    expect(maskPsk(keys, 'vco-a', '')).toBeUndefined();
  });

  it('matches only the right key, of any length', () => {
    expect(keys.matches('vco-a', 'right-key', 'right-key')).toBe(true);
    expect(keys.matches('vco-a', 'right-key', 'wrong-key')).toBe(false);
    expect(keys.matches('vco-a', 'right-key', 'right-key-but-longer')).toBe(false);
  });
});
