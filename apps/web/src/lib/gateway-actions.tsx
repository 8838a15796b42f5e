// What the open gateway can take (issue 17), for every action button under it: the gateway page
// provides the gateway's facts and contents; buttons ask with useActionBlock and are disabled with
// the reason before any wizard starts. The rules are the shared package's (gatewayActionBlock).
import {
  gatewayActionBlock,
  type GatewayAction,
  type GatewayActionBlock,
  type GatewayContents,
  type GatewayFacts,
} from '@vpn-console/shared/common/gateway-actions';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

interface GatewayActionsValue {
  gateway: GatewayFacts;
  contents: GatewayContents;
}

const GatewayActionsContext = createContext<GatewayActionsValue | undefined>(undefined);

export function GatewayActionsProvider({
  gateway,
  contents,
  children,
}: GatewayActionsValue & { children: ReactNode }) {
  const { businessStatus, sslVpn, version, supportsIpsecServer } = gateway;
  const { ipsecServers, sslVpnServers } = contents;
  const value = useMemo(
    () => ({
      gateway: { businessStatus, sslVpn, version, supportsIpsecServer },
      contents: { ipsecServers, sslVpnServers },
    }),
    [businessStatus, sslVpn, version, supportsIpsecServer, ipsecServers, sslVpnServers],
  );
  return <GatewayActionsContext.Provider value={value}>{children}</GatewayActionsContext.Provider>;
}

/** Why the open gateway cannot take `action` (undefined: it can, or no gateway is known). */
export const useActionBlock = (action: GatewayAction): GatewayActionBlock | undefined => {
  const value = useContext(GatewayActionsContext);
  return value === undefined
    ? undefined
    : gatewayActionBlock(value.gateway, value.contents, action);
};
