// URLs and header names of the BFF's HTTP contract. Every URL is built from the route table's
// paths (route-paths.ts) by `pathTo`, which fills the `:param` segments in order, each
// percent-encoded. The web calls `pathTo(route.someId, …)` with `import * as route from
// './route-paths'`, so a screen's bundle holds only the paths it builds; `apiPaths` (and
// `sessionPaths` in session.ts) name the same URLs for the BFF's tests and the e2e journeys.
// Kept apart from the route table (routes.ts), which imports every response schema.
import * as route from './route-paths';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RouteSpec = `${HttpMethod} /${string}`;

type Routes = typeof route;
/** Every route is `METHOD /path` (a compile error otherwise). */
type Checked<T extends Record<string, RouteSpec>> = T;

export type RouteId = keyof Checked<Routes>;
type MethodOf<S> = S extends `${infer M extends HttpMethod} ${string}` ? M : never;
type PathOf<S> = S extends `${HttpMethod} ${infer P}` ? P : never;

/** The names of a path's `:param` segments, in order: `['regionId', 'id']`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? [Name, ...ParamNames<Rest>]
  : P extends `${string}:${infer Name}`
    ? [Name]
    : [];

/** One string for each name. */
type Strings<T extends string[]> = { [K in keyof T]: string };

/** A route's path parameters by name, each a string (what Express gives a handler). */
export type PathParams<Id extends RouteId> = {
  [K in ParamNames<PathOf<Routes[Id]>>[number]]: string;
};

/** Method and path of a route. */
export const routeAt = <Id extends RouteId>(
  id: Id,
): { method: MethodOf<Routes[Id]>; path: PathOf<Routes[Id]> } => {
  const spec: string = route[id];
  const space = spec.indexOf(' ');
  // Every entry is "METHOD /path" (checked above): the split gives exactly these types.
  return { method: spec.slice(0, space), path: spec.slice(space + 1) } as {
    method: MethodOf<Routes[Id]>;
    path: PathOf<Routes[Id]>;
  };
};

/**
 * The URL of a route (a constant of route-paths.ts): its `:param` segments filled in order with
 * `values`, each percent-encoded.
 */
export const pathTo = <S extends RouteSpec>(
  route: S,
  ...values: Strings<ParamNames<PathOf<S>>>
): string => {
  const list: readonly string[] = values;
  let next = 0;
  // The type gives one value per `:param`.
  return route
    .slice(route.indexOf(' ') + 1)
    .replace(/:\w+/g, () => encodeURIComponent(list[next++] ?? ''));
};

/** Path builders by name, for tests and journeys (the web calls `pathTo` itself). */
export const apiPaths = {
  health: () => pathTo(route.health),
  regions: () => pathTo(route.listRegions),
  vpnGateways: (regionId: string, search = '') => pathTo(route.listVpnGateways, regionId) + search,
  allVpnGateways: (search = '') => pathTo(route.listAllVpnGateways) + search,
  vpnGateway: (regionId: string, id: string) => pathTo(route.getVpnGateway, regionId, id),
  customerGateways: (regionId: string) => pathTo(route.listCustomerGateways, regionId),
  customerGateway: (regionId: string, id: string) => pathTo(route.getCustomerGateway, regionId, id),
  ipsecServers: (regionId: string) => pathTo(route.listIpsecServers, regionId),
  ipsecServer: (regionId: string, id: string) => pathTo(route.getIpsecServer, regionId, id),
  vpnConnections: (regionId: string) => pathTo(route.listVpnConnections, regionId),
  vpnConnection: (regionId: string, id: string) => pathTo(route.getVpnConnection, regionId, id),
  vpnConnectionTunnel: (regionId: string, id: string, tunnelId: string) =>
    pathTo(route.changeVpnConnectionTunnel, regionId, id, tunnelId),
  sslVpnServers: (regionId: string) => pathTo(route.listSslVpnServers, regionId),
  sslVpnServer: (regionId: string, id: string) => pathTo(route.getSslVpnServer, regionId, id),
  sslVpnClientCerts: (regionId: string, sslVpnServerId: string) =>
    pathTo(route.listSslVpnClientCerts, regionId, sslVpnServerId),
  sslVpnClientCert: (regionId: string, id: string) =>
    pathTo(route.renameSslVpnClientCert, regionId, id),
  sslVpnClientBundle: (regionId: string, id: string, format: 'ovpn') =>
    `${pathTo(route.downloadSslVpnClientBundle, regionId, id)}?format=${format}`,
  sslVpnClients: (regionId: string, vpnGatewayId: string) =>
    pathTo(route.listSslVpnClients, regionId, vpnGatewayId),
  ipsecClientProfile: (regionId: string, id: string) =>
    pathTo(route.getIpsecClientProfile, regionId, id),
  ipsecClientProfileDownload: (regionId: string, id: string, format: 'swanctl' | 'settings') =>
    `${pathTo(route.downloadIpsecClientProfile, regionId, id)}?format=${format}`,
  gatewayHistory: (regionId: string, vpnGatewayId: string, query: string) =>
    `${pathTo(route.getGatewayHistory, regionId, vpnGatewayId)}?${query}`,
  gatewayHistoryExport: (regionId: string, vpnGatewayId: string, query: string) =>
    `${pathTo(route.exportGatewayHistory, regionId, vpnGatewayId)}?${query}`,
  vpnConnectionLogs: (regionId: string, id: string, query: string) =>
    `${pathTo(route.listVpnConnectionLogs, regionId, id)}?${query}`,
  vpnConnectionLogsExport: (regionId: string, id: string, query: string) =>
    `${pathTo(route.exportVpnConnectionLogs, regionId, id)}?${query}`,
  vpnConnectionDiagnosis: (regionId: string, id: string) =>
    pathTo(route.diagnoseVpnConnection, regionId, id),
  healthOverview: (query: string) => `${pathTo(route.getHealthOverview)}?${query}`,
  operation: (id: string) => pathTo(route.getOperation, id),
  events: () => pathTo(route.events),
  watch: (streamId: string) => pathTo(route.watch, streamId),
  openapi: () => pathTo(route.openapi),
} as const;

/** Headers of the HTTP contract. */
export const apiHeaders = {
  idempotencyKey: 'Idempotency-Key',
  eventStream: 'X-Event-Stream',
  requestId: 'X-Request-Id',
} as const;
