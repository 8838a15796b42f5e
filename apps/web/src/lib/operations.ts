// Following an operation (a write's 202 answer) live: SSE events land in the same cache entry;
// a slow poll of GET /operations/{id} covers a missed event or a reconnecting stream.
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { liveKeys } from './live-status';

export const isTerminal = (op: Operation | undefined): boolean =>
  op?.state === 'succeeded' || op?.state === 'failed';

export const getOperation = (operationId: string) =>
  apiRequest(operationSchema, pathTo(route.getOperation, operationId));

export const useOperation = (operationId: string | undefined, pollMs = 1500) =>
  useQuery({
    queryKey: liveKeys.operation(operationId ?? 'none'),
    queryFn: () => getOperation(operationId ?? ''),
    enabled: operationId !== undefined,
    refetchInterval: (query) => (isTerminal(query.state.data) ? false : pollMs),
  });

/** Waits until an operation reaches a final state (used to chain an inline create). */
export const waitForOperation = async (
  operationId: string,
  read: () => Operation | undefined,
  pollMs = 1000,
  signal?: AbortSignal,
): Promise<Operation> => {
  for (;;) {
    const cached = read();
    if (cached !== undefined && isTerminal(cached)) return cached;
    const fresh = await getOperation(operationId);
    if (isTerminal(fresh)) return fresh;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    if (signal?.aborted === true) throw new DOMException('aborted', 'AbortError');
  }
};
