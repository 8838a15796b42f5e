// Characters no free-text field may hold: C0 and C1 controls (NUL, ESC, CR, …, U+0080–U+009F)
// and the bidirectional formatting characters (U+202A–U+202E overrides/embeddings, U+2066–U+2069
// isolates, U+200E/U+200F/U+061C marks) that make a name read differently than it is stored.
// One rule for every free-text field; the cloud's own name rules still apply after it.
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { addIssue } from './issue';

const CONTROL_OR_BIDI = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** The same set without CR and LF. */
const CONTROL_OR_BIDI_EXCEPT_LINE_BREAKS =
  /(?![\r\n])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The first control or bidi character of `value` as `U+XXXX`, or undefined when clean. */
export function controlCharacterIn(
  value: string,
  options: { readonly lineBreaks?: boolean } = {},
): string | undefined {
  const match = (
    options.lineBreaks === true ? CONTROL_OR_BIDI_EXCEPT_LINE_BREAKS : CONTROL_OR_BIDI
  ).exec(value);
  if (match === null) return undefined;
  const point = match[0].codePointAt(0) ?? 0;
  return `U+${point.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Adds `CONTROL_CHARACTER` (with the offending `{char}`) when `value` holds one; returns whether
 * it did, so a refinement can stop there. `lineBreaks`: CR and LF are allowed (PEM text).
 */
export function refuseControlCharacters(
  value: string,
  ctx: Parameters<typeof addIssue>[0],
  options: { readonly lineBreaks?: boolean } = {},
): boolean {
  const char = controlCharacterIn(value, options);
  if (char === undefined) return false;
  addIssue(ctx, ISSUE_CODES.CONTROL_CHARACTER, [], { char });
  return true;
}

/** Free text of `min`–`max` characters without control or bidi characters. */
export function printableTextSchema(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .superRefine((value, ctx) => {
      refuseControlCharacters(value, ctx);
    });
}
