import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, isIssueCode } from './issue-codes';
import { formatIssueAction, formatIssueMessage, ISSUE_TEXTS } from './issue-texts';

describe('issue codes', () => {
  it('are stable SCREAMING_SNAKE strings equal to their keys', () => {
    for (const [key, value] of Object.entries(ISSUE_CODES)) {
      expect(value).toBe(key);
      expect(key).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });
  it('each have a Chinese and an English text', () => {
    for (const text of Object.values(ISSUE_TEXTS)) {
      expect(text.zh).toMatch(/\p{Script=Han}/u);
      expect(text.en).toMatch(/^[A-Z]/);
      expect(text.en).not.toMatch(/\p{Script=Han}/u);
    }
  });
  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const text of Object.values(ISSUE_TEXTS)) {
      expect(names(text.zh)).toEqual(names(text.en));
    }
  });
  it('fill placeholders and leave unknown ones visible', () => {
    expect(formatIssueMessage('PORT_RANGE', 'en', { min: 1, max: 65535 })).toBe(
      'The port must be between 1 and 65535.',
    );
    expect(formatIssueMessage('PORT_RANGE', 'zh', { min: 1, max: 65535 })).toBe(
      '端口取值范围为 1~65535。',
    );
    expect(formatIssueMessage('TOO_LONG', 'en')).toBe(
      'Must have at most {max} characters or items.',
    );
    expect(formatIssueAction('CIDR_NOT_CANONICAL', 'en', { expected: '10.0.0.0/24' })).toBe(
      'Change it to 10.0.0.0/24.',
    );
    expect(formatIssueAction('REQUIRED', 'en')).toBeUndefined();
  });
  it('recognise their own codes only', () => {
    expect(isIssueCode('REQUIRED')).toBe(true);
    expect(isIssueCode('toString')).toBe(false);
    expect(isIssueCode('Forbidden')).toBe(false);
  });
});
