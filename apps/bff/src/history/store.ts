// The history tables (migration 0006): record what a look at a region saw (changes only), the
// stored log lines, the health overview, prune old rows. A gateway's timeline is read in read.ts.
import type {
  HealthItem,
  HistoryChange,
  HistoryLane,
  HistorySubjectKind,
  StoredLogLine,
} from '@vpn-console/shared/history/schema';
import { historyLevel } from '@vpn-console/shared/history/schema';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, HistoryChangesTable } from '../store/schema';
import { observationKey, type Observation } from './observe';

type Db = Kysely<Database>;

/** The value recorded for a subject no longer in the cloud's listing. */
const GONE = 'gone';

/**
 * Records one complete look at a region at `at`: a change row for every subject and lane whose
 * value differs from the one in force (or is new), `gone` for those no longer listed (only when
 * `complete`: the whole region was read). Answers the changes recorded.
 */
export async function recordObservations(
  db: Db,
  regionId: string,
  observations: readonly Observation[],
  at: Date,
  complete: boolean,
): Promise<HistoryChange[]> {
  return db.transaction().execute(async (trx) => {
    const current = new Map(
      (
        await trx
          .selectFrom('history_current')
          .selectAll()
          .where('region_id', '=', regionId)
          .execute()
      ).map((row) => [row.key, row]),
    );
    const changes: Array<Insertable<HistoryChangesTable>> = [];
    const seen = new Set<string>();
    const changedKeys = new Set<string>();
    for (const o of observations) {
      const key = observationKey(o);
      seen.add(key);
      const row = current.get(key);
      const changed = row === undefined || row.value !== o.value;
      if (changed) {
        changedKeys.add(key);
        changes.push({
          region_id: regionId,
          gateway_id: o.gatewayId,
          kind: o.kind,
          subject_id: o.subjectId,
          connection_id: o.connectionId,
          lane: o.lane,
          value: o.value,
          at,
        });
      }
      if (changed || row.name !== o.name || row.gateway_name !== o.gatewayName) {
        await trx
          .insertInto('history_current')
          .values({
            key,
            region_id: regionId,
            gateway_id: o.gatewayId,
            gateway_name: o.gatewayName,
            kind: o.kind,
            subject_id: o.subjectId,
            connection_id: o.connectionId,
            name: o.name,
            tunnel_index: o.tunnelIndex,
            lane: o.lane,
            value: o.value,
            since: changed ? at : row.since,
            seen_at: at,
          })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet((eb) => ({
              gateway_name: eb.ref('excluded.gateway_name'),
              name: eb.ref('excluded.name'),
              tunnel_index: eb.ref('excluded.tunnel_index'),
              value: eb.ref('excluded.value'),
              since: eb.ref('excluded.since'),
              seen_at: eb.ref('excluded.seen_at'),
            })),
          )
          .execute();
      }
    }
    if (complete) {
      for (const row of current.values()) {
        if (seen.has(row.key) || row.value === GONE) continue;
        changes.push({
          region_id: regionId,
          gateway_id: row.gateway_id,
          kind: row.kind,
          subject_id: row.subject_id,
          connection_id: row.connection_id,
          lane: row.lane,
          value: GONE,
          at,
        });
        await trx
          .updateTable('history_current')
          .set({ value: GONE, since: at })
          .where('key', '=', row.key)
          .execute();
      }
    }
    // The seen time of unchanged rows moves in one statement.
    const unchanged = [...seen].filter((key) => !changedKeys.has(key));
    if (unchanged.length > 0) {
      await trx
        .updateTable('history_current')
        .set({ seen_at: at })
        .where('key', 'in', unchanged)
        .execute();
    }
    if (changes.length > 0) await trx.insertInto('history_changes').values(changes).execute();
    return changes.map(toChange);
  });
}

export const toChange = (
  c: Insertable<HistoryChangesTable> | Selectable<HistoryChangesTable>,
): HistoryChange => ({
  regionId: c.region_id,
  vpnGatewayId: c.gateway_id,
  kind: c.kind as HistorySubjectKind,
  subjectId: c.subject_id,
  vpnConnectionId: c.connection_id ?? null,
  lane: c.lane as HistoryLane,
  value: c.value,
  at: c.at.toISOString(),
});

