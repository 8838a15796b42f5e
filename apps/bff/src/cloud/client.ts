// The cloud client the rest of the BFF uses: endpoints, timeouts, retries with backoff and full
// jitter under a budget, zod-parsed answers, metrics and logs (action, outcome, RequestId only).
import type { z } from 'zod';
import { BudgetWaitError, unlimitedBudget, type CallBudget, type CallPriority } from './budget';
import type { EndpointResolver } from './endpoints';
import { CloudError } from './errors';
import type { PopTransport, RpcParams } from './pop-client';
import type { RpcAction } from '@vpn-console/shared/rpc-types';
import {
  backoffDelay,
  defaultReadPolicy,
  defaultWritePolicy,
  RetryBudget,
  sleep,
  type RetryPolicy,
} from './retry';

export interface CloudCallOptions<T> {
  regionId: string;
  /** Schema of a successful answer. */
  schema: z.ZodType<T>;
  /**
   * Writes must carry their ClientToken in `params`; retries resend the very same params, so
   * the cloud deduplicates them.
   */
  write?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Override the retry policy (e.g. a single attempt for a dry run). */
  policy?: Partial<RetryPolicy>;
  /**
   * Place in the account's call budget queue: `write` for writes and `read` otherwise unless
   * told (`poll` for the status hub, `background` for the history recorder).
   */
  priority?: CallPriority;
}

export interface CloudResult<T> {
  data: T;
  requestId: string | undefined;
  attempts: number;
}

export interface CloudObserver {
  call(action: string, outcome: string, seconds: number): void;
  retry(action: string, reason: string): void;
}

interface CloudLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

export interface CloudClientOptions {
  transport: PopTransport;
  endpoint: EndpointResolver;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  readPolicy?: Partial<RetryPolicy>;
  writePolicy?: Partial<RetryPolicy>;
  budget?: RetryBudget;
  /** The account's budget of upstream calls (every attempt spends one); unlimited if absent. */
  callBudget?: CallBudget;
  observer?: CloudObserver;
  logger?: CloudLogger;
  random?: () => number;
}

export interface CloudClient {
  call<T>(
    action: RpcAction,
    params: RpcParams,
    options: CloudCallOptions<T>,
  ): Promise<CloudResult<T>>;
  readonly budget: RetryBudget;
  /** The account's call budget: others (the history recorder) may acquire from it directly. */
  readonly callBudget: CallBudget;
  close(): void;
}

const outcomeOf = (error: CloudError): string => {
  if (error.kind !== 'api') return error.kind;
  if (error.throttled) return 'throttled';
  if (error.busy) return 'busy';
  return error.httpStatus >= 500 ? 'server-error' : 'client-error';
};

export const createCloudClient = (options: CloudClientOptions): CloudClient => {
  const budget = options.budget ?? new RetryBudget();
  const readPolicy = { ...defaultReadPolicy, ...options.readPolicy };
  const writePolicy = { ...defaultWritePolicy, ...options.writePolicy };
  const random = options.random ?? Math.random;
  const callBudget = options.callBudget ?? unlimitedBudget();

  const acquire = async (action: string, priority: CallPriority, signal?: AbortSignal) => {
    try {
      await callBudget.acquire(priority, signal);
    } catch (thrown) {
      if (!(thrown instanceof BudgetWaitError)) throw thrown;
      options.observer?.call(action, 'budget', 0);
      // The account's own budget is spent for now: the cloud was not asked.
      throw new CloudError({
        kind: 'budget',
        code: 'UpstreamThrottled',
        httpStatus: 503,
        action,
        retryAfterMs: callBudget.expectedWaitMs(priority),
      });
    }
  };

  const call = async <T>(
    action: RpcAction,
    params: RpcParams,
    callOptions: CloudCallOptions<T>,
  ): Promise<CloudResult<T>> => {
    const write = callOptions.write === true;
    const policy = { ...(write ? writePolicy : readPolicy), ...callOptions.policy };
    const timeoutMs =
      callOptions.timeoutMs ?? (write ? options.writeTimeoutMs : options.readTimeoutMs);
    const endpoint = options.endpoint(callOptions.regionId);
    // Freeze the parameters once: every retry sends the same ones (same ClientToken).
    const frozen = Object.freeze({ ...params, RegionId: params.RegionId ?? callOptions.regionId });
    const priority = callOptions.priority ?? (write ? 'write' : 'read');

    for (let attempt = 1; ; attempt += 1) {
      await acquire(action, priority, callOptions.signal);
      const started = performance.now();
      try {
        const raw = await options.transport.send(endpoint, action, frozen, timeoutMs);
        const parsed = callOptions.schema.safeParse(raw.json);
        if (!parsed.success) {
          options.logger?.warn(
            {
              action,
              requestId: raw.requestId,
              issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.')),
            },
            'upstream answer did not match its schema',
          );
          // Not retried: the same answer would come back.
          throw new CloudError({
            kind: 'invalid-response',
            code: 'UpstreamInvalidResponse',
            httpStatus: raw.httpStatus,
            requestId: raw.requestId,
            action,
          });
        }
        options.observer?.call(action, 'success', (performance.now() - started) / 1000);
        if (attempt === 1) budget.refund();
        options.logger?.debug({ action, requestId: raw.requestId, attempt }, 'upstream call');
        return { data: parsed.data, requestId: raw.requestId, attempts: attempt };
      } catch (thrown) {
        const error =
          thrown instanceof CloudError
            ? thrown
            : new CloudError({
                kind: 'network',
                code: 'UpstreamUnavailable',
                httpStatus: 502,
                action,
              });
        const schemaMismatch = error.kind === 'invalid-response' && error.httpStatus < 400;
        if (error.throttled) callBudget.throttled(error.retryAfterMs);
        options.observer?.call(action, outcomeOf(error), (performance.now() - started) / 1000);
        const canRetry = error.retryable && !schemaMismatch && attempt < policy.maxAttempts;
        if (!canRetry || callOptions.signal?.aborted) {
          options.logger?.info(
            { action, requestId: error.requestId, code: error.code, attempt },
            'upstream call failed',
          );
          throw error;
        }
        if (!budget.tryAcquire(error)) {
          options.observer?.retry(action, 'budget-exhausted');
          options.logger?.warn({ action, code: error.code }, 'retry budget exhausted');
          throw error;
        }
        const delay = backoffDelay(policy, attempt - 1, error, random);
        options.observer?.retry(action, outcomeOf(error));
        options.logger?.debug(
          { action, requestId: error.requestId, code: error.code, attempt, delayMs: delay },
          'retrying upstream call',
        );
        await sleep(delay, callOptions.signal);
      }
    }
  };

  return {
    call,
    budget,
    callBudget,
    close: () => {
      callBudget.close();
      options.transport.close();
    },
  };
};
