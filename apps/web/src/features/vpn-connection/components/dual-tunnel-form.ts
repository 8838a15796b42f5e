// The dual-tunnel connection wizard's value and what it becomes: the form holds both tunnels
// (tunnel 2 a copy of tunnel 1 while "keep both tunnels the same" is on), the create body and the
// change bodies follow the shared schemas (vpn-connection/dual-tunnel.ts), and the edit form reads
// each tunnel back from what the cloud returned inside the tunnels, never from defaults.
import type { VpnConnectionView, VpnGatewayView } from '@vpn-console/shared/api/views';
import { ikeDefaults, ipsecDefaults } from '@vpn-console/shared/common/algorithms';
import { DEFAULT_LOCAL_ASN, tunnelCidrSchema } from '@vpn-console/shared/common/bgp-config';
import type { TunnelCidrUse } from '@vpn-console/shared/vpn-connection/tunnel-cidr';
import { asnSchema, ipv4AddressSchema } from '@vpn-console/shared/common/fields';
import type { SchemaContext } from '@vpn-console/shared/common/gateway-type';
import {
  connectionIkeConfigChangeSchema,
  ipsecConfigChangeSchema,
} from '@vpn-console/shared/common/ike-config';
import { addIssue } from '@vpn-console/shared/common/issue';
import { ISSUE_CODES, isIssueCode } from '@vpn-console/shared/errors/issue-codes';
import { vpnConnectionCreateSchemaFor } from '@vpn-console/shared/vpn-connection/by-gateway';
import type { TunnelRole } from '@vpn-console/shared/vpn-connection/dual-tunnel';
import { z } from 'zod';
import { withoutEmpty } from '../../../components/form';
import { changedFields } from '../../../components/wizard/diff';
import { issuesOf, type FormIssue } from '../../../lib/issue-text';
import { readBack, type UnknownCloudValue } from '../../../lib/read-back';
import { newCustomerGatewaySchema, type CustomerGatewayMode } from './customer-gateway-picker';

export interface TunnelForm {
  /** Edit: the tunnel this entry changes. */
  tunnelId?: string;
  role: TunnelRole;
  customerGatewayMode: CustomerGatewayMode;
  customerGatewayId: string;
  newCustomerGateway?: { ipAddress?: string; name?: string; asn?: number | '' };
  enableDpd?: boolean;
  enableNatTraversal?: boolean;
  remoteCaCertificate?: string;
  ikeConfig: Record<string, unknown>;
  ipsecConfig: Record<string, unknown>;
  bgpConfig: { localAsn?: number | ''; tunnelCidr?: string; localBgpIp?: string };
}

export interface DualTunnelForm {
  regionId: string;
  vpnGatewayId: string;
  name?: string;
  localSubnet: string[];
  remoteSubnet: string[];
  effectImmediately?: boolean;
  autoConfigRoute?: boolean;
  enableTunnelsBgp?: boolean;
  /** Wizard only: tunnel 2 takes tunnel 1's settings (all but its own peer, ids and addresses). */
  sameTunnels: boolean;
  tunnels: [TunnelForm, TunnelForm];
}

/** Connection-wide fields (the basics step). */
export const CONNECTION_FIELDS = [
  'regionId',
  'vpnGatewayId',
  'name',
  'localSubnet',
  'remoteSubnet',
  'effectImmediately',
  'autoConfigRoute',
  'enableTunnelsBgp',
] as const;

/** A tunnel's secret, relative to the tunnel. */
export const TUNNEL_SECRETS = ['ikeConfig.psk'] as const;

/** Placeholder id while a tunnel's customer gateway is still to be created (checks only). */
const pendingCgwId = (index: number) => `cgw-to-be-created-${String(index + 1)}`;

/**
 * Tunnel 2 as it will be sent: with "keep both the same" on, tunnel 1's settings except what
 * belongs to tunnel 2 alone (its customer gateway, its identities, its BGP addresses).
 */
export const effectiveTunnels = (v: DualTunnelForm): [TunnelForm, TunnelForm] => {
  const [one, two] = v.tunnels;
  if (!v.sameTunnels) return [one, two];
  const copy: TunnelForm = {
    ...two,
    enableDpd: one.enableDpd,
    enableNatTraversal: one.enableNatTraversal,
    ikeConfig: {
      ...one.ikeConfig,
      localId: two.ikeConfig.localId ?? '',
      remoteId: two.ikeConfig.remoteId ?? '',
    },
    ipsecConfig: { ...one.ipsecConfig },
    bgpConfig: { ...two.bgpConfig, localAsn: one.bgpConfig.localAsn ?? '' },
  };
  if (one.remoteCaCertificate !== undefined) copy.remoteCaCertificate = one.remoteCaCertificate;
  return [one, copy];
};

