// Operations in the store (issue 16): every replica sharing the store answers for every
// operation, runs the lanes in one order (the row's `seq`), and adopts the open operations of a
// replica whose heartbeat stopped (it resends the stored RPC with the same ClientToken, which
// makes a resend safe: the cloud answers the first result if the write had landed). The RPC is
// kept only while the operation is open, sealed with a store secret (it may carry a PSK).
import { rpcActions, type RpcAction, type RpcParams } from '@vpn-console/shared/rpc-types';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  operationSchema,
  type Operation,
  type OperationState,
} from '@vpn-console/shared/api/operations';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, OperationRow } from '../store/schema';
import { serverSecret } from '../store/server-secrets';

/** What another replica needs to send the write again. */
export interface DurableJob {
  action: RpcAction;
  params: RpcParams;
  /** The field of the cloud's answer that names the created resource (creates only). */
  resourceIdField?: string | undefined;
}

export interface StoredOperation {
  operation: Operation;
  seq: string;
  laneKey: string;
  originStreamId: string | undefined;
  idempotencyKey: string | undefined;
  fingerprint: string | undefined;
  owner: string | undefined;
  job: DurableJob | undefined;
}

export interface NewStoredOperation {
  operation: Operation;
  laneKey: string;
  originStreamId: string | undefined;
  idempotencyKey: string | undefined;
  fingerprint: string | undefined;
  job: DurableJob | undefined;
}

const FINAL_STATES: readonly OperationState[] = ['succeeded', 'failed'];

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });
const jobSchema = z.object({
  action: z.enum(rpcActions),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  resourceIdField: z.string().optional(),
});

export interface DurableOperationsOptions {
  db: Kysely<Database>;
  /** This replica (lease holder id). */
  holder: string;
  /** How long an owner's heartbeat keeps its operations (renewed every `heartbeatMs`). */
  ownerTtlMs: number;
  now?: () => Date;
}

export class DurableOperations {
  private key: Buffer | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: DurableOperationsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get holder(): string {
    return this.options.holder;
  }

  private async jobKey(): Promise<Buffer> {
    this.key ??= await serverSecret(this.options.db, 'operation-jobs');
    return this.key;
  }

