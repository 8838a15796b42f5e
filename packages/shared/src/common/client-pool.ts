// Client IP pool rules shared by the IPsec server and the SSL-VPN server.
import { findOverlaps, RESERVED_RANGES } from '../cidr';
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
  value: { clientIpPool?: string; localSubnet?: readonly string[] },
  ctx: Parameters<typeof addIssue>[0],
): void {
  const { clientIpPool, localSubnet } = value;
  if (clientIpPool === undefined || localSubnet === undefined) return;
  const clash = findOverlaps([clientIpPool], localSubnet)[0];
  if (clash !== undefined) {
    addIssue(ctx, ISSUE_CODES.CLIENT_POOL_OVERLAPS_LOCAL_SUBNET, ['clientIpPool'], {
      other: clash.b,
    });
  }
}