/** Everything not fully up now, longest first. */
export async function readHealthOverview(
  db: Db,
  filter: { q?: string; regionId?: string; lane?: HistoryLane },
): Promise<{ items: HealthItem[]; observedAt: string | null }> {
  let query = db.selectFrom('history_current').selectAll().where('value', '!=', GONE);
  if (filter.regionId !== undefined) query = query.where('region_id', '=', filter.regionId);
  if (filter.lane !== undefined) query = query.where('lane', '=', filter.lane);
  const rows = await query.orderBy('since').orderBy('key').execute();
  const q = filter.q?.trim().toLowerCase() ?? '';
  const items = rows
    .filter((row) => {
      const level = historyLevel(row.lane as HistoryLane, row.value);
      return level === 'down' || level === 'partial';
    })
    .filter(
      (row) =>
        q === '' ||
        [
          row.subject_id,
          row.name,
          row.gateway_id,
          row.gateway_name,
          row.connection_id ?? '',
          row.region_id,
        ].some((text) => text.toLowerCase().includes(q)),
    )
    .map((row): HealthItem => ({
      regionId: row.region_id,
      vpnGatewayId: row.gateway_id,
      gatewayName: row.gateway_name,
      kind: row.kind as HistorySubjectKind,
      subjectId: row.subject_id,
      vpnConnectionId: row.connection_id,
      name: row.name,
      lane: row.lane as HistoryLane,
      value: row.value,
      since: row.since.toISOString(),
    }));
  const latest = await db
    .selectFrom('history_current')
    .select((eb) => eb.fn.max('seen_at').as('seen'))
    .executeTakeFirst();
  const seen = latest?.seen as Date | string | null | undefined;
  return {
    items,
    observedAt: seen === null || seen === undefined ? null : new Date(seen).toISOString(),
  };
}

/**
 * Stores log lines (a line already stored is skipped: no duplicates across windows); answers how
 * many were new.
 */
export async function storeLogLines(
  db: Db,
  lines: ReadonlyArray<{
    regionId: string;
    connectionId: string;
    tunnelId: string;
    at: Date;
    line: string;
  }>,
): Promise<number> {
  if (lines.length === 0) return 0;
  const result = await db
    .insertInto('history_logs')
    .values(
      lines.map((l) => ({
        region_id: l.regionId,
        connection_id: l.connectionId,
        tunnel_id: l.tunnelId,
        at: l.at,
        line: l.line,
      })),
    )
    .onConflict((oc) => oc.columns(['connection_id', 'tunnel_id', 'line']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function readLogLines(
  db: Db,
  regionId: string,
  connectionId: string,
  filter: { from: Date; to: Date; tunnelId?: string; limit: number },
): Promise<{ items: StoredLogLine[]; truncated: boolean }> {
  let query = db
    .selectFrom('history_logs')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('connection_id', '=', connectionId)
    .where('at', '>=', filter.from)
    .where('at', '<', filter.to);
  if (filter.tunnelId !== undefined) query = query.where('tunnel_id', '=', filter.tunnelId);
  // The newest `limit` lines, shown oldest first.
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const truncated = rows.length > filter.limit;
  return {
    items: rows
      .slice(0, filter.limit)
      .reverse()
      .map((r) => ({
        vpnConnectionId: r.connection_id,
        tunnelId: r.tunnel_id === '' ? null : r.tunnel_id,
        at: r.at.toISOString(),
        line: r.line,
      })),
    truncated,
  };
}

export async function logCursor(db: Db, key: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('history_log_cursors')
    .select('fetched_to')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.fetched_to;
}

export async function setLogCursor(
  db: Db,
  key: string,
  fetchedTo: Date | undefined,
): Promise<void> {
  if (fetchedTo === undefined) {
    await db.deleteFrom('history_log_cursors').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('history_log_cursors')
    .values({ key, fetched_to: fetchedTo })
    .onConflict((oc) => oc.column('key').doUpdateSet({ fetched_to: fetchedTo }))
    .execute();
}

/** Drops changes and log lines older than `before`, and subjects gone since before it. */
export async function pruneHistory(
  db: Db,
  before: Date,
): Promise<{ changes: number; logs: number }> {
  const changes = await db
    .deleteFrom('history_changes')
    .where('at', '<', before)
    .executeTakeFirst();
  const logs = await db.deleteFrom('history_logs').where('at', '<', before).executeTakeFirst();
  await db
    .deleteFrom('history_current')
    .where('value', '=', GONE)
    .where('since', '<', before)
    .execute();
  return { changes: Number(changes.numDeletedRows), logs: Number(logs.numDeletedRows) };
}

/** The negotiation rows (with their since), for the recorder's log following. */
export async function negotiationRows(db: Db, regionId: string) {
  return db
    .selectFrom('history_current')
    .select(['kind', 'subject_id', 'connection_id', 'value', 'since'])
    .where('region_id', '=', regionId)
    .where('lane', '=', 'negotiation')
    .where('value', '!=', GONE)
    .execute();
}
