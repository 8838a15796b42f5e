import { demoAccountListSchema } from '@vpn-console/shared/api/demo';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, ApiRequestError } from '../../../lib/api-client';

/** The demo accounts, or null outside demo mode (the BFF answers 404 there). */
const getDemoAccounts = async () => {
  try {
    return await apiRequest(demoAccountListSchema, pathTo(route.demoAccounts));
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return null;
    throw error;
  }
};

const demoAccountsQueryOptions = () =>
  queryOptions({ queryKey: ['session', 'demo'], queryFn: getDemoAccounts, staleTime: Infinity });

export const useDemoAccounts = () => useQuery(demoAccountsQueryOptions());
