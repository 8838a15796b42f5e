import {
  accountViewSchema,
  createAccountRequestSchema,
  type CreateAccountRequest,
} from '@vpn-console/shared/api/accounts';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

const createAccount = (body: CreateAccountRequest) =>
  apiRequest(accountViewSchema, pathTo(route.createAccount), {
    method: 'POST',
    body: createAccountRequestSchema.parse(body),
  });

export const useCreateAccount = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all }),
  });
};
