// CreateSslVpnServer (seed 003) and ModifySslVpnServer (reference §5.6).
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { cidrListSchema } from '../common/cidr-fields';
import { clientIpPoolSchema, refineClientPoolVsLocalSubnet } from '../common/client-pool';
import {
  booleanSchema,
  clientTokenSchema,
  regionIdSchema,
  sslVpnServerIdSchema,
  vpnGatewayIdSchema,
} from '../common/fields';
import { addIssue, required } from '../common/issue';
import { sslVpnServerNameSchema } from '../common/names';
import { refuseControlCharacters } from '../common/text';

const C = ISSUE_CODES;

export const SSL_PROTOS = ['TCP', 'UDP'] as const;
export const SSL_CIPHERS = ['AES-128-CBC', 'AES-192-CBC', 'AES-256-CBC', 'none'] as const;
/** Ports the SSL-VPN server cannot use (seed 003). */
export const SSL_FORBIDDEN_PORTS = [
  22, 2222, 22222, 9000, 9001, 9002, 7505, 80, 443, 53, 68, 123, 4510, 4560, 500, 4500,
] as const;
const FORBIDDEN = new Set<number>(SSL_FORBIDDEN_PORTS);

/** SSL LocalSubnet: prefix /8–/32; not in 127/8, 169.254/16, 224/4, 255/8 (reference §6.2). */
export const SSL_LOCAL_SUBNET_RESERVED = [
  '127.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '255.0.0.0/8',
] as const;

export const sslLocalSubnetSchema = cidrListSchema({
  prefix: { min: 8, max: 32, code: C.SSL_LOCAL_SUBNET_PREFIX_RANGE },
  reserved: SSL_LOCAL_SUBNET_RESERVED,
});

export const sslPortSchema = z.number(required).superRefine((port, ctx) => {
  if (!Number.isInteger(port)) addIssue(ctx, C.NOT_INTEGER);
  else if (port < 1 || port > 65535) addIssue(ctx, C.PORT_RANGE, [], { min: 1, max: 65535 });
  else if (FORBIDDEN.has(port)) addIssue(ctx, C.PORT_FORBIDDEN, [], { port });
});

const idaasIdSchema = z
  .string(required)
  .min(1, C.REQUIRED)
  .superRefine((value, ctx) => {
    refuseControlCharacters(value, ctx);
  });

/** Gateways created before 2020-03-05 00:00 (Beijing time, UTC+8) do not support MFA (seed 003). */
export const MFA_MIN_GATEWAY_CREATE_TIME = Date.UTC(2020, 2, 4, 16, 0, 0);

/** Whether a gateway created at `createTimeMs` (DescribeVpnGateway `CreateTime`) supports MFA. */
export function gatewaySupportsMultiFactorAuth(createTimeMs: number): boolean {
  return createTimeMs >= MFA_MIN_GATEWAY_CREATE_TIME;
}

/**
 * Server-side check for the BFF (it knows the gateway's CreateTime): turning MFA on for a gateway
 * created before 2020-03-05 is refused with MFA_GATEWAY_TOO_OLD on `enableMultiFactorAuth`.
 */
export function refineMultiFactorAuthGateway(gatewayCreateTimeMs: number) {
  return (
    value: { enableMultiFactorAuth?: boolean },
    ctx: Parameters<typeof addIssue>[0],
  ): void => {
    if (
      value.enableMultiFactorAuth === true &&
      !gatewaySupportsMultiFactorAuth(gatewayCreateTimeMs)
    ) {
      addIssue(ctx, C.MFA_GATEWAY_TOO_OLD, ['enableMultiFactorAuth']);
    }
  };
}

/** EnableMultiFactorAuth needs the IDaaS instance and its region. */
export function refineMultiFactorAuth(
  value: { enableMultiFactorAuth?: boolean; idaasInstanceId?: string; idaasRegionId?: string },
  ctx: Parameters<typeof addIssue>[0],
): void {
  if (value.enableMultiFactorAuth !== true) return;
  if (value.idaasInstanceId === undefined) {
    addIssue(ctx, C.MFA_IDAAS_INSTANCE_REQUIRED, ['idaasInstanceId']);
  }
  if (value.idaasRegionId === undefined) {
    addIssue(ctx, C.MFA_IDAAS_REGION_REQUIRED, ['idaasRegionId']);
  }
}

/** The create form, split by wizard step. */
export const sslVpnServerCreateParts = {
  basics: {
    regionId: regionIdSchema,
    vpnGatewayId: vpnGatewayIdSchema,
    name: sslVpnServerNameSchema.optional(),
    clientIpPool: clientIpPoolSchema,
    localSubnet: sslLocalSubnetSchema,
  },
  advanced: {
    proto: z.enum(SSL_PROTOS, required).default('UDP'),
    port: sslPortSchema.default(1194),
    cipher: z.enum(SSL_CIPHERS, required).default('AES-128-CBC'),
    compress: booleanSchema.default(false),
    clientToken: clientTokenSchema.optional(),
    dryRun: booleanSchema.optional(),
  },
  auth: {
    enableMultiFactorAuth: booleanSchema.default(false),
    idaasInstanceId: idaasIdSchema.optional(),
    idaasRegionId: regionIdSchema.optional(),
    idaasApplicationId: idaasIdSchema.optional(),
  },
};

const p = sslVpnServerCreateParts;

export const createSslVpnServerSchema = z
  .strictObject({ ...p.basics, ...p.advanced, ...p.auth }, required)
  .superRefine((value, ctx) => {
    refineClientPoolVsLocalSubnet(value, ctx);
    refineMultiFactorAuth(value, ctx);
  });

export const modifySslVpnServerSchema = z
  .strictObject(
    {
      regionId: regionIdSchema,
      sslVpnServerId: sslVpnServerIdSchema,
      name: sslVpnServerNameSchema.optional(),
      clientIpPool: clientIpPoolSchema.optional(),
      localSubnet: sslLocalSubnetSchema.optional(),
      proto: z.enum(SSL_PROTOS, required).optional(),
      port: sslPortSchema.optional(),
      cipher: z.enum(SSL_CIPHERS, required).optional(),
      compress: booleanSchema.optional(),
      enableMultiFactorAuth: booleanSchema.optional(),
      idaasInstanceId: idaasIdSchema.optional(),
      idaasRegionId: regionIdSchema.optional(),
      idaasApplicationId: idaasIdSchema.optional(),
      clientToken: clientTokenSchema.optional(),
      dryRun: booleanSchema.optional(),
    },
    required,
  )
  .superRefine((value, ctx) => {
    refineClientPoolVsLocalSubnet(value, ctx);
    refineMultiFactorAuth(value, ctx);
  });

export type CreateSslVpnServerInput = z.input<typeof createSslVpnServerSchema>;
export type CreateSslVpnServerValue = z.output<typeof createSslVpnServerSchema>;
export type ModifySslVpnServerInput = z.input<typeof modifySslVpnServerSchema>;
export type ModifySslVpnServerValue = z.output<typeof modifySslVpnServerSchema>;
