// Query keys of the SSL-VPN client slice (certificates, connected clients).
export const sslClientKeys = {
  certs: (regionId: string, sslVpnServerId: string) =>
    ['ssl-vpn-client-certs', regionId, sslVpnServerId] as const,
  connected: (regionId: string, vpnGatewayId: string) =>
    ['ssl-vpn-clients', regionId, vpnGatewayId] as const,
};
