// CreateVpnConnection (single tunnel, seed 002) and ModifyVpnConnectionAttribute (reference §5.4).
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { bgpConfigChangeSchema, bgpConfigCreateSchema } from '../common/bgp-config';
import { contains, findOverlaps, isIpv4Address } from '../cidr';
import { cidrListSchema } from '../common/cidr-fields';
import {
  booleanSchema,
  clientTokenSchema,
  customerGatewayIdSchema,
  regionIdSchema,
  vpnConnectionIdSchema,
  vpnGatewayIdSchema,
} from '../common/fields';
import { memoByGatewayType, type SchemaContext } from '../common/gateway-type';
import {
  healthCheckConfigChangeSchema,
  healthCheckConfigCreateSchema,
} from '../common/health-check-config';
import {
  connectionIkeConfigChangeSchema,
  connectionIkeConfigCreateSchema,
  ipsecConfigChangeSchema,
  ipsecConfigCreateSchema,
} from '../common/ike-config';
import { addIssue, evenWithOtherIssues, required } from '../common/issue';
import { vpnConnectionNameSchema } from '../common/names';
import { refuseControlCharacters } from '../common/text';

const C = ISSUE_CODES;

/** LocalSubnet / RemoteSubnet: comma lists of canonical, distinct CIDRs (`0.0.0.0/0` allowed). */
export const connectionSubnetSchema = cidrListSchema();

/** The peer CA certificate (PEM) for SM gateways. */
export const remoteCaCertificateSchema = z
  .string(required)
  .superRefine((value, ctx) => {
    refuseControlCharacters(value, ctx, { lineBreaks: true });
  })
  .refine(
    (value) => value.trimStart().startsWith('-----BEGIN CERTIFICATE-----'),
    C.CERTIFICATE_FORMAT,
  );

/**
 * RemoteCaCertificate is required for SM (国密) gateways and refused for standard ones (seed 002).
 * `requireForSm` is false for Modify, where an omitted certificate means "unchanged".
 */
export function refineRemoteCaCertificate(ctx: SchemaContext, requireForSm: boolean) {
  return (value: { remoteCaCertificate?: string }, rctx: Parameters<typeof addIssue>[0]): void => {
    const has = value.remoteCaCertificate !== undefined;
    if (ctx.gatewayType === 'sm' && requireForSm && !has) {
      addIssue(rctx, C.REMOTE_CA_CERT_REQUIRED_FOR_SM, ['remoteCaCertificate']);
    }
    if (ctx.gatewayType === 'standard' && has) {
      addIssue(rctx, C.REMOTE_CA_CERT_NOT_FOR_STANDARD, ['remoteCaCertificate']);
    }
  };
}

const isAnyRoute = (cidr: string): boolean => cidr === '0.0.0.0/0';

/** The well-formed CIDR texts of a list that may still be half typed (other fields' issues). */
const typedList = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((c): c is string => typeof c === 'string' && c !== '' && !isAnyRoute(c))
    : [];

export { evenWithOtherIssues };

/**
 * The local (VPC) and remote (customer) sides share no address (issue 17: a remote subnet inside
 * the local one passed). `0.0.0.0/0` on either side is destination-based routing, not a subnet.
 */
export function refineSubnetsApart(
  value: { localSubnet?: unknown; remoteSubnet?: unknown },
  ctx: z.RefinementCtx,
): void {
  const [first] = findOverlaps(typedList(value.remoteSubnet), typedList(value.localSubnet));
  if (first !== undefined) {
    addIssue(ctx, C.REMOTE_SUBNET_OVERLAPS_LOCAL, ['remoteSubnet'], {
      remote: first.a,
      local: first.b,
    });
  }
}

