import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { sessionPaths } from '@vpn-console/shared/api/session';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

/** The gateway's recent activity: the newest audit entries about it. */
const listGatewayActivity = (vpnGatewayId: string) =>
  apiRequest(auditPageSchema, sessionPaths.audit(), { query: { vpnGatewayId, limit: 20 } });

const gatewayActivityQueryOptions = (vpnGatewayId: string) =>
  queryOptions({
    queryKey: gatewayKeys.activity(vpnGatewayId),
    queryFn: () => listGatewayActivity(vpnGatewayId),
  });

export const useGatewayActivity = (vpnGatewayId: string) =>
  useQuery(gatewayActivityQueryOptions(vpnGatewayId));
