// Who am I: GET /api/v1/session. Every feature reads the role from here; the BFF enforces it.
import { sessionViewSchema, type Role, type SessionView } from '@vpn-console/shared/api/session';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import {
  queryOptions,
  skipToken,
  useQuery,
  type QueryClient,
  type QueryFunctionContext,
} from '@tanstack/react-query';
import { apiRequest, ApiRequestError } from './api-client';

export const sessionKey = ['session'] as const;

/** The session, or null when nobody is logged in (401). */
const getSession = async () => {
  try {
    return await apiRequest(sessionViewSchema, pathTo(route.getSession));
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return null;
    throw error;
  }
};

/** Set while the tab's session has ended on the server but the page stays (in-place sign-in). */
const sessionExpiredKey = ['session', 'expired'] as const;

/**
 * The session query: null on a cold start without a session (the app goes to the sign-in page).
 * When a session this tab had is refused later (idle or absolute timeout, ended elsewhere), the
 * page keeps what it shows and asks to sign in again instead (markSessionExpired).
 */
const fetchSession = async ({ client }: QueryFunctionContext): Promise<SessionView | null> => {
  const session = await getSession();
  if (session !== null) return session;
  const previous = client.getQueryData<SessionView | null>(sessionKey);
  if (previous == null) return null;
  markSessionExpired(client);
  return previous;
};

const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: false });

export const useSession = () => useQuery(sessionQueryOptions());

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Capabilities derived from the role; controls a role may not use are not rendered at all. */
const capabilitiesOf = (role: Role | undefined) => ({
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

/** The user's own sign-out (its 401s and `logout` event are expected, not an expiry). */
export const logoutMutationKey = ['session', 'logout'] as const;

/** The session this page runs under has ended: the sign-in dialog opens over the page. */
export const markSessionExpired = (client: QueryClient): void => {
  if (client.getQueryData<boolean>(sessionExpiredKey) === true) return;
  if (client.isMutating({ mutationKey: logoutMutationKey }) > 0) return;
  if (client.getQueryData<SessionView | null>(sessionKey) == null) return;
  client.setQueryData(sessionExpiredKey, true);
};

/** Whether the page waits for the user to sign in again. */
export const useSessionExpired = (): boolean =>
  useQuery<boolean>({ queryKey: sessionExpiredKey, queryFn: skipToken, staleTime: Infinity })
    .data === true;

const notSession = (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== sessionKey[0];

/**
 * Signed in again in place. The same account: the page, its forms and the cache stay; what
 * failed meanwhile is fetched again. Another account: nothing the previous account loaded is
 * kept (its role may have seen more) — the cache is emptied and the pages load afresh for the new
 * role (the caller remounts them, so half-typed input of the previous account is not carried
 * over either).
 */
export const resumeSession = (client: QueryClient, session: SessionView): 'same' | 'other' => {
  const previous = client.getQueryData<SessionView | null>(sessionKey);
  const same = previous?.account.id === session.account.id;
  if (!same) {
    client.getMutationCache().clear();
    client.removeQueries({ predicate: notSession, type: 'inactive' });
  }
  client.setQueryData(sessionKey, session);
  client.setQueryData(sessionExpiredKey, false);
  if (same) void client.invalidateQueries({ predicate: notSession });
  else void client.resetQueries({ predicate: notSession });
  return same ? 'same' : 'other';
};

/**
 * The session ended (logout, expiry, the stream's `logout` event, any 401): tell the observers
 * first — the app goes to the sign-in page — then drop everything else the session loaded.
 * (QueryClient.clear() first would detach the mounted observers, so nobody would notice.)
 */
export const endSession = (client: QueryClient): void => {
  client.setQueryData(sessionKey, null);
  client.setQueryData(sessionExpiredKey, false);
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
};
