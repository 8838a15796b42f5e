// Name and description rules per resource, in the seeds' wording.
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { addIssue, required } from './issue';

const C = ISSUE_CODES;
const HTTP_PREFIX = /^https?:\/\//i;
const STARTS_WITH_LETTER_OR_HAN = /^[A-Za-z\p{Script=Han}]/u;
const NAME_CHARS = /^[A-Za-z0-9\p{Script=Han}._-]+$/u;

/** Length in Unicode code points (a Chinese character counts as one). */
function length(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}

/** 1–100 characters, not starting with http:// or https:// (seed 001 CreateIpsecServer; §6.3 current). */
function shortNameSchema(code: 'NAME' | 'DESCRIPTION') {
  const lengthCode = code === 'NAME' ? C.NAME_LENGTH : C.DESCRIPTION_LENGTH;
  const prefixCode = code === 'NAME' ? C.NAME_HTTP_PREFIX : C.DESCRIPTION_HTTP_PREFIX;
  return z.string(required).superRefine((value, ctx) => {
    const n = length(value);
    if (n < 1 || n > 100) addIssue(ctx, lengthCode, [], { min: 1, max: 100 });
    else if (HTTP_PREFIX.test(value)) addIssue(ctx, prefixCode);
  });
}

/**
 * 2–128 characters, starts with a letter or a Chinese character, then letters, Chinese characters,
 * digits, `.`, `_`, `-`; not starting with http:// or https:// (seeds 002 and 003).
 */
function longNameSchema() {
  return z.string(required).superRefine((value, ctx) => {
    const n = length(value);
    if (n < 2 || n > 128) addIssue(ctx, C.NAME_LENGTH, [], { min: 2, max: 128 });
    else if (HTTP_PREFIX.test(value)) addIssue(ctx, C.NAME_HTTP_PREFIX);
    else if (!STARTS_WITH_LETTER_OR_HAN.test(value)) addIssue(ctx, C.NAME_START);
    else if (!NAME_CHARS.test(value)) addIssue(ctx, C.NAME_CHARSET);
  });
}

/** IPsec server name (seed 001 wins over 000 and 004's older 2–128 wording): 1–100, not http(s)://. */
export const ipsecServerNameSchema = shortNameSchema('NAME');
/** IPsec connection name (seed 002). */
export const vpnConnectionNameSchema = longNameSchema();
/** SSL-VPN server name (seed 003). */
export const sslVpnServerNameSchema = longNameSchema();
/** Customer gateway name (reference §5.3): 1–100, not http(s)://. */
export const customerGatewayNameSchema = shortNameSchema('NAME');
/** Customer gateway description (reference §5.3): 1–100, not http(s)://. */
export const customerGatewayDescriptionSchema = shortNameSchema('DESCRIPTION');
