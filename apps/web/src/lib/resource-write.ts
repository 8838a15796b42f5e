// The write layer's common part: a resource write answers 202 with an operation (followed live),
// a dry run answers the cloud's verdict. Each feature's api/ file builds its typed mutation on
// these and names what the finished operation changes.
import {
  dryRunVerdictSchema,
  operationSchema,
  type Operation,
} from '@vpn-console/shared/api/operations';
import {
  hashKey,
  useMutation,
  useQueryClient,
  type QueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { apiRequest, type WriteMethod } from './api-client';
import { isTerminal } from './operations';
import { eventStreamHeader, liveKeys } from './live-status';

/**
 * A write's body: the shared request schema's input without what the BFF sets itself (`dryRun`
 * is a query flag, `clientToken` comes from the Idempotency-Key) and, for a change, without the
 * ids the path carries.
 */
export type WriteBody<TInput, TPathKeys extends string = never> = Omit<
  TInput,
  'dryRun' | 'clientToken' | TPathKeys
>;

/** What a create mutation is called with. */
export interface CreateVariables<TBody> {
  regionId: string;
  body: TBody;
  /** One per wizard (one user intent): becomes the cloud ClientToken. */
  idempotencyKey: string;
}

/** What a change mutation is called with. */
export interface ChangeVariables<TBody> extends CreateVariables<TBody> {
  id: string;
}

/** Sends a write; its operation's events are routed to this tab's stream. */
export const sendWrite = (
  client: QueryClient,
  method: WriteMethod,
  path: string,
  body: unknown,
  idempotencyKey: string,
): Promise<Operation> =>
  apiRequest(operationSchema, path, {
    method,
    body,
    idempotencyKey,
    headers: eventStreamHeader(client),
  });

/** The same request with ?dryRun=true: the cloud's verdict, nothing changed. */
export const sendDryRun = (method: WriteMethod, path: string, body: unknown) =>
  apiRequest(dryRunVerdictSchema, path, { method, body, query: { dryRun: true } });

/**
 * Refreshes `keys` once the operation has succeeded (SSE events and the progress view's polls
 * write its cache entry); a failed operation changed nothing to refresh.
 */
export const refreshWhenDone = (
  client: QueryClient,
  operation: Operation,
  keys: readonly QueryKey[],
): void => {
  const refresh = (op: Operation) => {
    if (op.state !== 'succeeded') return;
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
  if (isTerminal(operation)) {
    refresh(operation);
    return;
  }
  const key = liveKeys.operation(operation.id);
  const hash = hashKey(key);
  const stop = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryHash !== hash) return;
    const op = client.getQueryData<Operation>(key);
    if (op === undefined || !isTerminal(op)) return;
    stop();
    refresh(op);
  });
};

/**
 * A write's mutation: `send` starts it (202 + operation), and once that operation has succeeded
 * the queries `refreshes` names are fetched again.
 */
export const useWriteMutation = <TVariables>(
  send: (variables: TVariables, client: QueryClient) => Promise<Operation>,
  refreshes: (variables: TVariables) => readonly QueryKey[],
) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: TVariables) => send(variables, client),
    onSuccess: (operation, variables) => {
      refreshWhenDone(client, operation, refreshes(variables));
    },
  });
};
