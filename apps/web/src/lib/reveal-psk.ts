import { pskRevealSchema } from '@vpn-console/shared/api/psk';
import { sessionPaths } from '@vpn-console/shared/api/session';
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
      ? sessionPaths.ipsecServerPskReveal(req.regionId, req.id)
      : sessionPaths.vpnConnectionPskReveal(req.regionId, req.id),
    { method: 'POST', query: { tunnelId: req.tunnelId } },
  );

export const useRevealPsk = () => useMutation({ mutationFn: revealPsk, gcTime: 0 });
