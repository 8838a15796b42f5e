// POST …/vpn-connections/:id/peer-config: the connection's configuration for a device (operators;
// audited by the BFF; the answer lives only in the component's state, never in the cache).
import { useMutation } from '@tanstack/react-query';
import {
  peerConfigPath,
  peerConfigResponseSchema,
  type PeerConfigRequest,
} from '@vpn-console/shared/api/peer-config';
import { apiRequest } from '../../../lib/api-client';

interface GetPeerConfig extends PeerConfigRequest {
  regionId: string;
  vpnConnectionId: string;
}

const getPeerConfig = ({ regionId, vpnConnectionId, ...body }: GetPeerConfig) =>
  apiRequest(peerConfigResponseSchema, peerConfigPath(regionId, vpnConnectionId), {
    method: 'POST',
    body,
  });

export const useGetPeerConfig = () => useMutation({ mutationFn: getPeerConfig, gcTime: 0 });
