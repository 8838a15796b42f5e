// Customer gateway form values → exact RPC parameters (reference §5.3).
import { compactParams, type RpcRequest } from '../rpc-types';
import type { ChangeCustomerGatewayValue, CreateCustomerGatewayValue } from './schema';

/** CreateCustomerGateway: `Asn` is a String parameter (decimal). */
export function toCreateCustomerGatewayParams(v: CreateCustomerGatewayValue): RpcRequest {
  return {
    action: 'CreateCustomerGateway',
    params: compactParams([
      ['RegionId', v.regionId],
      ['IpAddress', v.ipAddress],
      ['Name', v.name],
      ['Description', v.description],
      ['Asn', v.asn === undefined ? undefined : String(v.asn)],
      ['AuthKey', v.authKey],
      ['ClientToken', v.clientToken],
    ]),
  };
}

/** ModifyCustomerGatewayAttribute: only the fields given are sent (others stay as they are). */
export function toModifyCustomerGatewayAttributeParams(
  v: ChangeCustomerGatewayValue & { regionId: string; customerGatewayId: string },
): RpcRequest {
  return {
    action: 'ModifyCustomerGatewayAttribute',
    params: compactParams([
      ['RegionId', v.regionId],
      ['CustomerGatewayId', v.customerGatewayId],
      ['Name', v.name],
      ['Description', v.description],
      ['ClientToken', v.clientToken],
    ]),
  };
}

/** DeleteCustomerGateway (refused by the cloud while a connection uses it). */
export function toDeleteCustomerGatewayParams(v: {
  regionId: string;
  customerGatewayId: string;
  clientToken?: string | undefined;
}): RpcRequest {
  return {
    action: 'DeleteCustomerGateway',
    params: compactParams([
      ['RegionId', v.regionId],
      ['CustomerGatewayId', v.customerGatewayId],
      ['ClientToken', v.clientToken],
    ]),
  };
}
