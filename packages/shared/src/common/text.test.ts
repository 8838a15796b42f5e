import { describe, expect, it } from 'vitest';
import { collectIssues } from '../errors/issues';
import { formatIssueMessage } from '../errors/issue-texts';
import {
  customerGatewayDescriptionSchema,
  ipsecServerNameSchema,
  vpnConnectionNameSchema,
} from './names';
import { ikeIdentitySchema } from './fields';
import { remoteCaCertificateSchema } from '../vpn-connection/schema';
import { controlCharacterIn } from './text';

const hostile: readonly [string, string][] = [
  ['a\u0000b', 'U+0000'],
  ['ab\u001b[31m', 'U+001B'],
  ['a\r\nb', 'U+000D'],
  ['a\tb', 'U+0009'],
  ['a\u007fb', 'U+007F'],
  ['a\u0085b', 'U+0085'],
  ['a\u009bb', 'U+009B'],
  ['evil\u202Egnp.exe', 'U+202E'],
  ['a\u202Ab', 'U+202A'],
  ['a\u2066b\u2069', 'U+2066'],
  ['a\u200Fb', 'U+200F'],
  ['a\u061Cb', 'U+061C'],
];

describe('control and bidi characters in free text', () => {
  it.each(hostile)(
    'refuses %j in every free-text field with CONTROL_CHARACTER %s',
    (value, char) => {
      for (const schema of [
        ipsecServerNameSchema,
        vpnConnectionNameSchema,
        customerGatewayDescriptionSchema,
        ikeIdentitySchema,
      ]) {
        const result = schema.safeParse(value);
        expect(result.success).toBe(false);
        if (result.success) continue;
        expect(collectIssues(result.error)).toEqual([
          { path: '', code: 'CONTROL_CHARACTER', params: { char } },
        ]);
      }
    },
  );

  it('words the refusal in both languages, naming the character', () => {
    expect(formatIssueMessage('CONTROL_CHARACTER', 'en', { char: 'U+0000' })).toBe(
      'Must not contain control or text-direction characters (U+0000).',
    );
    expect(formatIssueMessage('CONTROL_CHARACTER', 'zh', { char: 'U+202E' })).toContain('U+202E');
  });

  it('keeps ordinary text, Chinese and emoji, and line breaks only in PEM text', () => {
    expect(ipsecServerNameSchema.safeParse('杭州 server-1 ✓').success).toBe(true);
    expect(controlCharacterIn('plain text ü 中文 🙂')).toBeUndefined();
    const pem = '-----BEGIN CERTIFICATE-----\r\nMIIB\n-----END CERTIFICATE-----\n';
    expect(remoteCaCertificateSchema.safeParse(pem).success).toBe(true);
    expect(remoteCaCertificateSchema.safeParse(`${pem}\u0000`).success).toBe(false);
  });
});
