// Dual-tunnel IPsec connections (CreateVpnConnection / ModifyVpnConnectionAttribute with
// TunnelOptionsSpecification, ModifyTunnelAttribute; reference §5.4, @alicloud/vpc20160428). A
// gateway with a second IP (DisasterRecoveryInternetIp) takes only these; the single-tunnel schemas
// in schema.ts take the others. `vpnConnectionSchemasFor` chooses from the gateway's facts.
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { contains, ipv4ToInt, parseCidr } from '../cidr';
import { tunnelCidrSchema } from '../common/bgp-config';
import {
  asnSchema,
  booleanSchema,
  clientTokenSchema,
  customerGatewayIdSchema,
  ipv4AddressSchema,
  regionIdSchema,
  vpnConnectionIdSchema,
  vpnGatewayIdSchema,
} from '../common/fields';
import { memoByGatewayType, type SchemaContext } from '../common/gateway-type';
import {
  connectionIkeConfigChangeSchema,
  connectionIkeConfigCreateSchema,
  ipsecConfigChangeSchema,
  ipsecConfigCreateSchema,
} from '../common/ike-config';
import { addIssue, required, requiredOr } from '../common/issue';
import { vpnConnectionNameSchema } from '../common/names';
import {
  connectionSubnetSchema,
  refineRemoteCaCertificate,
  remoteCaCertificateSchema,
} from './schema';

const C = ISSUE_CODES;

export const TUNNEL_ROLES = ['master', 'slave'] as const;
export type TunnelRole = (typeof TUNNEL_ROLES)[number];

/** `tun-…` (reference §5: tunnel ids). */
export const tunnelIdSchema = z.string(required).regex(/^tun-[a-z0-9]{1,64}$/, C.INVALID_FORMAT);

const roleSchema = z.enum(TUNNEL_ROLES, requiredOr(C.INVALID_ENUM));

/** A tunnel's BGP (TunnelBgpConfig): the connection-wide switch is `enableTunnelsBgp`. */
const tunnelBgpConfigSchema = z.strictObject(
  {
    localAsn: asnSchema.optional(),
    tunnelCidr: tunnelCidrSchema.optional(),
    localBgpIp: ipv4AddressSchema.optional(),
  },
  required,
);

type TunnelBgp = z.output<typeof tunnelBgpConfigSchema>;
type RefineCtx = Parameters<typeof addIssue>[0];

/** The local BGP IP inside the tunnel CIDR and not its network/broadcast address (as single-tunnel). */
function refineTunnelBgpAddresses(bgp: TunnelBgp, ctx: RefineCtx, path: PropertyKey[]): void {
  const { tunnelCidr, localBgpIp } = bgp;
  if (tunnelCidr === undefined || localBgpIp === undefined) return;
  const inside = bgpLocalIpProblem(tunnelCidr, localBgpIp);
  if (inside !== undefined) addIssue(ctx, inside, [...path, 'localBgpIp'], { tunnelCidr });
}

function bgpLocalIpProblem(
  tunnelCidr: string,
  localBgpIp: string,
): typeof C.BGP_LOCAL_IP_OUTSIDE_TUNNEL | typeof C.BGP_LOCAL_IP_NOT_HOST | undefined {
  const cidr = parseCidr(tunnelCidr);
  const ip = ipv4ToInt(localBgpIp);
  if (cidr === undefined || ip === undefined) return undefined;
  if (!contains(tunnelCidr, localBgpIp)) return C.BGP_LOCAL_IP_OUTSIDE_TUNNEL;
  if (ip === cidr.network || ip === cidr.broadcast) return C.BGP_LOCAL_IP_NOT_HOST;
  return undefined;
}

/** One tunnel of a new dual-tunnel connection (TunnelOptionsSpecification.N). */
export function tunnelCreateSchema(ctx: SchemaContext) {
  return z
    .strictObject(
      {
        role: roleSchema,
        customerGatewayId: customerGatewayIdSchema,
        enableDpd: booleanSchema.default(true),
        enableNatTraversal: booleanSchema.default(true),
        remoteCaCertificate: remoteCaCertificateSchema.optional(),
        ikeConfig: connectionIkeConfigCreateSchema(ctx).prefault({}),
        ipsecConfig: ipsecConfigCreateSchema(ctx, 'vpn-connection').prefault({}),
        bgpConfig: tunnelBgpConfigSchema.optional(),
      },
      required,
    )
    .superRefine(refineRemoteCaCertificate(ctx, true));
}

