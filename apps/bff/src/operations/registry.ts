// Operations: what each write is doing, looked up by id or by the Idempotency-Key it was
// submitted with. Kept in memory for this process's writes, and (issue 16) in the store when
// there is one, so every replica answers for every operation and adopts a dead one's.
import { randomUUID } from 'node:crypto';
import type { ApiError } from '@vpn-console/shared/api/errors';
import type {
  Operation,
  OperationAction,
  OperationState,
  ResourceKind,
} from '@vpn-console/shared/api/operations';
import type { DurableJob, DurableOperations, StoredOperation } from './durable';

export interface OperationInit {
  /** The id to use (the write's audit intent is stored under it first); a new one otherwise. */
  id?: string | undefined;
  action: OperationAction;
  resourceKind: ResourceKind;
  regionId: string;
  vpnGatewayId?: string | undefined;
  resourceId?: string | undefined;
  /** The SSE stream (tab) the write came from: its events go there too. */
  originStreamId?: string | undefined;
  idempotencyKey?: string | undefined;
  /** Digest of the request, to tell a resend from a different request under the same key. */
  fingerprint?: string | undefined;
}

export interface OperationPatch {
  state?: OperationState;
  resourceId?: string;
  error?: ApiError;
  requestId?: string;
  attempts?: number;
  queuePosition?: number | undefined;
}

export interface OperationRecord {
  operation: Operation;
  originStreamId: string | undefined;
  idempotencyKey: string | undefined;
  fingerprint: string | undefined;
  /** Resolves once the operation is succeeded or failed. */
  settled: Promise<Operation>;
  /** Its order across replicas (the store's `seq`), once stored. */
  seq?: bigint | undefined;
}

/** Where an operation was found: here, or only in the store (another replica runs it). */
export interface FoundOperation {
  operation: Operation;
  fingerprint: string | undefined;
}

type Listener = (operation: Operation, record: OperationRecord) => void;

export const newOperationId = (): string => `op-${randomUUID()}`;
/** Whether a path segment can name an operation at all (anything else is not found, unread). */
export const isOperationId = (id: string): boolean => /^op-[A-Za-z0-9-]{1,100}$/.test(id);

const FINAL: ReadonlySet<OperationState> = new Set(['succeeded', 'failed']);

const isFinal = (state: OperationState): boolean => FINAL.has(state);

export class OperationRegistry {
  private readonly records = new Map<string, OperationRecord>();
  private readonly byKey = new Map<string, string>();
  private readonly settlers = new Map<string, (op: Operation) => void>();
  private readonly listeners = new Set<Listener>();
  /** The last store write per operation (saves of one operation stay in order). */
  private readonly saving = new Map<string, Promise<void>>();

  constructor(
    private readonly maxKept = 10_000,
    private readonly now: () => Date = () => new Date(),
    /** The store's operations (several replicas); undefined: this process only. */
    readonly durable?: DurableOperations,
    private readonly onStoreError: (error: unknown, operationId: string) => void = () => undefined,
  ) {}

  /**
   * Stores a just-created operation with the lane it runs on and what a replica needs to send
   * it again. Answers the operation that already holds the Idempotency-Key when another replica
   * stored one a moment ago (this one is then forgotten). Throws when the store is unreachable.
   */
  async persist(
    record: OperationRecord,
    laneKey: string,
    job: DurableJob | undefined,
  ): Promise<FoundOperation | undefined> {
    if (!this.durable) return undefined;
    const result = await this.durable.insert({
      operation: record.operation,
      laneKey,
      originStreamId: record.originStreamId,
      idempotencyKey: record.idempotencyKey,
      fingerprint: record.fingerprint,
      job,
    });
    if (result.inserted) {
      record.seq = BigInt(result.seq);
      return undefined;
    }
    this.forget(record.operation.id);
    return { operation: result.existing.operation, fingerprint: result.existing.fingerprint };
  }

  /** Takes over an operation a dead replica left open: this process runs it from now on. */
  adopt(stored: StoredOperation): OperationRecord {
    const existing = this.records.get(stored.operation.id);
    if (existing) return existing;
    let settle: (op: Operation) => void = () => undefined;
    const settled = new Promise<Operation>((resolve) => {
      settle = resolve;
    });
    const record: OperationRecord = {
      operation: stored.operation,
      originStreamId: stored.originStreamId,
      idempotencyKey: stored.idempotencyKey,
      fingerprint: stored.fingerprint,
      settled,
      seq: BigInt(stored.seq),
    };
    this.records.set(stored.operation.id, record);
    this.settlers.set(stored.operation.id, settle);
    if (stored.idempotencyKey !== undefined)
      this.byKey.set(stored.idempotencyKey, stored.operation.id);
    this.emit(record);
    return record;
  }