  private async seal(job: DurableJob): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.jobKey(), iv);
    const data = Buffer.concat([cipher.update(JSON.stringify(job), 'utf8'), cipher.final()]);
    return JSON.stringify({
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    });
  }

  private async open(sealed: unknown): Promise<DurableJob | undefined> {
    const parsed = sealedSchema.safeParse(sealed);
    if (!parsed.success) return undefined;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        await this.jobKey(),
        Buffer.from(parsed.data.iv, 'base64'),
      );
      decipher.setAuthTag(Buffer.from(parsed.data.tag, 'base64'));
      const text = Buffer.concat([
        decipher.update(Buffer.from(parsed.data.data, 'base64')),
        decipher.final(),
      ]).toString('utf8');
      const job = jobSchema.safeParse(JSON.parse(text));
      return job.success ? job.data : undefined;
    } catch {
      return undefined;
    }
  }

  private async fromRow(row: OperationRow): Promise<StoredOperation | undefined> {
    const operation = operationSchema.safeParse(row.operation);
    if (!operation.success) return undefined;
    return {
      operation: operation.data,
      seq: String(row.seq),
      laneKey: row.lane_key,
      originStreamId: row.origin_stream_id ?? undefined,
      idempotencyKey: row.idempotency_key ?? undefined,
      fingerprint: row.fingerprint ?? undefined,
      owner: row.owner ?? undefined,
      job: row.job === null ? undefined : await this.open(row.job),
    };
  }

  /**
   * Stores a new operation owned by this replica. When another operation already holds the
   * Idempotency-Key (a resend that reached another replica at the same moment), nothing is
   * stored and that one is answered.
   */
  async insert(
    init: NewStoredOperation,
  ): Promise<{ inserted: true; seq: string } | { inserted: false; existing: StoredOperation }> {
    const at = this.now();
    const row = await this.options.db
      .insertInto('operations')
      .values({
        id: init.operation.id,
        lane_key: init.laneKey,
        state: init.operation.state,
        idempotency_key: init.idempotencyKey ?? null,
        fingerprint: init.fingerprint ?? null,
        origin_stream_id: init.originStreamId ?? null,
        operation: JSON.stringify(init.operation),
        job: init.job === undefined ? null : await this.seal(init.job),
        owner: this.options.holder,
        owner_expires_at: new Date(at.getTime() + this.options.ownerTtlMs),
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('seq')
      .executeTakeFirst();
    if (row !== undefined) return { inserted: true, seq: String(row.seq) };
    const existing =
      init.idempotencyKey === undefined
        ? undefined
        : await this.findByIdempotencyKey(init.idempotencyKey);
    if (existing === undefined) throw new Error('operation not stored');
    return { inserted: false, existing };
  }

  /** Saves the operation as it is now; a finished one drops its RPC and its owner. */
  async save(operation: Operation): Promise<void> {
    const final = FINAL_STATES.includes(operation.state);
    await this.options.db
      .updateTable('operations')
      .set({
        state: operation.state,
        operation: JSON.stringify(operation),
        updated_at: this.now(),
        ...(final ? { job: null, owner: null, owner_expires_at: null } : {}),
      })
      .where('id', '=', operation.id)
      .where('state', 'not in', FINAL_STATES)
      .execute();
  }

  async get(id: string): Promise<StoredOperation | undefined> {
    const row = await this.options.db
      .selectFrom('operations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : this.fromRow(row);
  }

  async findByIdempotencyKey(key: string): Promise<StoredOperation | undefined> {
    const row = await this.options.db
      .selectFrom('operations')
      .selectAll()
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row === undefined ? undefined : this.fromRow(row);
  }

  /** Open operations ahead of `id` on its lane, across every replica (0 = its turn). */
  async ahead(id: string): Promise<number> {
    const row = await sql<{ n: string | number }>`
      select count(*) as n from operations o, operations me
      where me.id = ${id} and o.lane_key = me.lane_key and o.seq < me.seq
        and o.state not in ('succeeded', 'failed')`.execute(this.options.db);
    return Number(row.rows[0]?.n ?? 0);
  }

  /** Renews this replica's hold on its open operations. */
  async heartbeat(): Promise<void> {
    await this.options.db
      .updateTable('operations')
      .set({ owner_expires_at: new Date(this.now().getTime() + this.options.ownerTtlMs) })
      .where('owner', '=', this.options.holder)
      .where('state', 'not in', FINAL_STATES)
      .execute();
  }

  /**
   * A clean shutdown: this replica's open operations become adoptable at once (another replica
   * finishes them, resending with their ClientToken) instead of after the heartbeat runs out.
   */
  async handBack(): Promise<void> {
    await this.options.db
      .updateTable('operations')
      .set({ owner_expires_at: new Date(0) })
      .where('owner', '=', this.options.holder)
      .where('state', 'not in', FINAL_STATES)
      .execute();
  }

  /**
   * Takes over open operations whose owner's heartbeat stopped (oldest first, at most `limit`):
   * each is this replica's to finish now.
   */
  async adoptOrphans(limit = 20): Promise<StoredOperation[]> {
    const now = this.now();
    const rows = await this.options.db
      .updateTable('operations')
      .set({
        owner: this.options.holder,
        owner_expires_at: new Date(now.getTime() + this.options.ownerTtlMs),
      })
      .where('id', 'in', (qb) =>
        qb
          .selectFrom('operations')
          .select('id')
          .where('state', 'not in', FINAL_STATES)
          .where((eb) => eb.or([eb('owner_expires_at', '<', now), eb('owner', 'is', null)]))
          .orderBy('seq')
          .limit(limit),
      )
      .where('state', 'not in', FINAL_STATES)
      .where((eb) => eb.or([eb('owner_expires_at', '<', now), eb('owner', 'is', null)]))
      .returningAll()
      .execute();
    const adopted: StoredOperation[] = [];
    for (const row of rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
      const stored = await this.fromRow(row);
      if (stored) adopted.push(stored);
    }
    return adopted;
  }

  /**
   * Completes the audit intent of a finished operation (whichever replica finished it): outcome,
   * the created resource, the Alibaba RequestId and the error code; the stored changes stay.
   */
  async completeAudit(operation: Operation): Promise<void> {
    if (!FINAL_STATES.includes(operation.state)) return;
    const errorCode = operation.error?.code ?? null;
    await this.options.db
      .updateTable('audit_log')
      .set({
        outcome: operation.state === 'succeeded' ? 'success' : 'failure',
        ...(operation.resourceId === undefined ? {} : { resource_id: operation.resourceId }),
        request_id: operation.requestId ?? operation.error?.requestId ?? null,
        detail: sql<string>`jsonb_set(detail, '{errorCode}', ${JSON.stringify(errorCode)}::jsonb)`,
      })
      .where('operation_id', '=', operation.id)
      .where('outcome', '=', 'pending')
      .execute();
  }
}