/** The health check's source IP is a local (VPC side) address, never one of the remote subnets. */
export function refineHealthCheckSource(
  value: { remoteSubnet?: unknown; healthCheckConfig?: unknown },
  ctx: z.RefinementCtx,
): void {
  const hc = value.healthCheckConfig;
  if (typeof hc !== 'object' || hc === null) return;
  const { enable, sip } = hc as { enable?: unknown; sip?: unknown };
  if (enable !== true || typeof sip !== 'string' || !isIpv4Address(sip)) return;
  const subnet = typedList(value.remoteSubnet).find((c) => contains(c, sip));
  if (subnet !== undefined) {
    addIssue(ctx, C.HEALTH_CHECK_SIP_IN_REMOTE_SUBNET, ['healthCheckConfig', 'sip'], { subnet });
  }
}

/** The create form, split by wizard step. */
export function vpnConnectionCreateParts(ctx: SchemaContext) {
  return {
    basics: {
      regionId: regionIdSchema,
      vpnGatewayId: vpnGatewayIdSchema,
      customerGatewayId: customerGatewayIdSchema,
      name: vpnConnectionNameSchema.optional(),
      localSubnet: connectionSubnetSchema,
      remoteSubnet: connectionSubnetSchema,
      effectImmediately: booleanSchema.default(false),
    },
    phase1: {
      ikeConfig: connectionIkeConfigCreateSchema(ctx).prefault({}),
      remoteCaCertificate: remoteCaCertificateSchema.optional(),
    },
    phase2: { ipsecConfig: ipsecConfigCreateSchema(ctx, 'vpn-connection').prefault({}) },
    advanced: {
      autoConfigRoute: booleanSchema.default(true),
      enableDpd: booleanSchema.default(true),
      enableNatTraversal: booleanSchema.default(true),
      bgpConfig: bgpConfigCreateSchema.optional(),
      healthCheckConfig: healthCheckConfigCreateSchema.optional(),
      clientToken: clientTokenSchema.optional(),
      dryRun: booleanSchema.optional(),
    },
  };
}

export const createVpnConnectionSchema = memoByGatewayType((ctx) => {
  const p = vpnConnectionCreateParts(ctx);
  return z
    .strictObject({ ...p.basics, ...p.phase1, ...p.phase2, ...p.advanced }, required)
    .superRefine(refineRemoteCaCertificate(ctx, true))
    .superRefine(refineSubnetsApart, evenWithOtherIssues)
    .superRefine(refineHealthCheckSource, evenWithOtherIssues);
});

export const modifyVpnConnectionAttributeSchema = memoByGatewayType((ctx) =>
  z
    .strictObject(
      {
        regionId: regionIdSchema,
        vpnConnectionId: vpnConnectionIdSchema,
        name: vpnConnectionNameSchema.optional(),
        localSubnet: connectionSubnetSchema.optional(),
        remoteSubnet: connectionSubnetSchema.optional(),
        effectImmediately: booleanSchema.optional(),
        ikeConfig: connectionIkeConfigChangeSchema(ctx).optional(),
        remoteCaCertificate: remoteCaCertificateSchema.optional(),
        ipsecConfig: ipsecConfigChangeSchema(ctx).optional(),
        autoConfigRoute: booleanSchema.optional(),
        enableDpd: booleanSchema.optional(),
        enableNatTraversal: booleanSchema.optional(),
        bgpConfig: bgpConfigChangeSchema.optional(),
        healthCheckConfig: healthCheckConfigChangeSchema.optional(),
        clientToken: clientTokenSchema.optional(),
      },
      required,
    )
    .superRefine(refineRemoteCaCertificate(ctx, false))
    .superRefine(refineSubnetsApart, evenWithOtherIssues)
    .superRefine(refineHealthCheckSource, evenWithOtherIssues),
);

type CreateSchema = ReturnType<typeof createVpnConnectionSchema>;
type ModifySchema = ReturnType<typeof modifyVpnConnectionAttributeSchema>;
export type CreateVpnConnectionInput = z.input<CreateSchema>;
export type CreateVpnConnectionValue = z.output<CreateSchema>;
export type ModifyVpnConnectionAttributeInput = z.input<ModifySchema>;
export type ModifyVpnConnectionAttributeValue = z.output<ModifySchema>;
