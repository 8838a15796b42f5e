import { pskCheckSchema } from '@vpn-console/shared/api/psk';
import { sessionPaths } from '@vpn-console/shared/api/session';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { RevealRequest } from './reveal-psk';

/** "Does this key match?" (any role; rate-limited and audited by the BFF). Never cached. */
const checkPsk = ({ target, psk }: { target: RevealRequest; psk: string }) =>
  apiRequest(
    pskCheckSchema,
    target.kind === 'ipsec-server'
      ? sessionPaths.ipsecServerPskCheck(target.regionId, target.id)
      : sessionPaths.vpnConnectionPskCheck(target.regionId, target.id),
    { method: 'POST', body: { psk }, query: { tunnelId: target.tunnelId } },
  );

export const useCheckPsk = () => useMutation({ mutationFn: checkPsk, gcTime: 0 });