/** One tunnel of a change: named by `tunnelId`, only the given fields are sent. */
export function tunnelChangeSchema(ctx: SchemaContext) {
  return z
    .strictObject(
      {
        tunnelId: tunnelIdSchema,
        role: roleSchema.optional(),
        customerGatewayId: customerGatewayIdSchema.optional(),
        enableDpd: booleanSchema.optional(),
        enableNatTraversal: booleanSchema.optional(),
        remoteCaCertificate: remoteCaCertificateSchema.optional(),
        ikeConfig: connectionIkeConfigChangeSchema(ctx).optional(),
        ipsecConfig: ipsecConfigChangeSchema(ctx).optional(),
        bgpConfig: tunnelBgpConfigSchema.optional(),
      },
      required,
    )
    .superRefine(refineRemoteCaCertificate(ctx, false));
}

type TunnelValue = {
  role?: TunnelRole | undefined;
  bgpConfig?: TunnelBgp | undefined;
};

/** Exactly one master and one slave among the tunnels that state a role. */
function refineRoles(tunnels: readonly TunnelValue[], ctx: RefineCtx, all: boolean): void {
  const roles = tunnels.map((t) => t.role);
  if (!all && roles.every((r) => r === undefined)) return;
  const masters = roles.filter((r) => r === 'master').length;
  const slaves = roles.filter((r) => r === 'slave').length;
  const known = roles.filter((r) => r !== undefined).length;
  if (masters > 1 || slaves > 1 || (all && known === 2 && (masters !== 1 || slaves !== 1))) {
    tunnels.forEach((t, i) => {
      if (t.role !== undefined) addIssue(ctx, C.TUNNEL_ROLES, ['tunnels', i, 'role']);
    });
  }
}

/** With BGP on every tunnel needs its ASN, tunnel CIDR and local IP (LocalAsn per the SDK text). */
const BGP_ON_NEEDS = ['localAsn', 'tunnelCidr', 'localBgpIp'] as const;

type BgpOnFields = { [K in (typeof BGP_ON_NEEDS)[number]]?: unknown };

/** The cloud describes a field BGP does not use as '' (shared key-map: '' is not set). */
const unset = (bgp: BgpOnFields | undefined, field: (typeof BGP_ON_NEEDS)[number]) =>
  bgp?.[field] === undefined || bgp[field] === '';

function requireBgpOnFields(bgp: BgpOnFields, ctx: RefineCtx, path: PropertyKey[]): void {
  for (const field of BGP_ON_NEEDS) {
    if (unset(bgp, field)) addIssue(ctx, C.REQUIRED, [...path, field]);
  }
}

function refineTunnelBgp(
  tunnels: readonly TunnelValue[],
  enableTunnelsBgp: boolean,
  ctx: RefineCtx,
): void {
  tunnels.forEach((t, i) => {
    const path = ['tunnels', i, 'bgpConfig'];
    const bgp = t.bgpConfig ?? {};
    if (enableTunnelsBgp) requireBgpOnFields(bgp, ctx, path);
    refineTunnelBgpAddresses(bgp, ctx, path);
  });
  const [a, b] = tunnels.map((t) => t.bgpConfig?.tunnelCidr);
  if (a !== undefined && a === b) {
    addIssue(ctx, C.TUNNEL_CIDR_DUPLICATE, ['tunnels', 1, 'bgpConfig', 'tunnelCidr']);
  }
}

/** CreateVpnConnection on a dual-tunnel gateway (the single-tunnel parameters are not accepted). */
export const createDualTunnelVpnConnectionSchema = memoByGatewayType((ctx) =>
  z
    .strictObject(
      {
        regionId: regionIdSchema,
        vpnGatewayId: vpnGatewayIdSchema,
        name: vpnConnectionNameSchema.optional(),
        localSubnet: connectionSubnetSchema,
        remoteSubnet: connectionSubnetSchema,
        effectImmediately: booleanSchema.default(false),
        autoConfigRoute: booleanSchema.default(true),
        enableTunnelsBgp: booleanSchema.default(false),
        tunnels: z.array(tunnelCreateSchema(ctx), required).superRefine((list, rctx) => {
          if (list.length !== 2) addIssue(rctx, C.TUNNEL_COUNT);
        }),
        clientToken: clientTokenSchema.optional(),
        dryRun: booleanSchema.optional(),
      },
      required,
    )
    .superRefine((value, rctx) => {
      if (value.tunnels.length !== 2) return;
      refineRoles(value.tunnels, rctx, true);
      refineTunnelBgp(value.tunnels, value.enableTunnelsBgp, rctx);
    }),
);

/**
 * ModifyVpnConnectionAttribute on a dual-tunnel connection: connection fields, `enableTunnelsBgp`
 * and up to two tunnels named by `tunnelId`. Whether BGP on needs more than the tunnels given
 * depends on the tunnels' current settings: `refineBgpTurnedOn`, which the BFF chains after this
 * schema with the connection as the cloud has it.
 */
