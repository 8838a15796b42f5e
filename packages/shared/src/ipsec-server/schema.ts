// CreateIpsecServer (seed 001, which wins over 000) and UpdateIpsecServer (seed 004) request schemas.
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { cidrListSchema } from '../common/cidr-fields';
import { clientIpPoolSchema, refineClientPoolVsLocalSubnet } from '../common/client-pool';
import {
  booleanSchema,
  clientTokenSchema,
  ipsecServerIdSchema,
  pskSchema,
  regionIdSchema,
  vpnGatewayIdSchema,
} from '../common/fields';
import { memoByGatewayType, type SchemaContext } from '../common/gateway-type';
import {
  ikeConfigChangeSchema,
  ikeConfigCreateSchema,
  ipsecConfigChangeSchema,
  ipsecConfigCreateSchema,
} from '../common/ike-config';
import { addIssue, required } from '../common/issue';
import { ipsecServerNameSchema } from '../common/names';

const C = ISSUE_CODES;

/** PskEnabled: "仅取值为true" — only true is accepted. */
export const pskEnabledSchema = booleanSchema.refine((value) => value, C.PSK_ENABLED_ONLY_TRUE);

/** IPsec server LocalSubnet: a comma list of canonical, distinct CIDRs (no further limits documented). */
export const ipsecServerLocalSubnetSchema = cidrListSchema();

/** The create form, split by wizard step (steps.ts validates each part on its own). */
export function ipsecServerCreateParts(ctx: SchemaContext) {
  return {
    basics: {
      regionId: regionIdSchema,
      vpnGatewayId: vpnGatewayIdSchema,
      ipsecServerName: ipsecServerNameSchema.optional(),
      localSubnet: ipsecServerLocalSubnetSchema,
      clientIpPool: clientIpPoolSchema,
    },
    phase1: { ikeConfig: ikeConfigCreateSchema(ctx, 'ipsec-server').prefault({}) },
    phase2: { ipsecConfig: ipsecConfigCreateSchema(ctx, 'ipsec-server').prefault({}) },
    auth: {
      pskEnabled: pskEnabledSchema.optional(),
      psk: pskSchema.optional(),
      effectImmediately: booleanSchema.default(false),
      clientToken: clientTokenSchema.optional(),
      dryRun: booleanSchema.default(false),
    },
  };
}

/**
 * IllegalParam.AuthMethod (seed 001): at least one authentication method. The request has no IDaaS
 * parameters, so pre-shared key authentication must be turned on.
 */
export function refineIpsecServerAuth(
  value: { pskEnabled?: boolean },
  ctx: Parameters<typeof addIssue>[0],
): void {
  if (value.pskEnabled !== true) addIssue(ctx, C.AUTH_METHOD_REQUIRED, ['pskEnabled']);
}

export const createIpsecServerSchema = memoByGatewayType((ctx) => {
  const p = ipsecServerCreateParts(ctx);
  return z
    .strictObject({ ...p.basics, ...p.phase1, ...p.phase2, ...p.auth }, required)
    .superRefine((value, rctx) => {
      refineClientPoolVsLocalSubnet(value, rctx);
      refineIpsecServerAuth(value, rctx);
    });
});

export const updateIpsecServerSchema = memoByGatewayType((ctx) =>
  z
    .strictObject(
      {
        regionId: regionIdSchema,
        ipsecServerId: ipsecServerIdSchema,
        ipsecServerName: ipsecServerNameSchema.optional(),
        localSubnet: ipsecServerLocalSubnetSchema.optional(),
        clientIpPool: clientIpPoolSchema.optional(),
        effectImmediately: booleanSchema.optional(),
        ikeConfig: ikeConfigChangeSchema(ctx).optional(),
        ipsecConfig: ipsecConfigChangeSchema(ctx).optional(),
        pskEnabled: pskEnabledSchema.optional(),
        psk: pskSchema.optional(),
        clientToken: clientTokenSchema.optional(),
        dryRun: booleanSchema.optional(),
      },
      required,
    )
    .superRefine(refineClientPoolVsLocalSubnet),
);

type CreateSchema = ReturnType<typeof createIpsecServerSchema>;
type UpdateSchema = ReturnType<typeof updateIpsecServerSchema>;
export type CreateIpsecServerInput = z.input<CreateSchema>;
export type CreateIpsecServerValue = z.output<CreateSchema>;
export type UpdateIpsecServerInput = z.input<UpdateSchema>;
export type UpdateIpsecServerValue = z.output<UpdateSchema>;
