// Query keys of the gateways feature (one factory).
export const gatewayKeys = {
  all: ['gateways'] as const,
  regions: () => ['gateways', 'regions'] as const,
  list: (regionId: string) => ['gateways', 'list', regionId] as const,
  detail: (regionId: string, id: string) => ['gateways', 'detail', regionId, id] as const,
  activity: (vpnGatewayId: string) => ['gateways', 'activity', vpnGatewayId] as const,
};
