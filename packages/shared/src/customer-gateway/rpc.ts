// Customer gateway form values → exact RPC parameters (reference §5.3).
import { compactParams, type RpcRequest } from '../rpc-types';
import type { CreateCustomerGatewayValue } from './schema';

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
