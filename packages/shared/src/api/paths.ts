// Path builders and header names of the BFF's HTTP contract, for the web's API layer and tests.
// Kept apart from the route table (routes.ts), which imports every response schema: a screen
// that only needs a URL must not load the schemas of every other screen with it.
const enc = encodeURIComponent;

/** Path builders for the web's API layer. */
export const apiPaths = {
  health: () => '/api/v1/health',
  regions: () => '/api/v1/regions',
  vpnGateways: (regionId: string, search = '') =>
    `/api/v1/regions/${enc(regionId)}/vpn-gateways${search}`,
  allVpnGateways: (search = '') => `/api/v1/vpn-gateways${search}`,
  vpnGateway: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-gateways/${enc(id)}`,
  customerGateways: (regionId: string) => `/api/v1/regions/${enc(regionId)}/customer-gateways`,
  customerGateway: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/customer-gateways/${enc(id)}`,
  ipsecServers: (regionId: string) => `/api/v1/regions/${enc(regionId)}/ipsec-servers`,
  ipsecServer: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/ipsec-servers/${enc(id)}`,
  vpnConnections: (regionId: string) => `/api/v1/regions/${enc(regionId)}/vpn-connections`,
  vpnConnection: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-connections/${enc(id)}`,
  vpnConnectionTunnel: (regionId: string, id: string, tunnelId: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-connections/${enc(id)}/tunnels/${enc(tunnelId)}`,
  sslVpnServers: (regionId: string) => `/api/v1/regions/${enc(regionId)}/ssl-vpn-servers`,
  sslVpnServer: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/ssl-vpn-servers/${enc(id)}`,
  sslVpnClientCerts: (regionId: string, sslVpnServerId: string) =>
    `/api/v1/regions/${enc(regionId)}/ssl-vpn-servers/${enc(sslVpnServerId)}/client-certs`,
  sslVpnClientCert: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/ssl-vpn-client-certs/${enc(id)}`,
  sslVpnClientBundle: (regionId: string, id: string, format: 'ovpn') =>
    `/api/v1/regions/${enc(regionId)}/ssl-vpn-client-certs/${enc(id)}/bundle?format=${format}`,
  sslVpnClients: (regionId: string, vpnGatewayId: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-gateways/${enc(vpnGatewayId)}/ssl-vpn-clients`,
  ipsecClientProfile: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/ipsec-servers/${enc(id)}/client-profile`,
  ipsecClientProfileDownload: (regionId: string, id: string, format: 'swanctl' | 'settings') =>
    `/api/v1/regions/${enc(regionId)}/ipsec-servers/${enc(id)}/client-profile/download?format=${format}`,
  gatewayHistory: (regionId: string, vpnGatewayId: string, query: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-gateways/${enc(vpnGatewayId)}/history?${query}`,
  gatewayHistoryExport: (regionId: string, vpnGatewayId: string, query: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-gateways/${enc(vpnGatewayId)}/history/export?${query}`,
  vpnConnectionLogs: (regionId: string, id: string, query: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-connections/${enc(id)}/logs?${query}`,
  vpnConnectionLogsExport: (regionId: string, id: string, query: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-connections/${enc(id)}/logs/export?${query}`,
  vpnConnectionDiagnosis: (regionId: string, id: string) =>
    `/api/v1/regions/${enc(regionId)}/vpn-connections/${enc(id)}/diagnosis`,
  healthOverview: (query: string) => `/api/v1/health-overview?${query}`,
  operation: (id: string) => `/api/v1/operations/${enc(id)}`,
  events: () => '/api/v1/events',
  watch: (streamId: string) => `/api/v1/events/${enc(streamId)}/watch`,
  openapi: () => '/api/v1/openapi.json',
} as const;

/** Headers of the HTTP contract. */
export const apiHeaders = {
  idempotencyKey: 'Idempotency-Key',
  eventStream: 'X-Event-Stream',
  requestId: 'X-Request-Id',
} as const;
