// IkeConfig (phase 1) and IpsecConfig (phase 2) sub-schemas, by gateway type.
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import {
  AUTH_ALGS,
  ENC_ALGS,
  IKE_MODES,
  IKE_PFS_GROUPS,
  IKE_VERSIONS,
  IPSEC_PFS_GROUPS,
  algorithmsFor,
  ikeDefaults,
  ipsecDefaults,
  type IpsecResource,
} from './algorithms';
import { ikeIdentitySchema, lifetimeSchema, pskSchema } from './fields';
import type { SchemaContext } from './gateway-type';
import { addIssue, required } from './issue';

const C = ISSUE_CODES;

function algorithmSchema<const T extends readonly [string, ...string[]]>(
  all: T,
  allowed: readonly string[],
  ctx: SchemaContext,
) {
  return z.enum(all, required).superRefine((value, rctx) => {
    if (!allowed.includes(value)) {
      addIssue(rctx, C.ALGORITHM_NOT_FOR_GATEWAY_TYPE, [], {
        gatewayType: ctx.gatewayType,
        values: allowed.join(', '),
      });
    }
  });
}

function ikeFields(ctx: SchemaContext) {
  const allowed = algorithmsFor(ctx.gatewayType);
  const sm = ctx.gatewayType === 'sm';
  return {
    ikeVersion: z.enum(IKE_VERSIONS, required).superRefine((value, rctx) => {
      if (sm && value !== 'ikev1') addIssue(rctx, C.SM_REQUIRES_IKEV1);
    }),
    ikeMode: z.enum(IKE_MODES, required).superRefine((value, rctx) => {
      if (sm && value !== 'main') addIssue(rctx, C.SM_REQUIRES_MAIN_MODE);
    }),
    ikeEncAlg: algorithmSchema(ENC_ALGS, allowed.encAlgs, ctx),
    ikeAuthAlg: algorithmSchema(AUTH_ALGS, allowed.authAlgs, ctx),
    ikePfs: z.enum(IKE_PFS_GROUPS, required),
    ikeLifetime: lifetimeSchema,
  };
}

function ipsecFields(ctx: SchemaContext) {
  const allowed = algorithmsFor(ctx.gatewayType);
  return {
    ipsecEncAlg: algorithmSchema(ENC_ALGS, allowed.encAlgs, ctx),
    ipsecAuthAlg: algorithmSchema(AUTH_ALGS, allowed.authAlgs, ctx),
    ipsecPfs: z.enum(IPSEC_PFS_GROUPS, required),
    ipsecLifetime: lifetimeSchema,
  };
}

/** IkeConfig for a create request: omitted fields take the resource's documented defaults. */
export function ikeConfigCreateSchema(ctx: SchemaContext, resource: IpsecResource) {
  const f = ikeFields(ctx);
  const d = ikeDefaults(resource, ctx.gatewayType);
  return z.strictObject(
    {
      ikeVersion: f.ikeVersion.default(d.ikeVersion),
      ikeMode: f.ikeMode.default(d.ikeMode),
      ikeEncAlg: f.ikeEncAlg.default(d.ikeEncAlg),
      ikeAuthAlg: f.ikeAuthAlg.default(d.ikeAuthAlg),
      ikePfs: f.ikePfs.default(d.ikePfs),
      ikeLifetime: f.ikeLifetime.default(d.ikeLifetime),
      localId: ikeIdentitySchema.optional(),
      remoteId: ikeIdentitySchema.optional(),
    },
    required,
  );
}

/** IkeConfig for a change request: every field optional, no defaults (omitted = unchanged). */
export function ikeConfigChangeSchema(ctx: SchemaContext) {
  const f = ikeFields(ctx);
  return z.strictObject(
    {
      ikeVersion: f.ikeVersion.optional(),
      ikeMode: f.ikeMode.optional(),
      ikeEncAlg: f.ikeEncAlg.optional(),
      ikeAuthAlg: f.ikeAuthAlg.optional(),
      ikePfs: f.ikePfs.optional(),
      ikeLifetime: f.ikeLifetime.optional(),
      localId: ikeIdentitySchema.optional(),
      remoteId: ikeIdentitySchema.optional(),
    },
    required,
  );
}

/** IPsec connections carry the pre-shared key inside IkeConfig (seed 002). */
export function connectionIkeConfigCreateSchema(ctx: SchemaContext) {
  return ikeConfigCreateSchema(ctx, 'vpn-connection').extend({ psk: pskSchema.optional() });
}

export function connectionIkeConfigChangeSchema(ctx: SchemaContext) {
  return ikeConfigChangeSchema(ctx).extend({ psk: pskSchema.optional() });
}

/** IpsecConfig for a create request: omitted fields take the resource's documented defaults. */
export function ipsecConfigCreateSchema(ctx: SchemaContext, resource: IpsecResource) {
  const f = ipsecFields(ctx);
  const d = ipsecDefaults(resource, ctx.gatewayType);
  return z.strictObject(
    {
      ipsecEncAlg: f.ipsecEncAlg.default(d.ipsecEncAlg),
      ipsecAuthAlg: f.ipsecAuthAlg.default(d.ipsecAuthAlg),
      ipsecPfs: f.ipsecPfs.default(d.ipsecPfs),
      ipsecLifetime: f.ipsecLifetime.default(d.ipsecLifetime),
    },
    required,
  );
}

export function ipsecConfigChangeSchema(ctx: SchemaContext) {
  const f = ipsecFields(ctx);
  return z.strictObject(
    {
      ipsecEncAlg: f.ipsecEncAlg.optional(),
      ipsecAuthAlg: f.ipsecAuthAlg.optional(),
      ipsecPfs: f.ipsecPfs.optional(),
      ipsecLifetime: f.ipsecLifetime.optional(),
    },
    required,
  );
}
