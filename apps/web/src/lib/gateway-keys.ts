// Query keys of the gateways feature (one factory).
export const gatewayKeys = {
  all: ['gateways'] as const,
  regions: () => ['gateways', 'regions'] as const,
  list: (regionId: string) => ['gateways', 'list', regionId] as const,
  /** One page of a region's list (under `list`, so refreshing the list refreshes its pages). */
  page: (regionId: string, request: object) => ['gateways', 'list', regionId, request] as const,
  allPage: (request: object) => ['gateways', 'all', request] as const,
  detail: (regionId: string, id: string) => ['gateways', 'detail', regionId, id] as const,
  activity: (vpnGatewayId: string) => ['gateways', 'activity', vpnGatewayId] as const,
};
