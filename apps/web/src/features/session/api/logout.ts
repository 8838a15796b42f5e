import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { endSession, logoutMutationKey } from '../../../lib/session';

const logout = () => apiRequest(z.unknown(), pathTo(route.logout), { method: 'DELETE' });

export const useLogout = () => {
  const client = useQueryClient();
  return useMutation({
    mutationKey: logoutMutationKey,
    mutationFn: logout,
    onSettled: () => {
      // Nothing of the ended session stays in the tab.
      endSession(client);
    },
  });
};
