export const vpnConnectionKeys = {
  customerGateways: (regionId: string) =>
    ['vpn-connection', 'customer-gateways', regionId] as const,
};
