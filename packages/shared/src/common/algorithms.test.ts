import { describe, expect, it } from 'vitest';
import { algorithmsFor, strongerChoice, WEAK_CHOICES } from './algorithms';

describe('weak algorithm choices', () => {
  it('names md5, des/3des and DH group1/2/5, each with a stronger choice of the same field', () => {
    expect(strongerChoice('auth', 'md5')).toBe('sha256');
    expect(strongerChoice('enc', 'des')).toBe('aes256');
    expect(strongerChoice('enc', '3des')).toBe('aes256');
    for (const g of ['group1', 'group2', 'group5']) expect(strongerChoice('dh', g)).toBe('group14');
    for (const ok of ['sha1', 'sha256', 'aes', 'aes256', 'sm3', 'sm4', 'group14', 'disabled']) {
      expect(
        strongerChoice('auth', ok) ?? strongerChoice('enc', ok) ?? strongerChoice('dh', ok),
      ).toBe(undefined);
    }
  });

  it('proposes only values a standard gateway offers', () => {
    const std = algorithmsFor('standard');
    expect(std.authAlgs).toContain(WEAK_CHOICES.auth.proposed);
    expect(std.encAlgs).toContain(WEAK_CHOICES.enc.proposed);
    expect(std.ikePfs).toContain(WEAK_CHOICES.dh.proposed);
    expect(std.ipsecPfs).toContain(WEAK_CHOICES.dh.proposed);
  });
});
