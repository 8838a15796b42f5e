// One write lane per gateway: writes to a gateway run one at a time, in order. Before each write
// the lane waits for the gateway to be `active`; busy answers (`VpnGateway.Configuring`, …) put
// the operation back to waiting; after an ambiguous failure the job reads back before answering.
import type { GatewayRef } from '@vpn-console/shared/api/events';
import { CloudError } from '../cloud/errors';
import { sleep } from '../cloud/retry';
import { HttpError, toApiError } from '../http/errors';
import type { OperationRegistry, OperationRecord } from './registry';

interface WriteOutcome {
  resourceId?: string | undefined;
  requestId?: string | undefined;
  /** Upstream calls this apply made (its retries included). */
  attempts: number;
}

export interface ReadBackResult {
  landed: boolean;
  resourceId?: string | undefined;
}

export interface WriteJob {
  /** Sends the write (the cloud client retries transient failures with the same ClientToken). */
  apply(): Promise<WriteOutcome>;
  /** After an ambiguous failure: did the write land anyway? */
  readBack?(): Promise<ReadBackResult>;
}

export interface GatewayStatusSource {
  /** Fresh gateway status (`active`, `updating`, …), or null when the gateway does not exist. */
  currentStatus(ref: GatewayRef): Promise<string | null>;
  /** A write just went out: poll this gateway fast for a while. */
  writeLanded(ref: GatewayRef): void;
}

export interface WriteLanesOptions {
  registry: OperationRegistry;
  gateways: GatewayStatusSource;
  /** Wait between status checks while the gateway is busy. */
  waitPollMs: number;
  /** Give up waiting for the gateway after this long. */
  busyTimeoutMs: number;
  /** After a write was accepted, wait for the gateway to settle before `succeeded`. */
  settleTimeoutMs: number;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

interface Task {
  record: OperationRecord;
  gateway: GatewayRef | undefined;
  job: WriteJob;
}

const bySeq = (a: Task, b: Task): number => {
  const x = a.record.seq;
  const y = b.record.seq;
  if (x === undefined || y === undefined) return 0;
  return x < y ? -1 : x > y ? 1 : 0;
};

export class WriteLanes {
  private readonly lanes = new Map<string, Task[]>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: WriteLanesOptions) {}

  /** Queues a write on the lane `laneKey` (a gateway, or a region's customer gateways). */
  submit(
    laneKey: string,
    gateway: GatewayRef | undefined,
    record: OperationRecord,
    job: WriteJob,
  ): void {
    if (this.closed) throw new HttpError(503, 'ShuttingDown', 'The console is shutting down.');
    const queue = this.lanes.get(laneKey);
    const task: Task = { record, gateway, job };
    if (queue) {
      queue.push(task);
      this.options.registry.update(record.operation.id, { queuePosition: queue.length - 1 });
      return;
    }
    this.lanes.set(laneKey, [task]);
    this.options.registry.update(record.operation.id, { queuePosition: 0 });
    const run = this.drain(laneKey).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Operations waiting or running per lane (for metrics). */
  get depth(): number {
    let n = 0;
    for (const q of this.lanes.values()) n += q.length;
    return n;
  }

  /** Stop taking writes; wait for running ones up to `deadlineMs`. */
  async close(deadlineMs: number): Promise<void> {
    this.closed = true;
    await Promise.race([Promise.allSettled([...this.running]), sleep(deadlineMs)]);
  }

  private async drain(laneKey: string): Promise<void> {
    for (;;) {
      const queue = this.lanes.get(laneKey);
      // Shutting down with the store: what has not started stays open there, and a replica
      // that lives on adopts it once this one's heartbeat has stopped.
      if (!queue || queue.length === 0 || (this.closed && this.options.registry.durable)) {
        this.lanes.delete(laneKey);
        return;
      }
      // Across replicas the store's order rules (an adopted operation may be older than ours).
      queue.sort(bySeq);
      const task = queue[0];
      if (!task) continue;
      if (!(await this.myTurn(queue, task))) {
        await sleep(this.options.waitPollMs);
        continue;
      }
      try {
        await this.run(task);
      } catch (error) {
        this.fail(task, error);
      }
      queue.splice(queue.indexOf(task), 1);
      // The next one's turn is judged on the store: let this one's end reach it first.
      await this.options.registry.saved(task.record.operation.id);
      if (queue.length === 0) {
        this.lanes.delete(laneKey);
        return;
      }
      queue.forEach((t, index) =>
        this.options.registry.update(t.record.operation.id, { queuePosition: index }),
      );
    }
  }

  /**
   * With the store: is no older operation of this lane open on any replica? While some are,
   * the queue positions count them.
   */
  private async myTurn(queue: readonly Task[], task: Task): Promise<boolean> {
    const durable = this.options.registry.durable;
    if (!durable || task.record.seq === undefined) return true;
    let ahead: number;
    try {
      ahead = await durable.ahead(task.record.operation.id);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'lane order not readable from the store');
      return false;
    }
    if (ahead === 0) return true;
    queue.forEach((t, index) =>
      this.options.registry.update(t.record.operation.id, { queuePosition: ahead + index }),
    );
    return false;
  }

