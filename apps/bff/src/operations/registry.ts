// Operations kept in memory per process: what each write is doing, looked up by id or by the
// Idempotency-Key it was submitted with.
import { randomUUID } from 'node:crypto';
import type { ApiError } from '@vpn-console/shared/api/errors';
import type {
  Operation,
  OperationAction,
  OperationState,
  ResourceKind,
} from '@vpn-console/shared/api/operations';

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
}

type Listener = (operation: Operation, record: OperationRecord) => void;

export const newOperationId = (): string => `op-${randomUUID()}`;

const FINAL: ReadonlySet<OperationState> = new Set(['succeeded', 'failed']);

export const isFinal = (state: OperationState): boolean => FINAL.has(state);

export class OperationRegistry {
  private readonly records = new Map<string, OperationRecord>();
  private readonly byKey = new Map<string, string>();
  private readonly settlers = new Map<string, (op: Operation) => void>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly maxKept = 10_000,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
