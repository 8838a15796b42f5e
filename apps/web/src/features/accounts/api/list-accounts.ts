import { accountListSchema } from '@vpn-console/shared/api/accounts';
import { sessionPaths } from '@vpn-console/shared/api/session';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

const listAccounts = () => apiRequest(accountListSchema, sessionPaths.accounts());

const accountsQueryOptions = () =>
  queryOptions({ queryKey: accountKeys.all, queryFn: listAccounts });

/** `enabled` is false for roles that may not list accounts (the BFF would answer 403). */
export const useAccounts = (enabled: boolean) => useQuery({ ...accountsQueryOptions(), enabled });
