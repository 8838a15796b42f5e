// CreateCustomerGateway (reference §5.3, §6.4).
import { z } from 'zod';
import { isIpv4Address, reservedRangeOf, UNUSABLE_PEER_RANGES } from '../cidr';
import { ISSUE_CODES } from '../errors/issue-codes';
import { asnSchema, clientTokenSchema, regionIdSchema } from '../common/fields';
import { addIssue, required } from '../common/issue';
import { customerGatewayDescriptionSchema, customerGatewayNameSchema } from '../common/names';

const C = ISSUE_CODES;

/** The peer's IPv4 address; 100.64/10, 127/8, 169.254/16, 224/4 and 255/8 are unusable. */
export const customerGatewayIpSchema = z.string(required).superRefine((value, ctx) => {
  if (!isIpv4Address(value)) {
    addIssue(ctx, C.IPV4_INVALID);
    return;
  }
  const range = reservedRangeOf(value, UNUSABLE_PEER_RANGES);
  if (range !== undefined) addIssue(ctx, C.IP_ADDRESS_RESERVED, [], { range });
});

/** The customer side's AS number: 1–4294967295 and not 45104 (Alibaba Cloud's own). */
export const customerGatewayAsnSchema = asnSchema.superRefine((asn, ctx) => {
  if (asn === 45104) addIssue(ctx, C.ASN_RESERVED_45104);
});

/** BGP MD5 key: 1–64 ASCII characters, no spaces, no Chinese, no `?`. */
export const authKeySchema = z.string(required).superRefine((value, ctx) => {
  if (value.length < 1 || value.length > 64) {
    addIssue(ctx, C.AUTH_KEY_LENGTH, [], { min: 1, max: 64 });
  } else if (!/^[\x21-\x3e\x40-\x7e]+$/.test(value)) {
    addIssue(ctx, C.AUTH_KEY_CHARSET);
  }
});

export const customerGatewayCreateParts = {
  basics: {
    regionId: regionIdSchema,
    ipAddress: customerGatewayIpSchema,
    name: customerGatewayNameSchema.optional(),
    description: customerGatewayDescriptionSchema.optional(),
    clientToken: clientTokenSchema.optional(),
  },
  bgp: {
    asn: customerGatewayAsnSchema.optional(),
    authKey: authKeySchema.optional(),
  },
};

export const createCustomerGatewaySchema = z.strictObject(
  { ...customerGatewayCreateParts.basics, ...customerGatewayCreateParts.bgp },
  required,
);

/**
 * PATCH …/customer-gateways/:id (ModifyCustomerGatewayAttribute): a new name and/or description.
 * The BGP AuthKey is not changed here (with a key the cloud changes the gateway asynchronously).
 */
export const changeCustomerGatewaySchema = z.strictObject(
  {
    name: customerGatewayNameSchema.optional(),
    description: customerGatewayDescriptionSchema.optional(),
    clientToken: clientTokenSchema.optional(),
  },
  required,
);
export type ChangeCustomerGatewayInput = z.input<typeof changeCustomerGatewaySchema>;
export type ChangeCustomerGatewayValue = z.output<typeof changeCustomerGatewaySchema>;

export type CreateCustomerGatewayInput = z.input<typeof createCustomerGatewaySchema>;
export type CreateCustomerGatewayValue = z.output<typeof createCustomerGatewaySchema>;