  /** Drops an operation that was never queued (its twin in the store is answered instead). */
  forget(id: string): void {
    const record = this.records.get(id);
    if (!record) return;
    this.records.delete(id);
    this.settlers.delete(id);
    if (record.idempotencyKey !== undefined) this.byKey.delete(record.idempotencyKey);
  }

  /** The operation, from this process or else from the store. */
  async lookup(id: string): Promise<FoundOperation | undefined> {
    const local = this.records.get(id);
    if (local) return { operation: local.operation, fingerprint: local.fingerprint };
    const stored = await this.durable?.get(id);
    return stored && { operation: stored.operation, fingerprint: stored.fingerprint };
  }

  /** The operation submitted with `key`, from this process or else from the store. */
  async lookupByIdempotencyKey(key: string): Promise<FoundOperation | undefined> {
    const local = this.findByIdempotencyKey(key);
    if (local) return { operation: local.operation, fingerprint: local.fingerprint };
    const stored = await this.durable?.findByIdempotencyKey(key);
    return stored && { operation: stored.operation, fingerprint: stored.fingerprint };
  }

  /** Resolves once every store write of `id` so far is done. */
  async saved(id: string): Promise<void> {
    await this.saving.get(id);
  }

  private save(operation: Operation): void {
    const durable = this.durable;
    if (!durable) return;
    const id = operation.id;
    const previous = this.saving.get(id) ?? Promise.resolve();
    const next = previous
      .then(async () => {
        await durable.save(operation);
        if (isFinal(operation.state)) await durable.completeAudit(operation);
      })
      .catch((error: unknown) => {
        this.onStoreError(error, id);
      })
      .finally(() => {
        if (this.saving.get(id) === next) this.saving.delete(id);
      });
    this.saving.set(id, next);
  }

  create(init: OperationInit): OperationRecord {
    const at = this.now().toISOString();
    const operation: Operation = {
      id: init.id ?? newOperationId(),
      state: 'queued',
      action: init.action,
      resourceKind: init.resourceKind,
      regionId: init.regionId,
      ...(init.vpnGatewayId === undefined ? {} : { vpnGatewayId: init.vpnGatewayId }),
      ...(init.resourceId === undefined ? {} : { resourceId: init.resourceId }),
      attempts: 0,
      createdAt: at,
      updatedAt: at,
    };
    let settle: (op: Operation) => void = () => undefined;
    const settled = new Promise<Operation>((resolve) => {
      settle = resolve;
    });
    const record: OperationRecord = {
      operation,
      originStreamId: init.originStreamId,
      idempotencyKey: init.idempotencyKey,
      fingerprint: init.fingerprint,
      settled,
    };
    this.records.set(operation.id, record);
    this.settlers.set(operation.id, settle);
    if (init.idempotencyKey !== undefined) this.byKey.set(init.idempotencyKey, operation.id);
    this.evict();
    this.emit(record);
    return record;
  }

  get(id: string): OperationRecord | undefined {
    return this.records.get(id);
  }

  findByIdempotencyKey(key: string): OperationRecord | undefined {
    const id = this.byKey.get(key);
    return id === undefined ? undefined : this.records.get(id);
  }

  update(id: string, patch: OperationPatch): Operation | undefined {
    const record = this.records.get(id);
    if (!record) return undefined;
    const current = record.operation;
    if (isFinal(current.state)) return current;
    const next: Operation = { ...current, updatedAt: this.now().toISOString() };
    if (patch.state !== undefined) next.state = patch.state;
    if (patch.resourceId !== undefined) next.resourceId = patch.resourceId;
    if (patch.error !== undefined) next.error = patch.error;
    if (patch.requestId !== undefined) next.requestId = patch.requestId;
    if (patch.attempts !== undefined) next.attempts = patch.attempts;
    if ('queuePosition' in patch) {
      if (patch.queuePosition === undefined) delete next.queuePosition;
      else next.queuePosition = patch.queuePosition;
    }
    if (next.state !== 'queued') delete next.queuePosition;
    const unchanged =
      JSON.stringify(next, replacerWithoutTime) === JSON.stringify(current, replacerWithoutTime);
    if (unchanged) return current;
    record.operation = next;
    this.save(next);
    this.emit(record);
    if (isFinal(next.state)) {
      this.settlers.get(id)?.(next);
      this.settlers.delete(id);
    }
    return next;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.records.size;
  }

  private emit(record: OperationRecord): void {
    for (const listener of this.listeners) listener(record.operation, record);
  }

  /** Forget the oldest finished operations beyond `maxKept`. */
  private evict(): void {
    if (this.records.size <= this.maxKept) return;
    for (const [id, record] of this.records) {
      if (this.records.size <= this.maxKept) break;
      if (!isFinal(record.operation.state)) continue;
      this.records.delete(id);
      if (record.idempotencyKey !== undefined) this.byKey.delete(record.idempotencyKey);
    }
  }
}

const replacerWithoutTime = (key: string, value: unknown): unknown =>
  key === 'updatedAt' ? undefined : value;
