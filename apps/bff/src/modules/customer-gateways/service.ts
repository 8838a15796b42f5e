import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import {
  describeCustomerGatewaysResponseSchema,
  type CustomerGateway,
} from '@vpn-console/shared/responses/customer-gateway';
import type { CloudClient } from '../../cloud/client';
import { notFound } from '../../http/errors';
import { describeAll } from '../paging';
import { presentCustomerGateway } from './present';

export const listCustomerGatewaysRaw = (
  cloud: CloudClient,
  regionId: string,
  customerGatewayId?: string,
): Promise<CustomerGateway[]> =>
  describeAll(
    cloud,
    regionId,
    'DescribeCustomerGateways',
    { CustomerGatewayId: customerGatewayId },
    describeCustomerGatewaysResponseSchema,
    (page) => page.CustomerGateways.CustomerGateway,
    (page) => page.TotalCount,
  );

export const listCustomerGateways = async (
  cloud: CloudClient,
  regionId: string,
): Promise<CustomerGatewayView[]> =>
  (await listCustomerGatewaysRaw(cloud, regionId)).map((c) => presentCustomerGateway(c, regionId));

export const getCustomerGateway = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<CustomerGatewayView> => {
  const found = (await listCustomerGatewaysRaw(cloud, regionId, id)).find(
    (c) => c.CustomerGatewayId === id,
  );
  if (!found) throw notFound('customer gateway');
  return presentCustomerGateway(found, regionId);
};
