// The audit log: who did what, when, to which resource, with which outcome and Alibaba
// RequestId. Secrets never enter it: write diffs carry secret fields as changed/unchanged only.
import { sql, type Kysely } from 'kysely';
import {
  auditCategorySchema,
  auditChangeSchema,
  auditOutcomeSchema,
  type AuditCategory,
  type AuditChange,
  type AuditEntry,
  type AuditOutcome,
  type AuditPage,
  type AuditQuery,
} from '@vpn-console/shared/api/audit';
import { roleSchema, type Role } from '@vpn-console/shared/api/session';
import { z } from 'zod';
import type { AuditRow, Database } from '../../store/schema';

/** Field names treated as secrets wherever they appear in a diff. */
const SECRET_KEY = /psk|secret|password|authkey|accesskey|token/i;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between two views of a resource (nested objects by dotted path;
 * arrays compared whole). A field under a secret-looking key is reported only as
 * `{ secret: true, changed }`, never with a value. With `onlyAfterKeys` (a partial change), only
 * the fields named in `after` count.
 */
export function auditDiff(
  before: unknown,
  after: unknown,
  options: { readonly onlyAfterKeys?: boolean } = {},
  prefix = '',
): AuditChange[] {
  const changes: AuditChange[] = [];
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const keys = [
    ...new Set(
      options.onlyAfterKeys === true ? Object.keys(a) : [...Object.keys(b), ...Object.keys(a)],
    ),
  ].sort();
  for (const key of keys) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const bv = b[key];
    const av = a[key];
    if (isSecretKey(key)) {
      const changed = !sameValue(bv, av);
      if (changed || (bv !== undefined && av !== undefined)) {
        changes.push({ path, secret: true, changed });
      }
      continue;
    }
    if (isPlainObject(bv) || isPlainObject(av)) {
      changes.push(...auditDiff(bv, av, options, path));
      continue;
    }
    if (!sameValue(bv, av))
      changes.push({ path, secret: false, before: bv ?? null, after: av ?? null });
  }
  return changes;
}

interface AuditActor {
  readonly id: string | null;
  readonly username: string;
  readonly role: Role | null;
}

export interface AuditRecord {
  readonly category: AuditCategory;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly actor: AuditActor | null;
  readonly regionId?: string | undefined;
  readonly vpnGatewayId?: string | undefined;
  readonly resourceType?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly requestId?: string | undefined;
  readonly errorCode?: string | undefined;
  readonly clientIp?: string | undefined;
  /** The resource's name when known (the audit shows it instead of the bare id). */
  readonly resourceName?: string | undefined;
  /** Already computed with `auditDiff` (so no secret value ever reaches this module). */
  readonly changes?: readonly AuditChange[];
}

const detailSchema = z.object({
  errorCode: z.string().nullable().default(null),
  resourceName: z.string().nullable().default(null),
  changes: z.array(auditChangeSchema).default([]),
});

function toEntry(row: AuditRow, forViewer: boolean): AuditEntry {
  const detail = detailSchema.parse(row.detail);
  const role = roleSchema.nullable().safeParse(row.actor_role);
  return {
    id: row.id,
    at: row.at.toISOString(),
    category: auditCategorySchema.parse(row.category),
    action: row.action,
    outcome: auditOutcomeSchema.parse(row.outcome),
    actor:
      row.actor_name === null
        ? null
        : {
            id: row.actor_id,
            username: row.actor_name,
            role: role.success ? role.data : null,
          },
    regionId: row.region_id,
    vpnGatewayId: row.gateway_id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    resourceName: detail.resourceName,
    requestId: row.request_id,
    errorCode: detail.errorCode,
    changes: forViewer ? detail.changes.filter((c) => !c.secret) : detail.changes,
  };
}

export class AuditLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async record(r: AuditRecord): Promise<void> {
    await this.insert(r, null);
  }

  /**
   * Stores the intent of a write (outcome `pending`) before anything is sent to the cloud;
   * returns the entry's id for {@link complete}. Throws when the store cannot take it.
   */
  async recordIntent(r: Omit<AuditRecord, 'outcome'>, operationId: string): Promise<number> {
    return this.insert({ ...r, outcome: 'pending' }, operationId);
  }

  /**
   * Completes an intent with the outcome of its operation (any process may do it: the entry is
   * found by id, and only while it is still `pending`). False when no pending intent matched.
   */
  async complete(
    id: number,
    outcome: { outcome: 'success' | 'failure' } & Pick<
      AuditRecord,
      'resourceId' | 'requestId' | 'errorCode' | 'changes'
    >,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('audit_log')
      .set({
        outcome: outcome.outcome,
        ...(outcome.resourceId === undefined ? {} : { resource_id: outcome.resourceId }),
        request_id: outcome.requestId ?? null,
        // Merged into the intent's detail, so what only the intent knew (the name) stays.
        detail: sql<string>`detail || ${JSON.stringify({
          errorCode: outcome.errorCode ?? null,
          changes: outcome.changes ?? [],
        })}::jsonb`,
      })
      .where('id', '=', id)
      .where('outcome', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Removes an intent that never became a write: its request was answered with another
   * operation (a resend of the same Idempotency-Key that reached another replica at the same
   * moment and was stored first). Only a `pending` intent goes; false when none matched.
   */
  async withdraw(id: number): Promise<boolean> {
    const result = await this.db
      .deleteFrom('audit_log')
      .where('id', '=', id)
      .where('outcome', '=', 'pending')
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private async insert(r: AuditRecord, operationId: string | null): Promise<number> {
    const row = await this.db
      .insertInto('audit_log')
      .values({
        at: this.now(),
        category: r.category,
        action: r.action,
        outcome: r.outcome,
        actor_id: r.actor?.id ?? null,
        actor_name: r.actor?.username ?? null,
        actor_role: r.actor?.role ?? null,
        region_id: r.regionId ?? null,
        gateway_id: r.vpnGatewayId ?? null,
        resource_type: r.resourceType ?? null,
        resource_id: r.resourceId ?? null,
        request_id: r.requestId ?? null,
        client_ip: r.clientIp ?? null,
        operation_id: operationId,
        detail: JSON.stringify({
          errorCode: r.errorCode ?? null,
          resourceName: r.resourceName ?? null,
          changes: r.changes ?? [],
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * One page, newest first. Viewers see only configuration changes, without secret fields
   * (not even as changed/unchanged).
   */
  async query(q: AuditQuery, role: Role): Promise<AuditPage> {
    const forViewer = role === 'viewer';
    let query = this.db.selectFrom('audit_log').selectAll();
    if (forViewer) query = query.where('category', '=', 'config');
    if (q.category !== undefined) query = query.where('category', '=', q.category);
    if (q.vpnGatewayId !== undefined) query = query.where('gateway_id', '=', q.vpnGatewayId);
    if (q.username !== undefined) query = query.where('actor_name', '=', q.username);
    if (q.from !== undefined) query = query.where('at', '>=', new Date(q.from));
    if (q.to !== undefined) query = query.where('at', '<', new Date(q.to));
    if (q.cursor !== undefined) query = query.where('id', '<', q.cursor);
    const rows = await query
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => toEntry(row, forViewer)),
      nextCursor: rows.length > q.limit && last !== undefined ? last.id : null,
    };
  }
}
