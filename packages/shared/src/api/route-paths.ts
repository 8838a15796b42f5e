// The method and path of every BFF route, one constant per route id: the one place either is
// written. The route table (routes.ts) takes them by id, the BFF mounts its handlers by route id
// (apps/bff/src/http/mount.ts) and the web builds its URLs from them (`pathTo`, paths.ts). One
// export per route, and no schemas: a screen's bundle holds only the paths it builds.
//
// Paths are Express paths (`:param` segments, strict and case-sensitive routing); the OpenAPI
// document writes them as `{param}`. Each value is `METHOD /path` (checked in paths.ts).

const R = '/api/v1/regions/:regionId';

export const health = 'GET /api/v1/health';
export const ready = 'GET /api/v1/health/ready';
export const listRegions = 'GET /api/v1/regions';
export const listAllVpnGateways = 'GET /api/v1/vpn-gateways';
export const listVpnGateways = `GET ${R}/vpn-gateways` as const;
export const getVpnGateway = `GET ${R}/vpn-gateways/:vpnGatewayId` as const;
export const listCustomerGateways = `GET ${R}/customer-gateways` as const;
export const getCustomerGateway = `GET ${R}/customer-gateways/:customerGatewayId` as const;
export const createCustomerGateway = `POST ${R}/customer-gateways` as const;
export const changeCustomerGateway = `PATCH ${R}/customer-gateways/:customerGatewayId` as const;
export const deleteCustomerGateway = `DELETE ${R}/customer-gateways/:customerGatewayId` as const;
export const listIpsecServers = `GET ${R}/ipsec-servers` as const;
export const getIpsecServer = `GET ${R}/ipsec-servers/:id` as const;
export const createIpsecServer = `POST ${R}/ipsec-servers` as const;
export const changeIpsecServer = `PATCH ${R}/ipsec-servers/:id` as const;
export const deleteIpsecServer = `DELETE ${R}/ipsec-servers/:id` as const;
export const listVpnConnections = `GET ${R}/vpn-connections` as const;
export const getVpnConnection = `GET ${R}/vpn-connections/:id` as const;
export const createVpnConnection = `POST ${R}/vpn-connections` as const;
export const changeVpnConnection = `PATCH ${R}/vpn-connections/:id` as const;
export const deleteVpnConnection = `DELETE ${R}/vpn-connections/:id` as const;
export const listSslVpnServers = `GET ${R}/ssl-vpn-servers` as const;
export const getSslVpnServer = `GET ${R}/ssl-vpn-servers/:id` as const;
export const createSslVpnServer = `POST ${R}/ssl-vpn-servers` as const;
export const changeSslVpnServer = `PATCH ${R}/ssl-vpn-servers/:id` as const;
export const deleteSslVpnServer = `DELETE ${R}/ssl-vpn-servers/:id` as const;
export const changeVpnConnectionTunnel =
  `PATCH ${R}/vpn-connections/:id/tunnels/:tunnelId` as const;
export const listSslVpnClientCerts = `GET ${R}/ssl-vpn-servers/:id/client-certs` as const;
export const createSslVpnClientCert = `POST ${R}/ssl-vpn-servers/:id/client-certs` as const;
export const renameSslVpnClientCert = `PATCH ${R}/ssl-vpn-client-certs/:id` as const;
export const deleteSslVpnClientCert = `DELETE ${R}/ssl-vpn-client-certs/:id` as const;
export const downloadSslVpnClientBundle = `POST ${R}/ssl-vpn-client-certs/:id/bundle` as const;
export const listSslVpnClients = `GET ${R}/vpn-gateways/:vpnGatewayId/ssl-vpn-clients` as const;
export const getIpsecClientProfile = `GET ${R}/ipsec-servers/:id/client-profile` as const;
export const downloadIpsecClientProfile =
  `POST ${R}/ipsec-servers/:id/client-profile/download` as const;
export const checkIpsecServerPsk = `POST ${R}/ipsec-servers/:id/psk/check` as const;
export const checkVpnConnectionPsk = `POST ${R}/vpn-connections/:id/psk/check` as const;
export const revealIpsecServerPsk = `POST ${R}/ipsec-servers/:id/psk/reveal` as const;
export const revealVpnConnectionPsk = `POST ${R}/vpn-connections/:id/psk/reveal` as const;
export const exportPeerConfig = `POST ${R}/vpn-connections/:id/peer-config` as const;
export const getOperation = 'GET /api/v1/operations/:operationId';
export const events = 'GET /api/v1/events';
export const watch = 'PUT /api/v1/events/:streamId/watch';
export const openapi = 'GET /api/v1/openapi.json';
export const metrics = 'GET /metrics';
export const demoAccounts = 'GET /api/v1/demo';
export const resetDemo = 'POST /api/v1/demo/reset';
export const startDemoScenario = 'POST /api/v1/demo/scenarios/:scenario';
export const login = 'POST /api/v1/session';
export const getSession = 'GET /api/v1/session';
export const logout = 'DELETE /api/v1/session';
export const listAccounts = 'GET /api/v1/accounts';
export const getAccount = 'GET /api/v1/accounts/:accountId';
export const createAccount = 'POST /api/v1/accounts';
export const changeAccount = 'PATCH /api/v1/accounts/:accountId';
export const endAccountSessions = 'DELETE /api/v1/accounts/:accountId/sessions';
export const listAudit = 'GET /api/v1/audit';
// Status history, stored logs, diagnosis, health overview (issue 15).
export const getGatewayHistory = `GET ${R}/vpn-gateways/:vpnGatewayId/history` as const;
export const exportGatewayHistory = `GET ${R}/vpn-gateways/:vpnGatewayId/history/export` as const;
export const listVpnConnectionLogs = `GET ${R}/vpn-connections/:id/logs` as const;
export const exportVpnConnectionLogs = `GET ${R}/vpn-connections/:id/logs/export` as const;
export const diagnoseVpnConnection = `GET ${R}/vpn-connections/:id/diagnosis` as const;
export const getHealthOverview = 'GET /api/v1/health-overview';
