// The method and path of every BFF route, by route id: the one place either is written. The
// route table (routes.ts) takes them from here, the BFF mounts its handlers by route id
// (apps/bff/src/http/mount.ts) and the web builds its URLs with `pathTo`. Kept apart from the
// route table, which imports every response schema: a screen that only needs a URL must not
// load the schemas of every other screen with it.
//
// Paths are Express paths (`:param` segments, strict and case-sensitive routing); the OpenAPI
// document writes them as `{param}`.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const R = '/api/v1/regions/:regionId';

export const routePaths = {
  health: 'GET /api/v1/health',
  ready: 'GET /api/v1/health/ready',
  listRegions: 'GET /api/v1/regions',
  listAllVpnGateways: 'GET /api/v1/vpn-gateways',
  listVpnGateways: `GET ${R}/vpn-gateways`,
  getVpnGateway: `GET ${R}/vpn-gateways/:vpnGatewayId`,
  listCustomerGateways: `GET ${R}/customer-gateways`,
  getCustomerGateway: `GET ${R}/customer-gateways/:customerGatewayId`,
  createCustomerGateway: `POST ${R}/customer-gateways`,
  changeCustomerGateway: `PATCH ${R}/customer-gateways/:customerGatewayId`,
  deleteCustomerGateway: `DELETE ${R}/customer-gateways/:customerGatewayId`,
  listIpsecServers: `GET ${R}/ipsec-servers`,
  getIpsecServer: `GET ${R}/ipsec-servers/:id`,
  createIpsecServer: `POST ${R}/ipsec-servers`,
  changeIpsecServer: `PATCH ${R}/ipsec-servers/:id`,
  deleteIpsecServer: `DELETE ${R}/ipsec-servers/:id`,
  listVpnConnections: `GET ${R}/vpn-connections`,
  getVpnConnection: `GET ${R}/vpn-connections/:id`,
  createVpnConnection: `POST ${R}/vpn-connections`,
  changeVpnConnection: `PATCH ${R}/vpn-connections/:id`,
  deleteVpnConnection: `DELETE ${R}/vpn-connections/:id`,
  listSslVpnServers: `GET ${R}/ssl-vpn-servers`,
  getSslVpnServer: `GET ${R}/ssl-vpn-servers/:id`,
  createSslVpnServer: `POST ${R}/ssl-vpn-servers`,
  changeSslVpnServer: `PATCH ${R}/ssl-vpn-servers/:id`,
  deleteSslVpnServer: `DELETE ${R}/ssl-vpn-servers/:id`,
  changeVpnConnectionTunnel: `PATCH ${R}/vpn-connections/:id/tunnels/:tunnelId`,
  listSslVpnClientCerts: `GET ${R}/ssl-vpn-servers/:id/client-certs`,
  createSslVpnClientCert: `POST ${R}/ssl-vpn-servers/:id/client-certs`,
  renameSslVpnClientCert: `PATCH ${R}/ssl-vpn-client-certs/:id`,
  deleteSslVpnClientCert: `DELETE ${R}/ssl-vpn-client-certs/:id`,
  downloadSslVpnClientBundle: `POST ${R}/ssl-vpn-client-certs/:id/bundle`,
  listSslVpnClients: `GET ${R}/vpn-gateways/:vpnGatewayId/ssl-vpn-clients`,
  getIpsecClientProfile: `GET ${R}/ipsec-servers/:id/client-profile`,
  downloadIpsecClientProfile: `POST ${R}/ipsec-servers/:id/client-profile/download`,
  checkIpsecServerPsk: `POST ${R}/ipsec-servers/:id/psk/check`,
  checkVpnConnectionPsk: `POST ${R}/vpn-connections/:id/psk/check`,
  revealIpsecServerPsk: `POST ${R}/ipsec-servers/:id/psk/reveal`,
  revealVpnConnectionPsk: `POST ${R}/vpn-connections/:id/psk/reveal`,
  exportPeerConfig: `POST ${R}/vpn-connections/:id/peer-config`,
  getOperation: 'GET /api/v1/operations/:operationId',
  events: 'GET /api/v1/events',
  watch: 'PUT /api/v1/events/:streamId/watch',
  openapi: 'GET /api/v1/openapi.json',
  metrics: 'GET /metrics',
  demoAccounts: 'GET /api/v1/demo',
  resetDemo: 'POST /api/v1/demo/reset',
  startDemoScenario: 'POST /api/v1/demo/scenarios/:scenario',
  login: 'POST /api/v1/session',
  getSession: 'GET /api/v1/session',
  logout: 'DELETE /api/v1/session',
  listAccounts: 'GET /api/v1/accounts',
  getAccount: 'GET /api/v1/accounts/:accountId',
  createAccount: 'POST /api/v1/accounts',
  changeAccount: 'PATCH /api/v1/accounts/:accountId',
  endAccountSessions: 'DELETE /api/v1/accounts/:accountId/sessions',
  listAudit: 'GET /api/v1/audit',
  // Status history, stored logs, diagnosis, health overview (issue 15).
  getGatewayHistory: `GET ${R}/vpn-gateways/:vpnGatewayId/history`,
  exportGatewayHistory: `GET ${R}/vpn-gateways/:vpnGatewayId/history/export`,
  listVpnConnectionLogs: `GET ${R}/vpn-connections/:id/logs`,
  exportVpnConnectionLogs: `GET ${R}/vpn-connections/:id/logs/export`,
  diagnoseVpnConnection: `GET ${R}/vpn-connections/:id/diagnosis`,
  getHealthOverview: 'GET /api/v1/health-overview',
} as const satisfies Record<string, `${HttpMethod} /${string}`>;

export type RouteId = keyof typeof routePaths;
type MethodOf<Id extends RouteId> = Id extends RouteId
  ? (typeof routePaths)[Id] extends `${infer M extends HttpMethod} ${string}`
    ? M
    : never
  : never;
type PathOf<Id extends RouteId> = Id extends RouteId
  ? (typeof routePaths)[Id] extends `${HttpMethod} ${infer P}`
    ? P
    : never
  : never;

/** The names of a path's `:param` segments: `'regionId' | 'id'`. */
type PathParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** A route's path parameters, each a string. */
export type PathParams<Id extends RouteId> = { [K in PathParamName<PathOf<Id>>]: string };

/** Method and path of a route. */
export const routeAt = <Id extends RouteId>(id: Id): { method: MethodOf<Id>; path: PathOf<Id> } => {
  const spec: string = routePaths[id];
  const space = spec.indexOf(' ');
  // The `satisfies` above makes every entry "METHOD /path": the split gives exactly these types.
  return { method: spec.slice(0, space), path: spec.slice(space + 1) } as {
    method: MethodOf<Id>;
    path: PathOf<Id>;
  };
};

/**
 * The URL of a route: each `:param` filled with its value, percent-encoded, then `search`
 * (`?…`, as given). A route without parameters takes none.
 */
export const pathTo = <Id extends RouteId>(
  id: Id,
  ...[params, search = '']: PathParamName<PathOf<Id>> extends never
    ? [params?: Record<string, never>, search?: string]
    : [params: PathParams<Id>, search?: string]
): string => {
  const values: Record<string, string> = params ?? {};
  return (
    routeAt(id).path.replace(/:(\w+)/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`pathTo(${id}): no value for :${name}`);
      return encodeURIComponent(value);
    }) + search
  );
};