const newTunnel = (gateway: VpnGatewayView, ctx: SchemaContext, role: TunnelRole): TunnelForm => ({
  role,
  customerGatewayMode: 'existing',
  customerGatewayId: '',
  enableDpd: true,
  enableNatTraversal: true,
  ikeConfig: { ...ikeDefaults('vpn-connection', ctx.gatewayType), ikeVersion: 'ikev2' },
  ipsecConfig: { ...ipsecDefaults('vpn-connection', ctx.gatewayType) },
  bgpConfig: { localAsn: DEFAULT_LOCAL_ASN, tunnelCidr: '', localBgpIp: '' },
  ...(gateway.vpnType === 'NationalStandard' ? { remoteCaCertificate: '' } : {}),
});

const tunnelBgpFormSchema = z.object({
  localAsn: asnSchema,
  tunnelCidr: tunnelCidrSchema,
  localBgpIp: ipv4AddressSchema,
});

type ViewTunnel = NonNullable<VpnConnectionView['tunnels']>[number];

const tunnelOf = (
  ctx: SchemaContext,
  t: ViewTunnel,
  index: number,
): { value: TunnelForm; unknown: UnknownCloudValue[] } => {
  const at = `tunnels.${String(index)}`;
  const ike = readBack(connectionIkeConfigChangeSchema(ctx), t.ikeConfig, `${at}.ikeConfig`);
  const ipsec = readBack(ipsecConfigChangeSchema(ctx), t.ipsecConfig, `${at}.ipsecConfig`);
  const bgp = readBack(tunnelBgpFormSchema, t.bgpConfig, `${at}.bgpConfig`);
  const value: TunnelForm = {
    tunnelId: t.tunnelId,
    role: t.role === 'slave' ? 'slave' : 'master',
    customerGatewayMode: 'existing',
    customerGatewayId: t.customerGatewayId ?? '',
    ikeConfig: ike.value,
    ipsecConfig: ipsec.value,
    bgpConfig: bgp.value,
    ...(t.enableDpd === undefined ? {} : { enableDpd: t.enableDpd }),
    ...(t.enableNatTraversal === undefined ? {} : { enableNatTraversal: t.enableNatTraversal }),
  };
  return { value, unknown: [...ike.unknown, ...ipsec.unknown, ...bgp.unknown] };
};

/** The wizard's starting value: defaults for a new connection, the cloud's values for an edit. */
export const dualTunnelValuesOf = (
  gateway: VpnGatewayView,
  ctx: SchemaContext,
  existing: VpnConnectionView | undefined,
): { value: DualTunnelForm; unknown: UnknownCloudValue[] } => {
  if (existing === undefined) {
    return {
      value: {
        regionId: gateway.regionId,
        vpnGatewayId: gateway.id,
        localSubnet: [''],
        remoteSubnet: [''],
        effectImmediately: false,
        autoConfigRoute: true,
        enableTunnelsBgp: false,
        sameTunnels: true,
        tunnels: [newTunnel(gateway, ctx, 'master'), newTunnel(gateway, ctx, 'slave')],
      },
      unknown: [],
    };
  }
  const sorted = [...(existing.tunnels ?? [])].sort(
    (a, b) => (a.tunnelIndex ?? 0) - (b.tunnelIndex ?? 0),
  );
  const read = sorted.slice(0, 2).map((t, i) => tunnelOf(ctx, t, i));
  const [one, two] = read;
  if (one === undefined || two === undefined) throw new Error('a dual-tunnel connection has two');
  return {
    value: {
      regionId: gateway.regionId,
      vpnGatewayId: gateway.id,
      name: existing.name,
      localSubnet: existing.localSubnet,
      remoteSubnet: existing.remoteSubnet,
      ...(existing.effectImmediately === undefined
        ? {}
        : { effectImmediately: existing.effectImmediately }),
      ...(existing.enableTunnelsBgp === undefined
        ? {}
        : { enableTunnelsBgp: existing.enableTunnelsBgp }),
      // Each tunnel of an existing connection is edited on its own.
      sameTunnels: false,
      tunnels: [one.value, two.value],
    },
    unknown: [...one.unknown, ...two.unknown],
  };
};

/** A tunnel as the create body wants it (wizard-only fields out, empty values out). */
const tunnelBody = (t: TunnelForm, index: number, bgpOn: boolean, cgwIds: readonly string[]) => {
  const {
    tunnelId: _id,
    customerGatewayMode,
    newCustomerGateway: _new,
    bgpConfig,
    ikeConfig,
    ipsecConfig,
    ...rest
  } = t;
  const customerGatewayId =
    cgwIds[index] ?? (customerGatewayMode === 'new' ? pendingCgwId(index) : t.customerGatewayId);
  return withoutEmpty({
    ...rest,
    customerGatewayId,
    ikeConfig: withoutEmpty(ikeConfig),
    ipsecConfig: withoutEmpty(ipsecConfig),
    ...(bgpOn ? { bgpConfig: withoutEmpty(bgpConfig) } : {}),
  });
};

