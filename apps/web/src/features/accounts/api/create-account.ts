import {
  accountViewSchema,
  createAccountRequestSchema,
  type CreateAccountRequest,
} from '@vpn-console/shared/api/accounts';
import { sessionPaths } from '@vpn-console/shared/api/session';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

const createAccount = (body: CreateAccountRequest) =>
  apiRequest(accountViewSchema, sessionPaths.accounts(), {
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
