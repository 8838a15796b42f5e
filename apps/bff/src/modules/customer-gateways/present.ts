import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import type { CustomerGateway } from '@vpn-console/shared/responses/customer-gateway';
import { defined } from '../present-common';

/** The BGP AuthKey never leaves the BFF: the view says only whether one is set. */
export const presentCustomerGateway = (
  c: CustomerGateway,
  regionId: string,
  usedBy: CustomerGatewayView['usedBy'],
): CustomerGatewayView => ({
  id: c.CustomerGatewayId,
  regionId,
  name: c.Name ?? '',
  description: c.Description ?? '',
  ipAddress: c.IpAddress ?? '',
  hasAuthKey: (c.AuthKey ?? '') !== '',
  usedBy,
  ...defined({ asn: c.Asn === 0 ? undefined : c.Asn, createTime: c.CreateTime }),
});
