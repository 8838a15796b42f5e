// DescribeCustomerGateways and CreateCustomerGateway responses (reference §5.3).
import { z } from 'zod';
import { intLike, listWrapper, pageFields, tagSchema } from './common';

export const customerGatewaySchema = z.looseObject({
  CustomerGatewayId: z.string(),
  Name: z.string().optional(),
  IpAddress: z.string().optional(),
  Description: z.string().optional(),
  CreateTime: intLike.optional(),
  Asn: intLike.optional(),
  AuthKey: z.string().optional(),
  ResourceGroupId: z.string().optional(),
  Tags: listWrapper('Tag', tagSchema).optional(),
});

export const describeCustomerGatewaysResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  ...pageFields,
  CustomerGateways: listWrapper('CustomerGateway', customerGatewaySchema),
});

export const createCustomerGatewayResponseSchema = z.looseObject({
  RequestId: z.string(),
  CustomerGatewayId: z.string(),
  IpAddress: z.string().optional(),
  Name: z.string().optional(),
  Description: z.string().optional(),
  CreateTime: intLike.optional(),
});

export const modifyCustomerGatewayAttributeResponseSchema = z.looseObject({
  RequestId: z.string(),
  CustomerGatewayId: z.string().optional(),
  Name: z.string().optional(),
  Description: z.string().optional(),
  IpAddress: z.string().optional(),
  CreateTime: intLike.optional(),
});

export type CustomerGateway = z.output<typeof customerGatewaySchema>;
export type DescribeCustomerGatewaysResponse = z.output<
  typeof describeCustomerGatewaysResponseSchema
>;
