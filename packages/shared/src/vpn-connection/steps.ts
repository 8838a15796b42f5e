// Per-step schemas of the IPsec connection wizard (each strips the other steps' fields).
import { z } from 'zod';
import { memoByGatewayType } from '../common/gateway-type';
import {
  createVpnConnectionSchema,
  evenWithOtherIssues,
  refineHealthCheckSource,
  refineRemoteCaCertificate,
  refineSubnetsApart,
  vpnConnectionCreateParts,
} from './schema';

export const VPN_CONNECTION_STEPS = ['basics', 'phase1', 'phase2', 'advanced', 'review'] as const;
export type VpnConnectionStep = (typeof VPN_CONNECTION_STEPS)[number];

export const vpnConnectionSteps = memoByGatewayType((ctx) => {
  const p = vpnConnectionCreateParts(ctx);
  return {
    basics: z.object(p.basics).superRefine(refineSubnetsApart, evenWithOtherIssues),
    /** The basics' fields alone, to derive from (zod cannot omit from a refined object). */
    basicsFields: z.object(p.basics),
    phase1: z.object(p.phase1).superRefine(refineRemoteCaCertificate(ctx, true)),
    phase2: z.object(p.phase2),
    // The remote subnet (basics) is read, not checked, so the source IP's rule holds as you type.
    advanced: z
      .object({ ...p.advanced, remoteSubnet: z.array(z.string()).optional() })
      .superRefine(refineHealthCheckSource, evenWithOtherIssues),
    review: createVpnConnectionSchema(ctx),
  };
});

export const VPN_CONNECTION_STEP_FIELDS = {
  basics: [
    'regionId',
    'vpnGatewayId',
    'customerGatewayId',
    'name',
    'localSubnet',
    'remoteSubnet',
    'effectImmediately',
  ],
  phase1: ['ikeConfig', 'remoteCaCertificate'],
  phase2: ['ipsecConfig'],
  advanced: [
    'autoConfigRoute',
    'enableDpd',
    'enableNatTraversal',
    'bgpConfig',
    'healthCheckConfig',
    'clientToken',
    'dryRun',
  ],
} as const satisfies Record<Exclude<VpnConnectionStep, 'review'>, readonly string[]>;
