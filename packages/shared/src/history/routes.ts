// The history, log, diagnosis and health-overview routes (issue 15), spread into the shared route
// table (`../api/routes.ts`). All are reads: viewers (support staff) may call every one.
import type { RouteSpec } from '../api/routes';
import {
  diagnosisListSchema,
  healthOverviewSchema,
  historyResponseSchema,
  storedLogListSchema,
} from './schema';

export const historyRoutes = [
  {
    id: 'getGatewayHistory',
    role: 'viewer',
    summary:
      'Recorded status changes of a gateway, its connections and tunnels in [from, to) (?vpnConnectionId= narrows to one connection)',
    query: ['from', 'to', 'vpnConnectionId'],
    success: { status: 200, schema: historyResponseSchema },
    // 404: a gateway (or connection of it) the cloud does not know, asked when nothing is recorded.
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'exportGatewayHistory',
    role: 'viewer',
    summary: 'The same changes as CSV',
    query: ['from', 'to', 'vpnConnectionId'],
    success: { status: 200, schema: 'attachment' },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'listVpnConnectionLogs',
    role: 'viewer',
    summary:
      'Negotiation log lines the recorder kept (DescribeVpnConnectionLogs) in [from, to), ?tunnelId= for one tunnel',
    query: ['from', 'to', 'tunnelId', 'limit'],
    success: { status: 200, schema: storedLogListSchema },
    errors: [400],
  },
  {
    id: 'exportVpnConnectionLogs',
    role: 'viewer',
    summary: 'The same log lines as CSV',
    query: ['from', 'to', 'tunnelId'],
    success: { status: 200, schema: 'attachment' },
    errors: [400],
  },
  {
    id: 'diagnoseVpnConnection',
    role: 'viewer',
    summary: 'What the cloud diagnoses on the connection and its tunnels (DiagnoseVpnConnections)',
    success: { status: 200, schema: diagnosisListSchema },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'getHealthOverview',
    role: 'viewer',
    summary:
      'Everything not fully up across all regions, longest first (?q= search, ?regionId=, ?lane=)',
    query: ['q', 'regionId', 'lane'],
    success: { status: 200, schema: healthOverviewSchema },
    errors: [400],
  },
] as const satisfies readonly RouteSpec[];
