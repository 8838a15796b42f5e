// Who am I: GET /api/v1/session. Every feature reads the role from here; the BFF enforces it.
import { sessionPaths, sessionViewSchema, type Role } from '@vpn-console/shared/api/session';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { apiRequest, ApiRequestError } from './api-client';

export const sessionKey = ['session'] as const;

/** The session, or null when nobody is logged in (401). */
export const getSession = async () => {
  try {
    return await apiRequest(sessionViewSchema, sessionPaths.session());
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
};

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionKey, queryFn: getSession, staleTime: 60_000, retry: false });

export const useSession = () => useQuery(sessionQueryOptions());

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Capabilities derived from the role; controls a role may not use are not rendered at all. */
export const capabilitiesOf = (role: Role | undefined) => ({
  canWrite: role !== undefined && rank[role] >= rank.operator,
  canReveal: role !== undefined && rank[role] >= rank.operator,
  canManageAccounts: role === 'admin',
  canReadAudit: role !== undefined,
});

export const useCapabilities = () => {
  const { data } = useSession();
  const role = data?.account.role;
  return { role, ...capabilitiesOf(role) };
};

/**
 * The session ended (logout, expiry, the stream's `logout` event, any 401): tell the observers
 * first — the app goes to the sign-in page — then drop everything else the session loaded.
 * (QueryClient.clear() first would detach the mounted observers, so nobody would notice.)
 */
export const endSession = (client: QueryClient): void => {
  client.setQueryData(sessionKey, null);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
};
