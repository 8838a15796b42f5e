import { pskRevealSchema } from '@vpn-console/shared/api/psk';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from './api-client';

export interface RevealRequest {
  kind: 'ipsec-server' | 'vpn-connection';
  regionId: string;
  id: string;
  /** One tunnel's key of a dual-tunnel connection (`?tunnelId=`). */
  tunnelId?: string;
}

/** Audited by the BFF; the answer is kept only in the component's state, never cached. */
const revealPsk = (req: RevealRequest) =>
  apiRequest(
    pskRevealSchema,
    req.kind === 'ipsec-server'
      ? pathTo(route.revealIpsecServerPsk, req.regionId, req.id)
      : pathTo(route.revealVpnConnectionPsk, req.regionId, req.id),
    { method: 'POST', query: { tunnelId: req.tunnelId } },
  );

export const useRevealPsk = () => useMutation({ mutationFn: revealPsk, gcTime: 0 });
