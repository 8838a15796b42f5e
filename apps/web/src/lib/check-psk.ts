import { pskCheckSchema } from '@vpn-console/shared/api/psk';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import type { RevealRequest } from './reveal-psk';

/** "Does this key match?" (any role; rate-limited and audited by the BFF). Never cached. */
const checkPsk = ({ target, psk }: { target: RevealRequest; psk: string }) =>
  apiRequest(
    pskCheckSchema,
    target.kind === 'ipsec-server'
      ? pathTo(route.checkIpsecServerPsk, target.regionId, target.id)
      : pathTo(route.checkVpnConnectionPsk, target.regionId, target.id),
    { method: 'POST', body: { psk }, query: { tunnelId: target.tunnelId } },
  );

export const useCheckPsk = () => useMutation({ mutationFn: checkPsk, gcTime: 0 });
