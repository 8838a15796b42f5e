// Field schemas shared by several requests. Each refusal carries a stable issue code.
import { z } from 'zod';
import { isIpv4Address } from '../cidr';
import { ISSUE_CODES } from '../errors/issue-codes';
import { refuseControlCharacters } from './text';
import { addIssue, required, requiredOr } from './issue';

const C = ISSUE_CODES;

export const regionIdSchema = z
  .string(required)
  .min(1, C.REQUIRED)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)+$/, C.INVALID_FORMAT);

function idSchema(prefix: string) {
  const pattern = new RegExp(`^${prefix}-\\S+$`);
  return z.string(required).min(1, C.REQUIRED).regex(pattern, C.INVALID_FORMAT);
}

export const vpnGatewayIdSchema = idSchema('vpn');
export const customerGatewayIdSchema = idSchema('cgw');
export const vpnConnectionIdSchema = idSchema('vco');
export const ipsecServerIdSchema = idSchema('iss');
export const sslVpnServerIdSchema = idSchema('vss');
export const sslVpnClientCertIdSchema = idSchema('vsc');

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** ClientToken: 1–64 ASCII characters (printable). */
export const clientTokenSchema = z.string(required).superRefine((value, ctx) => {
  if (value.length < 1 || value.length > 64) {
    addIssue(ctx, C.CLIENT_TOKEN_LENGTH, [], { min: 1, max: 64 });
  } else if (!PRINTABLE_ASCII.test(value)) {
    addIssue(ctx, C.CLIENT_TOKEN_ASCII);
  }
});

/** The documented PSK character set: letters, digits and ~!`@#$%^&*()_-+={}[]|;:'",.<>/? */
export const PSK_CHARSET = /^[A-Za-z0-9~!`@#$%^&*()_\-+={}[\]|;:'",.<>/?]+$/;

/** Pre-shared key: 1–100 characters from the documented set, no spaces. */
export const pskSchema = z.string(required).superRefine((value, ctx) => {
  if (value.length < 1 || value.length > 100) {
    addIssue(ctx, C.PSK_LENGTH, [], { min: 1, max: 100 });
  } else if (/\s/.test(value)) {
    addIssue(ctx, C.PSK_SPACE);
  } else if (!PSK_CHARSET.test(value)) {
    addIssue(ctx, C.PSK_CHARSET);
  }
});

/** LocalId / RemoteId: at most 100 characters, no spaces. */
export const ikeIdentitySchema = z.string(required).superRefine((value, ctx) => {
  if (refuseControlCharacters(value, ctx)) return;
  if (value.length > 100) addIssue(ctx, C.IKE_ID_TOO_LONG, [], { max: 100 });
  else if (/\s/.test(value)) addIssue(ctx, C.IKE_ID_SPACE);
  else if (value.length === 0) addIssue(ctx, C.REQUIRED);
});

/** SA lifetime in seconds: an integer 0–86400. */
export const lifetimeSchema = z.number(required).superRefine((value, ctx) => {
  if (!Number.isInteger(value)) addIssue(ctx, C.NOT_INTEGER);
  else if (value < 0 || value > 86400) addIssue(ctx, C.LIFETIME_RANGE, [], { min: 0, max: 86400 });
});

export const ipv4AddressSchema = z
  .string(required)
  .refine((value) => isIpv4Address(value), C.IPV4_INVALID);

/** A positive integer (health check interval and retry). */
export const positiveIntSchema = z.number(required).superRefine((value, ctx) => {
  if (!Number.isInteger(value) || value < 1) addIssue(ctx, C.POSITIVE_INTEGER);
});

export const ASN_MIN = 1;
export const ASN_MAX = 4294967295;

/**
 * Parses an AS number given as a number, a decimal string or the `a.b` form (a·65536 + b).
 * Returns undefined when the text is not one of these forms.
 */
export function parseAsn(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed);
  const dotted = /^(\d{1,5})\.(\d{1,5})$/.exec(trimmed);
  if (dotted === null) return undefined;
  const high = Number(dotted[1]);
  const low = Number(dotted[2]);
  if (high > 65535 || low > 65535) return undefined;
  return high * 65536 + low;
}

/** AS number 1–4294967295 as a number, a decimal string or `a.b`; the output is a number. */
export const asnSchema = z
  .union([z.number(), z.string()], requiredOr(C.INVALID_TYPE))
  .transform((value, ctx) => {
    const asn = parseAsn(value);
    if (asn === undefined) {
      addIssue(ctx, C.ASN_INVALID);
      return z.NEVER;
    }
    if (asn < ASN_MIN || asn > ASN_MAX) {
      addIssue(ctx, C.ASN_RANGE, [], { min: ASN_MIN, max: ASN_MAX });
      return z.NEVER;
    }
    return asn;
  });

/** A boolean form flag. */
export const booleanSchema = z.boolean(required);