export const modifyDualTunnelVpnConnectionSchema = memoByGatewayType((ctx) =>
  z
    .strictObject(
      {
        regionId: regionIdSchema,
        vpnConnectionId: vpnConnectionIdSchema,
        name: vpnConnectionNameSchema.optional(),
        localSubnet: connectionSubnetSchema.optional(),
        remoteSubnet: connectionSubnetSchema.optional(),
        effectImmediately: booleanSchema.optional(),
        autoConfigRoute: booleanSchema.optional(),
        enableTunnelsBgp: booleanSchema.optional(),
        tunnels: z
          .array(tunnelChangeSchema(ctx), required)
          .superRefine((list, rctx) => {
            if (list.length > 2) addIssue(rctx, C.TUNNEL_COUNT);
            const ids = list.map((t) => t.tunnelId);
            ids.forEach((id, i) => {
              if (ids.indexOf(id) !== i) addIssue(rctx, C.TUNNEL_ID_DUPLICATE, [i, 'tunnelId']);
            });
          })
          .optional(),
        clientToken: clientTokenSchema.optional(),
      },
      required,
    )
    .superRefine((value, rctx) => {
      const tunnels = value.tunnels ?? [];
      refineRoles(tunnels, rctx, tunnels.length === 2);
      refineTunnelBgp(tunnels, false, rctx);
    }),
);

/** A tunnel as the cloud has it now, for the change checks that need it. */
interface CurrentTunnel {
  tunnelId: string;
  /** 1 or 2 (TunnelIndex). */
  tunnelIndex: number;
  bgpConfig?: BgpOnFields | undefined;
}

/**
 * An edit that turns BGP on (`enableTunnelsBgp: true` on a connection whose BGP is off) needs each
 * tunnel's ASN, tunnel CIDR and local IP, from the edit or already in the cloud; the cloud refuses
 * it otherwise (MissingParameter). A tunnel the edit names gets each missing field at its place in
 * the edit's list; one it does not name is said at the switch (its index would be ambiguous).
 */
export const refineBgpTurnedOn =
  (current: { enableTunnelsBgp: boolean; tunnels: readonly CurrentTunnel[] }) =>
  (
    value: {
      vpnConnectionId: string;
      enableTunnelsBgp?: boolean | undefined;
      tunnels?: readonly { tunnelId: string; bgpConfig?: BgpOnFields | undefined }[] | undefined;
    },
    ctx: RefineCtx,
  ): void => {
    if (value.enableTunnelsBgp !== true || current.enableTunnelsBgp) return;
    const given = value.tunnels ?? [];
    for (const tunnel of current.tunnels) {
      const at = given.findIndex((t) => t.tunnelId === tunnel.tunnelId);
      if (at !== -1) {
        const bgp = { ...tunnel.bgpConfig, ...given[at]?.bgpConfig };
        requireBgpOnFields(bgp, ctx, ['tunnels', at, 'bgpConfig']);
      } else if (BGP_ON_NEEDS.some((field) => unset(tunnel.bgpConfig, field))) {
        addIssue(ctx, C.TUNNEL_BGP_NEEDED, ['enableTunnelsBgp'], { tunnel: tunnel.tunnelIndex });
      }
    }
  };

/** ModifyTunnelAttribute: one tunnel's settings (its role is not among them). */
export const modifyTunnelAttributeSchema = memoByGatewayType((ctx) => {
  const tunnel = tunnelChangeSchema(ctx);
  const { role: _role, ...fields } = tunnel.shape;
  return z
    .strictObject(
      {
        regionId: regionIdSchema,
        vpnConnectionId: vpnConnectionIdSchema,
        ...fields,
        clientToken: clientTokenSchema.optional(),
      },
      required,
    )
    .superRefine(refineRemoteCaCertificate(ctx, false))
    .superRefine((value, rctx) => {
      refineTunnelBgpAddresses(value.bgpConfig ?? {}, rctx, ['bgpConfig']);
    });
});

type CreateSchema = ReturnType<typeof createDualTunnelVpnConnectionSchema>;
type ModifySchema = ReturnType<typeof modifyDualTunnelVpnConnectionSchema>;
type TunnelSchema = ReturnType<typeof modifyTunnelAttributeSchema>;
export type CreateDualTunnelVpnConnectionInput = z.input<CreateSchema>;
export type CreateDualTunnelVpnConnectionValue = z.output<CreateSchema>;
export type ModifyDualTunnelVpnConnectionInput = z.input<ModifySchema>;
export type ModifyDualTunnelVpnConnectionValue = z.output<ModifySchema>;
export type ModifyTunnelAttributeInput = z.input<TunnelSchema>;
export type ModifyTunnelAttributeValue = z.output<TunnelSchema>;
