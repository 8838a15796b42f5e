// Per-step schemas of the customer gateway form (each strips the other steps' fields).
import { z } from 'zod';
import { createCustomerGatewaySchema, customerGatewayCreateParts } from './schema';

export const CUSTOMER_GATEWAY_STEPS = ['basics', 'bgp', 'review'] as const;
export type CustomerGatewayStep = (typeof CUSTOMER_GATEWAY_STEPS)[number];

export const customerGatewaySteps = {
  basics: z.object(customerGatewayCreateParts.basics),
  bgp: z.object(customerGatewayCreateParts.bgp),
  review: createCustomerGatewaySchema,
};

export const CUSTOMER_GATEWAY_STEP_FIELDS = {
  basics: ['regionId', 'ipAddress', 'name', 'description', 'clientToken'],
  bgp: ['asn', 'authKey'],
} as const satisfies Record<Exclude<CustomerGatewayStep, 'review'>, readonly string[]>;
