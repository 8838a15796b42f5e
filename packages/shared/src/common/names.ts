// Name and description rules per resource, as the current API documents them (API.md: where the
// seeds say otherwise).
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { addIssue, required } from './issue';
import { refuseControlCharacters } from './text';

const C = ISSUE_CODES;
const HTTP_PREFIX = /^https?:\/\//i;

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
    if (refuseControlCharacters(value, ctx)) return;
    const n = length(value);
    if (n < 1 || n > 100) addIssue(ctx, lengthCode, [], { min: 1, max: 100 });
    else if (HTTP_PREFIX.test(value)) addIssue(ctx, prefixCode);
  });
}

/** IPsec server name (seed 001 wins over 000 and 004's older 2–128 wording): 1–100, not http(s)://. */
export const ipsecServerNameSchema = shortNameSchema('NAME');
/**
 * IPsec connection name: 1–100, not http(s):// (the current API, `@alicloud/vpc20160428`; seed 002's
 * older 2–128 with a character rule is superseded, see API.md).
 */
export const vpnConnectionNameSchema = shortNameSchema('NAME');
/** SSL-VPN server name: 1–100, not http(s):// (current API; supersedes seed 003, see API.md). */
export const sslVpnServerNameSchema = shortNameSchema('NAME');
/** Customer gateway name (reference §5.3): 1–100, not http(s)://. */
export const customerGatewayNameSchema = shortNameSchema('NAME');
/** Customer gateway description (reference §5.3): 1–100, not http(s)://. */
export const customerGatewayDescriptionSchema = shortNameSchema('DESCRIPTION');
/** SSL-VPN client certificate name (CreateSslVpnClientCert / ModifySslVpnClientCert): 1–100, not http(s)://. */
export const sslVpnClientCertNameSchema = shortNameSchema('NAME');
