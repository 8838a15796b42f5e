import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

/** The gateway's recent activity: the newest audit entries about it. */
const listGatewayActivity = (vpnGatewayId: string) =>
  apiRequest(auditPageSchema, pathTo(route.listAudit), { query: { vpnGatewayId, limit: 20 } });

const gatewayActivityQueryOptions = (vpnGatewayId: string) =>
  queryOptions({
    queryKey: gatewayKeys.activity(vpnGatewayId),
    queryFn: () => listGatewayActivity(vpnGatewayId),
  });

export const useGatewayActivity = (vpnGatewayId: string) =>
  useQuery(gatewayActivityQueryOptions(vpnGatewayId));
