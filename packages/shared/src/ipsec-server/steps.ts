// Per-step schemas of the IPsec server wizard. Each step validates only its own fields and ignores
// (strips) the others, so it can be run against the whole form value.
import { z } from 'zod';
import { refineClientPoolVsLocalSubnet } from '../common/client-pool';
import { evenWithOtherIssues } from '../common/issue';
import { memoByGatewayType } from '../common/gateway-type';
import { createIpsecServerSchema, ipsecServerCreateParts, refineIpsecServerAuth } from './schema';

export const IPSEC_SERVER_STEPS = ['basics', 'phase1', 'phase2', 'auth', 'review'] as const;
export type IpsecServerStep = (typeof IPSEC_SERVER_STEPS)[number];

export const ipsecServerSteps = memoByGatewayType((ctx) => {
  const p = ipsecServerCreateParts(ctx);
  return {
    basics: z.object(p.basics).superRefine(refineClientPoolVsLocalSubnet, evenWithOtherIssues),
    phase1: z.object(p.phase1),
    phase2: z.object(p.phase2),
    auth: z.object(p.auth).superRefine(refineIpsecServerAuth),
    review: createIpsecServerSchema(ctx),
  };
});

/** Which top-level form fields each step owns (to map server issues back onto a step). */
export const IPSEC_SERVER_STEP_FIELDS = {
  basics: ['regionId', 'vpnGatewayId', 'ipsecServerName', 'localSubnet', 'clientIpPool'],
  phase1: ['ikeConfig'],
  phase2: ['ipsecConfig'],
  auth: ['pskEnabled', 'psk', 'effectImmediately', 'clientToken', 'dryRun'],
} as const satisfies Record<Exclude<IpsecServerStep, 'review'>, readonly string[]>;
