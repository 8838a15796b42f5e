// Client IP pool rules shared by the IPsec server and the SSL-VPN server.
import { findOverlaps, parseCidr, RESERVED_RANGES } from '../cidr';
import { ISSUE_CODES } from '../errors/issue-codes';
import { cidrSchema, type CidrRules } from './cidr-fields';
import { addIssue } from './issue';

/** Client pool: canonical, prefix /16–/29, outside the reserved ranges (reference §6.2). */
export const CLIENT_POOL_RULES: CidrRules = {
  prefix: { min: 16, max: 29, code: ISSUE_CODES.CLIENT_POOL_PREFIX_RANGE },
  reserved: RESERVED_RANGES,
};

export const clientIpPoolSchema = cidrSchema(CLIENT_POOL_RULES);

/** The client pool must not overlap any local subnet; reported on `clientIpPool`. */
export function refineClientPoolVsLocalSubnet(
  value: { clientIpPool?: unknown; localSubnet?: unknown },
  ctx: Parameters<typeof addIssue>[0],
): void {
  // Read defensively: it also runs while other fields are still half typed (evenWithOtherIssues).
  const { clientIpPool, localSubnet } = value;
  if (typeof clientIpPool !== 'string' || !Array.isArray(localSubnet)) return;
  const subnets = localSubnet.filter((c): c is string => typeof c === 'string');
  const clash = findOverlaps([clientIpPool], subnets)[0];
  if (clash !== undefined) {
    addIssue(ctx, ISSUE_CODES.CLIENT_POOL_OVERLAPS_LOCAL_SUBNET, ['clientIpPool'], {
      other: clash.b,
    });
  }
}

/**
 * The largest prefix (smallest pool) that serves `maxConnections` SSL-VPN clients: each client takes a
 * /30, so the pool needs 4 × maxConnections addresses (reference §6.2: 5 → /27 … 1000 → /20).
 */
export function maxClientPoolPrefix(maxConnections: number): number {
  const needed = Math.max(1, Math.ceil(maxConnections)) * 4;
  return 32 - Math.ceil(Math.log2(needed));
}

/**
 * Server-side check for the BFF (it knows the gateway's SslMaxConnections): reports CLIENT_POOL_TOO_SMALL
 * on `clientIpPool` when the pool cannot serve every concurrent client.
 */
export function refineClientPoolSize(maxConnections: number) {
  return (value: { clientIpPool?: string }, ctx: Parameters<typeof addIssue>[0]): void => {
    const pool = value.clientIpPool === undefined ? undefined : parseCidr(value.clientIpPool);
    if (pool === undefined) return;
    const maxPrefix = maxClientPoolPrefix(maxConnections);
    if (pool.prefix > maxPrefix) {
      addIssue(ctx, ISSUE_CODES.CLIENT_POOL_TOO_SMALL, ['clientIpPool'], {
        maxConnections,
        maxPrefix,
      });
    }
  };
}

/**
 * Server-side check for the BFF (it knows the VPC CIDR blocks): the client pool must not conflict with
 * the VPC side (seed 001, InvalidClientIpPool.Conflict). Reported as CLIENT_POOL_OVERLAPS_VPC on `clientIpPool`.
 */
export function refineClientPoolVsVpc(vpcCidrs: readonly string[]) {
  return (value: { clientIpPool?: string }, ctx: Parameters<typeof addIssue>[0]): void => {
    if (value.clientIpPool === undefined) return;
    const clash = findOverlaps([value.clientIpPool], vpcCidrs)[0];
    if (clash !== undefined) {
      addIssue(ctx, ISSUE_CODES.CLIENT_POOL_OVERLAPS_VPC, ['clientIpPool'], { other: clash.b });
    }
  };
}