/** The create request's body; `cgwIds` are the customer gateways created inline (by tunnel). */
export const createBodyOf = (v: DualTunnelForm, cgwIds: readonly string[] = []) => {
  const tunnels = effectiveTunnels(v);
  const bgpOn = v.enableTunnelsBgp === true;
  const connection = withoutEmpty({
    regionId: v.regionId,
    vpnGatewayId: v.vpnGatewayId,
    name: v.name,
    localSubnet: v.localSubnet,
    remoteSubnet: v.remoteSubnet,
    effectImmediately: v.effectImmediately,
    autoConfigRoute: v.autoConfigRoute,
    enableTunnelsBgp: v.enableTunnelsBgp,
  });
  return { ...connection, tunnels: tunnels.map((t, i) => tunnelBody(t, i, bgpOn, cgwIds)) };
};

const pathOf = (path: string): PropertyKey[] =>
  path === '' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * One step's check: the whole create schema on the whole value, keeping the issues of this
 * step's fields (every rule stays in the shared schema), plus the inline customer gateways.
 */
export const dualTunnelStepSchema = (
  ctx: SchemaContext,
  step: 'basics' | 0 | 1 | 'review',
  /** Tunnel CIDRs the gateway's other connections use (tunnelCidrsInUse). */
  inUse: ReadonlyMap<string, TunnelCidrUse> = new Map(),
): z.ZodType =>
  z.custom<DualTunnelForm>().superRefine((value, rctx) => {
    const issues: FormIssue[] = [];
    // The schema's cross-field rules (BGP addresses required, roles) run only on an otherwise
    // valid value: on tunnel 1's step, tunnel 2 (not filled yet) stands in as a copy of tunnel 1.
    const [first] = value.tunnels;
    const checked: DualTunnelForm =
      step === 0
        ? {
            ...value,
            sameTunnels: false,
            tunnels: [
              first,
              {
                ...first,
                role: 'slave',
                customerGatewayMode: 'existing',
                customerGatewayId: pendingCgwId(1),
              },
            ],
          }
        : value;
    const parsed = vpnConnectionCreateSchemaFor({ ...ctx, dualTunnel: true }).safeParse(
      createBodyOf(checked),
    );
    if (!parsed.success) issues.push(...issuesOf(parsed.error));
    checked.tunnels.forEach((t, i) => {
      const use = inUse.get(t.bgpConfig.tunnelCidr?.trim() ?? '');
      if (checked.enableTunnelsBgp === true && use !== undefined) {
        issues.push({
          path: `tunnels.${String(i)}.bgpConfig.tunnelCidr`,
          code: ISSUE_CODES.TUNNEL_CIDR_IN_USE,
          params: { connection: use.connection },
        });
      }
      if (t.customerGatewayMode !== 'new') return;
      const cgw = newCustomerGatewaySchema.safeParse(withoutEmpty(t.newCustomerGateway ?? {}));
      if (!cgw.success) {
        for (const issue of issuesOf(cgw.error)) {
          issues.push({ ...issue, path: `tunnels.${String(i)}.newCustomerGateway.${issue.path}` });
        }
      }
    });
    const mine = (path: string): boolean => {
      if (step === 'review') return true;
      if (step === 'basics') return !path.startsWith('tunnels.') && path !== 'tunnels';
      return path.startsWith(`tunnels.${String(step)}.`);
    };
    for (const issue of issues.filter((i) => mine(i.path))) {
      const code = isIssueCode(issue.code) ? issue.code : ISSUE_CODES.INVALID_VALUE;
      addIssue(rctx, code, pathOf(issue.path), issue.params ?? {});
    }
  });

/** A change's parts: the connection's changed fields and each tunnel's changed fields. */
export const changesOf = (before: DualTunnelForm, after: DualTunnelForm) => {
  const pick = (v: DualTunnelForm): Record<string, unknown> =>
    Object.fromEntries(
      CONNECTION_FIELDS.map((k): [string, unknown] => [k, v[k]]).filter(([, x]) => x !== undefined),
    );
  const connection = changedFields(pick(before), withoutEmpty(pick(after)), []);
  const afterTunnels = effectiveTunnels(after);
  const tunnels = before.tunnels.map((b, i) => {
    const a = afterTunnels[i] ?? b;
    const strip = ({
      tunnelId: _i,
      customerGatewayMode: _m,
      newCustomerGateway: _n,
      role: _r,
      ...rest
    }: TunnelForm) => rest;
    return changedFields(strip(b), withoutEmpty(strip(a)), ['ikeConfig.psk']);
  });
  return { connection, tunnels };
};
