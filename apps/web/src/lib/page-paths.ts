// The SPA's own page addresses (the router's patterns live in app/routes.tsx), so a card links to
// its wizard without spelling the gateway's address again.
export const gatewayPagePath = (regionId: string, vpnGatewayId: string): string =>
  `/regions/${regionId}/gateways/${vpnGatewayId}`;

/** A connection's own page: its card, timeline, diagnosis and kept log (issue 15). */
export const connectionPagePath = (
  regionId: string,
  vpnGatewayId: string,
  vpnConnectionId: string,
): string => `${gatewayPagePath(regionId, vpnGatewayId)}/connections/${vpnConnectionId}`;
