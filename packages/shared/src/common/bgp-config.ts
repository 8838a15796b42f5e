// BgpConfig (single-tunnel IPsec connection) sub-schema (seed 002; reference §6.4).
import { z } from 'zod';
import { canonicalize, contains, ipv4ToInt, parseCidr, reservedRangeOf } from '../cidr';
import { ISSUE_CODES, type IssueCode } from '../errors/issue-codes';
import { asnSchema, booleanSchema, ipv4AddressSchema } from './fields';
import { addIssue, required } from './issue';

const C = ISSUE_CODES;

export const BGP_LINK_LOCAL = '169.254.0.0/16';
/** Tunnel CIDRs the gateway reserves (reference §6.4). */
export const BGP_RESERVED_TUNNEL_CIDRS = [
  '169.254.0.0/30',
  '169.254.1.0/30',
  '169.254.2.0/30',
  '169.254.3.0/30',
  '169.254.4.0/30',
  '169.254.5.0/30',
  '169.254.6.0/30',
  '169.254.169.252/30',
] as const;
export const DEFAULT_LOCAL_ASN = 45104;

/** A /30 inside 169.254.0.0/16, canonical, outside the reserved blocks. */
export const tunnelCidrSchema = z.string(required).superRefine((text, ctx) => {
  const code = tunnelCidrProblem(text);
  if (code !== undefined) addIssue(ctx, code.code, [], code.params);
});

function tunnelCidrProblem(
  text: string,
): { code: IssueCode; params?: Record<string, string> } | undefined {
  const cidr = parseCidr(text);
  if (cidr === undefined) return { code: C.CIDR_INVALID };
  const expected = canonicalize(text);
  if (expected !== undefined && expected !== text) {
    return { code: C.CIDR_NOT_CANONICAL, params: { expected } };
  }
  if (cidr.prefix !== 30) return { code: C.TUNNEL_CIDR_PREFIX };
  if (!contains(BGP_LINK_LOCAL, text)) return { code: C.TUNNEL_CIDR_OUTSIDE_LINK_LOCAL };
  const reserved = reservedRangeOf(text, BGP_RESERVED_TUNNEL_CIDRS);
  if (reserved !== undefined) return { code: C.TUNNEL_CIDR_RESERVED, params: { range: reserved } };
  return undefined;
}

const bgpChangeFields = z.strictObject(
  {
    enableBgp: booleanSchema.optional(),
    localAsn: asnSchema.optional(),
    tunnelCidr: tunnelCidrSchema.optional(),
    localBgpIp: ipv4AddressSchema.optional(),
  },
  required,
);

/** Create and change share this check (a create value is a change value with defaults filled). */
function refineBgp(
  value: z.output<typeof bgpChangeFields>,
  ctx: Parameters<typeof addIssue>[0],
): void {
  if (value.enableBgp === true) {
    if (value.tunnelCidr === undefined) addIssue(ctx, C.REQUIRED, ['tunnelCidr']);
    if (value.localBgpIp === undefined) addIssue(ctx, C.REQUIRED, ['localBgpIp']);
  }
  const { tunnelCidr, localBgpIp } = value;
  if (tunnelCidr === undefined || localBgpIp === undefined) return;
  const cidr = parseCidr(tunnelCidr);
  const ip = ipv4ToInt(localBgpIp);
  if (cidr === undefined || ip === undefined) return;
  if (!contains(tunnelCidr, localBgpIp)) {
    addIssue(ctx, C.BGP_LOCAL_IP_OUTSIDE_TUNNEL, ['localBgpIp'], { tunnelCidr });
  } else if (ip === cidr.network || ip === cidr.broadcast) {
    addIssue(ctx, C.BGP_LOCAL_IP_NOT_HOST, ['localBgpIp'], { tunnelCidr });
  }
}

/** Create: enableBgp defaults to false, localAsn to 45104; tunnelCidr and localBgpIp needed when enabled. */
export const bgpConfigCreateSchema = z
  .strictObject(
    {
      enableBgp: booleanSchema.default(false),
      localAsn: asnSchema.default(DEFAULT_LOCAL_ASN),
      tunnelCidr: tunnelCidrSchema.optional(),
      localBgpIp: ipv4AddressSchema.optional(),
    },
    required,
  )
  .superRefine(refineBgp);

/** Change: every field optional, no defaults. */
export const bgpConfigChangeSchema = bgpChangeFields.superRefine(refineBgp);
