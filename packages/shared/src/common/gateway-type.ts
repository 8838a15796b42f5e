// The VPN gateway type decides which IKE/IPsec algorithms and fields apply.
// The request does not carry it: the BFF passes the real gateway's type, the web the selected gateway's.

export const GATEWAY_TYPES = ['standard', 'sm'] as const;

/** `standard` = VpnType `Normal`; `sm` = VpnType `NationalStandard` (国密, China site only). */
export type GatewayType = (typeof GATEWAY_TYPES)[number];

export type SchemaContext = { gatewayType: GatewayType };

/** Maps DescribeVpnGateway(s) `VpnType` to the schema context's gateway type. */
export function gatewayTypeFromVpnType(vpnType: string | undefined): GatewayType {
  return vpnType === 'NationalStandard' ? 'sm' : 'standard';
}

/** Memoises a schema factory per gateway type, so calling it on every keystroke costs nothing. */
export function memoByGatewayType<T>(build: (ctx: SchemaContext) => T): (ctx: SchemaContext) => T {
  const cache = new Map<GatewayType, T>();
  return (ctx) => {
    const hit = cache.get(ctx.gatewayType);
    if (hit !== undefined) return hit;
    const built = build(ctx);
    cache.set(ctx.gatewayType, built);
    return built;
  };
}
