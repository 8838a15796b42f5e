// Per-step schemas of the SSL-VPN server wizard (each strips the other steps' fields).
import { z } from 'zod';
import { refineClientPoolVsLocalSubnet } from '../common/client-pool';
import { evenWithOtherIssues } from '../common/issue';
import { createSslVpnServerSchema, refineMultiFactorAuth, sslVpnServerCreateParts } from './schema';

export const SSL_VPN_SERVER_STEPS = ['basics', 'advanced', 'auth', 'review'] as const;
export type SslVpnServerStep = (typeof SSL_VPN_SERVER_STEPS)[number];

export const sslVpnServerSteps = {
  basics: z
    .object(sslVpnServerCreateParts.basics)
    .superRefine(refineClientPoolVsLocalSubnet, evenWithOtherIssues),
  advanced: z.object(sslVpnServerCreateParts.advanced),
  auth: z.object(sslVpnServerCreateParts.auth).superRefine(refineMultiFactorAuth),
  review: createSslVpnServerSchema,
};

export const SSL_VPN_SERVER_STEP_FIELDS = {
  basics: ['regionId', 'vpnGatewayId', 'name', 'clientIpPool', 'localSubnet'],
  advanced: ['proto', 'port', 'cipher', 'compress', 'clientToken', 'dryRun'],
  auth: ['enableMultiFactorAuth', 'idaasInstanceId', 'idaasRegionId', 'idaasApplicationId'],
} as const satisfies Record<Exclude<SslVpnServerStep, 'review'>, readonly string[]>;
