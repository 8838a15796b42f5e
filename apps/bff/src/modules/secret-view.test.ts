import { createHash } from 'node:crypto';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import { describe, expect, it } from 'vitest';
import { pskFingerprint, secretView as maskPsk } from './secret-view';

describe('PSK masking', () => {
  it('fingerprints as the first 12 hex of SHA-256("<resourceId>:<psk>")', () => {
    // Same recipe as `printf '%s' 'vco-abc:s3cret!' | sha256sum | cut -c1-12`.
    const expected = createHash('sha256').update('vco-abc:s3cret!').digest('hex').slice(0, 12);
    expect(pskFingerprint('vco-abc', 's3cret!')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{12}$/);
  });

  it('salts with the resource id and hides the length', () => {
    expect(pskFingerprint('vco-a', 'k')).not.toBe(pskFingerprint('vco-b', 'k'));
    expect(maskPsk('vco-a', 'short')?.masked).toBe(PSK_MASK);
    expect(maskPsk('vco-a', 'a-much-longer-pre-shared-key-value')?.masked).toBe(PSK_MASK);
  });

  it('has no view for a missing key', () => {
    expect(maskPsk('vco-a', '')).toBeUndefined();
  });
});