  private fail(task: Task, error: unknown): void {
    if (!(error instanceof CloudError) && !(error instanceof HttpError)) {
      this.options.logger?.warn(
        { err: error, operationId: task.record.operation.id },
        'write failed unexpectedly',
      );
    }
    this.options.registry.update(task.record.operation.id, {
      state: 'failed',
      error: toApiError(error),
    });
  }

  /** Waits until the gateway is `active`; false if it does not exist. */
  private async waitForActive(task: Task, deadline: number, announce: boolean): Promise<void> {
    const { registry } = this.options;
    const gateway = task.gateway;
    if (!gateway) return;
    for (;;) {
      const status = await this.options.gateways.currentStatus(gateway);
      if (status === null) {
        throw new HttpError(
          404,
          'InvalidVpnGatewayInstanceId.NotFound',
          'The VPN gateway does not exist.',
        );
      }
      if (status === 'active') return;
      if (announce) registry.update(task.record.operation.id, { state: 'waiting-for-gateway' });
      if (Date.now() >= deadline) {
        throw new HttpError(409, 'GatewayBusyTimeout', 'The gateway stayed busy for too long.');
      }
      await sleep(this.options.waitPollMs);
    }
  }

  private async run(task: Task): Promise<void> {
    const { registry } = this.options;
    const id = task.record.operation.id;
    const deadline = Date.now() + this.options.busyTimeoutMs;
    let attempts = 0;
    for (;;) {
      await this.waitForActive(task, deadline, true);
      registry.update(id, { state: 'applying' });
      let outcome: WriteOutcome;
      try {
        outcome = await task.job.apply();
      } catch (error) {
        if (error instanceof CloudError) attempts += 1;
        if (error instanceof CloudError && error.busy && Date.now() < deadline) {
          // Someone else (another console, the cloud's own task) is changing the gateway.
          registry.update(id, { state: 'waiting-for-gateway', attempts });
          await sleep(this.options.waitPollMs);
          continue;
        }
        if (error instanceof CloudError && error.ambiguous && task.job.readBack) {
          const notFound: ReadBackResult = { landed: false };
          const found = await task.job.readBack().catch(() => notFound);
          if (found.landed) {
            registry.update(id, {
              attempts,
              ...(found.resourceId === undefined ? {} : { resourceId: found.resourceId }),
            });
            await this.settle(task);
            registry.update(id, { state: 'succeeded' });
            return;
          }
        }
        registry.update(id, { attempts });
        throw error;
      }
      attempts += outcome.attempts;
      registry.update(id, {
        attempts,
        ...(outcome.resourceId === undefined ? {} : { resourceId: outcome.resourceId }),
        ...(outcome.requestId === undefined ? {} : { requestId: outcome.requestId }),
      });
      await this.settle(task);
      registry.update(id, { state: 'succeeded' });
      return;
    }
  }

  /** The write was accepted: poll fast and wait for the gateway to come back to `active`. */
  private async settle(task: Task): Promise<void> {
    if (!task.gateway) return;
    this.options.gateways.writeLanded(task.gateway);
    const deadline = Date.now() + this.options.settleTimeoutMs;
    for (;;) {
      const status = await this.options.gateways.currentStatus(task.gateway).catch(() => 'unknown');
      if (status === 'active' || status === null || Date.now() >= deadline) return;
      await sleep(this.options.waitPollMs);
    }
  }
}
