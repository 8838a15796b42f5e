import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

/** `DELETE /api/v1/accounts/:id/sessions`: signs the account out everywhere (204). */
const endSessions = (id: string) =>
  apiRequest(z.unknown(), pathTo(route.endAccountSessions, id), { method: 'DELETE' });

export const useEndSessions = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: endSessions,
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
};
