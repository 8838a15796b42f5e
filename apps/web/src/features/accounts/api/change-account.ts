import {
  accountViewSchema,
  changeAccountRequestSchema,
  type ChangeAccountRequest,
} from '@vpn-console/shared/api/accounts';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

const changeAccount = ({ id, change }: { id: string; change: ChangeAccountRequest }) =>
  apiRequest(accountViewSchema, pathTo(route.changeAccount, id), {
    method: 'PATCH',
    body: changeAccountRequestSchema.parse(change),
  });

export const useChangeAccount = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: changeAccount,
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
};
