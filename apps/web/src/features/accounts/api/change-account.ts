import {
  accountViewSchema,
  changeAccountRequestSchema,
  type ChangeAccountRequest,
} from '@vpn-console/shared/api/accounts';
import { sessionPaths } from '@vpn-console/shared/api/session';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

const changeAccount = ({ id, change }: { id: string; change: ChangeAccountRequest }) =>
  apiRequest(accountViewSchema, sessionPaths.account(id), {
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
