import { accountListSchema } from '@vpn-console/shared/api/accounts';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { accountKeys } from './keys';

const listAccounts = () => apiRequest(accountListSchema, pathTo(route.listAccounts));

const accountsQueryOptions = () =>
  queryOptions({ queryKey: accountKeys.all, queryFn: listAccounts });

/** `enabled` is false for roles that may not list accounts (the BFF would answer 403). */
export const useAccounts = (enabled: boolean) => useQuery({ ...accountsQueryOptions(), enabled });
