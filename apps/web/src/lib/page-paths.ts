// The SPA's own page addresses (the router's patterns live in app/routes.tsx), so a card links to
// its wizard without spelling the gateway's address again.
export const gatewayPagePath = (regionId: string, vpnGatewayId: string): string =>
  `/regions/${regionId}/gateways/${vpnGatewayId}`;
