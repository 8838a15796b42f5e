// What a gateway can take, known before any wizard starts (issue 17): a financially locked
// gateway takes no create or change (deletes still work), an IPsec server needs a version that
// supports it and SSL-VPN on, an SSL-VPN server needs SSL-VPN on, and each gateway holds at most
// one of each server. The web disables the action with the reason and does not start its wizard;
// the BFF refuses such a write before any cloud call (409 GatewayCannotTake, the reason as the
// issue of vpnGatewayId) and audits the refusal.

export type GatewayAction =
  'createIpsecServer' | 'createSslVpnServer' | 'createVpnConnection' | 'change';

export interface GatewayFacts {
  businessStatus: string;
  sslVpn: boolean;
  version?: string | undefined;
  supportsIpsecServer?: boolean | undefined;
}

export interface GatewayContents {
  ipsecServers: number;
  sslVpnServers: number;
}

export type GatewayBlockCode =
  | 'GATEWAY_FINANCIAL_LOCKED'
  | 'GATEWAY_IPSEC_SERVER_UNSUPPORTED'
  | 'GATEWAY_SSL_VPN_OFF'
  | 'GATEWAY_IPSEC_SERVER_EXISTS'
  | 'GATEWAY_SSL_VPN_SERVER_EXISTS';

/** A reason, as a validation issue code of the shared catalog (issue-codes.ts) and its params. */
export interface GatewayActionBlock {
  code: GatewayBlockCode;
  params?: Record<string, string>;
}

/** Why `action` cannot be taken on this gateway, or undefined when it can. */
export const gatewayActionBlock = (
  gateway: GatewayFacts,
  contents: GatewayContents,
  action: GatewayAction,
): GatewayActionBlock | undefined => {
  if (gateway.businessStatus === 'FinancialLocked') return { code: 'GATEWAY_FINANCIAL_LOCKED' };
  switch (action) {
    case 'createIpsecServer':
      if (gateway.supportsIpsecServer === false) {
        return {
          code: 'GATEWAY_IPSEC_SERVER_UNSUPPORTED',
          params: { version: gateway.version ?? '?' },
        };
      }
      if (!gateway.sslVpn) return { code: 'GATEWAY_SSL_VPN_OFF' };
      if (contents.ipsecServers > 0) return { code: 'GATEWAY_IPSEC_SERVER_EXISTS' };
      return undefined;
    case 'createSslVpnServer':
      if (!gateway.sslVpn) return { code: 'GATEWAY_SSL_VPN_OFF' };
      if (contents.sslVpnServers > 0) return { code: 'GATEWAY_SSL_VPN_SERVER_EXISTS' };
      return undefined;
    case 'createVpnConnection':
    case 'change':
      return undefined;
  }
};
