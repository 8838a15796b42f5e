// Reading a gateway's timeline (issue 15) reduced to what a chart draws: a month of a connection
// flapping every minute is 43,200 rows, so the store sums them per lane and per bucket in SQL
// and sends only the sums; the exact change points come only for lanes with few changes. Uptime
// and "down since" are exact (from every row). The CSV export pages through every row.
import type {
  HistoryBucketLane,
  HistoryChange,
  HistoryLane,
  HistoryLaneSummary,
  HistoryLevel,
  HistorySubject,
  HistorySubjectKind,
  LevelDurations,
} from '@vpn-console/shared/history/schema';
import { historyLevel } from '@vpn-console/shared/history/schema';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, HistoryCurrentTable } from '../store/schema';
import { toChange } from './store';

type Db = Kysely<Database>;

/** At most this many buckets per lane (a 30-day window: 1 h each, a 7-day one: 15 min). */
const MAX_BUCKETS = 720;
/** A lane with more changes than this inside the window comes as buckets. */
const EXACT_CHANGES_LIMIT = 200;
/** Bucket widths in minutes, the narrowest that keeps a window within MAX_BUCKETS wins. */
const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];
const MINUTE = 60_000;

export function bucketWidthMs(from: number, to: number): number {
  const span = to - from;
  for (const minutes of BUCKET_MINUTES) {
    if (span / (minutes * MINUTE) <= MAX_BUCKETS) return minutes * MINUTE;
  }
  return Math.ceil(span / MAX_BUCKETS / (1440 * MINUTE)) * 1440 * MINUTE;
}

const laneKey = (kind: string, subjectId: string, lane: string) => `${kind}|${subjectId}|${lane}`;

/** The current row's value as a change at its `since`. */
const currentAsChange = (row: Selectable<HistoryCurrentTable>): HistoryChange =>
  toChange({ ...row, at: row.since });

export interface GatewayHistory {
  subjects: HistorySubject[];
  summaries: HistoryLaneSummary[];
  baseline: HistoryChange[];
  changes: HistoryChange[];
  bucketMs: number;
  reduced: HistoryBucketLane[];
  observedAt: string | null;
}

interface Scope {
  regionId: string;
  gatewayId: string;
  /** Narrows to one connection (and its tunnels). */
  connectionId?: string | undefined;
}

/** A gateway's (or one connection's) history in [from, to). */
interface HistoryQuery extends Scope {
  from: Date;
  to: Date;
}

/** The rows of the gateway (or of one of its connections), in either history table. */
const inScope = (scope: Scope) =>
  sql<boolean>`region_id = ${scope.regionId} and gateway_id = ${scope.gatewayId} ${
    scope.connectionId === undefined ? sql`` : sql`and connection_id = ${scope.connectionId}`
  }`;

const changesOf = (db: Db, scope: Scope) => db.selectFrom('history_changes').where(inScope(scope));

const currentOf = (db: Db, scope: Scope) => db.selectFrom('history_current').where(inScope(scope));

/**
 * The value in force at `from` per subject and lane: the last change before it, or, when that
 * row was pruned, the value the current row has held since before `from`.
 */
async function baselineAt(
  db: Db,
  scope: Scope,
  current: ReadonlyArray<Selectable<HistoryCurrentTable>>,
  from: Date,
  changedInside: ReadonlySet<string>,
): Promise<Map<string, HistoryChange>> {
  const before = await changesOf(db, scope)
    .selectAll()
    .where('at', '<', from)
    .distinctOn(['kind', 'subject_id', 'lane'])
    .orderBy('kind')
    .orderBy('subject_id')
    .orderBy('lane')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const baseline = new Map(before.map((c) => [laneKey(c.kind, c.subject_id, c.lane), toChange(c)]));
  for (const row of current) {
    const key = laneKey(row.kind, row.subject_id, row.lane);
    if (!baseline.has(key) && row.since < from && !changedInside.has(key)) {
      baseline.set(key, currentAsChange(row));
    }
  }
  return baseline;
}

interface BucketSum {
  kind: string;
  subject_id: string;
  lane: string;
  value: string;
  bucket: number;
  ms: number;
  changes: number;
  first_at: number;
  holds_last: boolean;
}

/**
 * Per subject, lane, value and bucket: the milliseconds each value held inside the bucket and the
 * changes that began there, from every change inside [from, to) (each lasts until the lane's next
 * change or `to`). One pass of PostgreSQL over the rows; only the sums leave the store.
 */
async function bucketSums(db: Db, scope: Scope, from: Date, to: Date, width: number) {
  const f = from.getTime();
  const t = to.getTime();
  const result = await sql<BucketSum>`
    with spans as (
      select kind, subject_id, lane, value,
        date_part('epoch', at) * 1000 as s,
        coalesce(date_part('epoch', lead(at) over w) * 1000, ${t}::float8) as e,
        lead(at) over w is null as last
      from history_changes
      where ${inScope(scope)} and at >= ${from} and at < ${to}
      window w as (partition by kind, subject_id, lane order by at, id)
    ), cut as (
      select *, floor((s - ${f}::float8) / ${width}::float8)::int as b0,
        greatest(ceil((e - ${f}::float8) / ${width}::float8)::int - 1,
          floor((s - ${f}::float8) / ${width}::float8)::int) as b1
      from spans
    ), pieces as (
      -- Most spans lie inside one bucket; only the others are cut into one piece per bucket.
      select kind, subject_id, lane, value, s, e, last, b0 as b from cut where b0 = b1
      union all
      select kind, subject_id, lane, value, s, e, last, b
      from cut, generate_series(b0, b1) as b where b0 < b1
    )
    select kind, subject_id, lane, value, b as bucket,
      sum(least(e, ${f}::float8 + (b + 1) * ${width}::float8)
        - greatest(s, ${f}::float8 + b * ${width}::float8)) as ms,
      (count(*) filter (where s >= ${f}::float8 + b * ${width}::float8))::int as changes,
      min(s) as first_at,
      bool_or(last) as holds_last
    from pieces
    group by kind, subject_id, lane, value, b
  `.execute(db);
  return result.rows;
}

const BAD: ReadonlySet<HistoryLevel> = new Set(['down', 'partial']);
const WALK_PAGE = 500;

/**
 * Since when a lane that is down or phase 1 only at `to` has been so without a break: walking
 * its changes back from `to` to the last one that was not (page by page; exact however long).
 */
async function badSince(
  db: Db,
  scope: Scope,
  kind: string,
  subjectId: string,
  lane: HistoryLane,
  to: Date,
  fallback: Date | undefined,
): Promise<Date | undefined> {
  let since: Date | undefined;
  let cursor: { at: Date; id: string } | undefined;
  for (;;) {
    let query = changesOf(db, scope)
      .select(['id', 'value', 'at'])
      .where('kind', '=', kind)
      .where('subject_id', '=', subjectId)
      .where('lane', '=', lane)
      .where('at', '<', to);
    if (cursor !== undefined) {
      const { at, id } = cursor;
      query = query.where(sql<boolean>`(at, id) < (${at}, ${id}::bigint)`);
    }
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(WALK_PAGE).execute();
    for (const row of rows) {
      if (!BAD.has(historyLevel(lane, row.value))) return since;
      since = row.at;
    }
    const last = rows[rows.length - 1];
    if (rows.length < WALK_PAGE || last === undefined) break;
    cursor = { at: last.at, id: last.id };
  }
  // Every stored change was bad: the oldest kept, or (all pruned) what the current row says.
  return since ?? fallback;
}

const addMs = (levels: LevelDurations, level: HistoryLevel, ms: number) => {
  if (ms <= 0) return;
  levels[level] = (levels[level] ?? 0) + Math.round(ms);
};

/** A gateway's (or one of its connections') timeline in [from, to), reduced as described above. */
export async function readGatewayHistory(
  db: Db,
  query: HistoryQuery,
): Promise<GatewayHistory | undefined> {
  const { from, to, ...scope } = query;
  const current = await currentOf(db, scope).selectAll().execute();
  if (current.length === 0) return undefined;

  const width = bucketWidthMs(from.getTime(), to.getTime());
  const bucketCount = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / width));
  const sums = await bucketSums(db, scope, from, to, width);

  interface LaneState {
    kind: HistorySubjectKind;
    subjectId: string;
    lane: HistoryLane;
    changeCount: number;
    firstAt: number | undefined;
    last: string | undefined;
    levels: LevelDurations;
    buckets: Array<{ levels: LevelDurations; changes: number }> | undefined;
  }
  const lanes = new Map<string, LaneState>();
  const stateOf = (kind: string, subjectId: string, lane: string) => {
    const key = laneKey(kind, subjectId, lane);
    let state = lanes.get(key);
    if (state === undefined) {
      state = {
        kind: kind as HistorySubjectKind,
        subjectId,
        lane: lane as HistoryLane,
        changeCount: 0,
        firstAt: undefined,
        last: undefined,
        levels: {},
        buckets: undefined,
      };
      lanes.set(key, state);
    }
    return state;
  };
  for (const sum of sums) {
    const state = stateOf(sum.kind, sum.subject_id, sum.lane);
    state.changeCount += sum.changes;
    state.firstAt = Math.min(state.firstAt ?? Infinity, sum.first_at);
    if (sum.holds_last) state.last = sum.value;
  }
  const baseline = await baselineAt(db, scope, current, from, new Set(lanes.keys()));
  for (const b of baseline.values()) stateOf(b.kind, b.subjectId, b.lane);

  // Lanes with many changes get buckets; the sums fill them and the lanes' totals.
  for (const state of lanes.values()) {
    if (state.changeCount > EXACT_CHANGES_LIMIT) {
      state.buckets = Array.from({ length: bucketCount }, () => ({ levels: {}, changes: 0 }));
    }
  }
  const f = from.getTime();
  const t = to.getTime();
  for (const sum of sums) {
    const state = stateOf(sum.kind, sum.subject_id, sum.lane);
    const level = historyLevel(state.lane, sum.value);
    addMs(state.levels, level, sum.ms);
    const bucket = state.buckets?.[sum.bucket];
    if (bucket !== undefined) {
      addMs(bucket.levels, level, sum.ms);
      bucket.changes += sum.changes;
    }
  }
  // The baseline's stretch: from `from` to the lane's first change inside (or `to`).
  for (const [key, b] of baseline) {
    const state = lanes.get(key);
    if (state === undefined) continue;
    const level = historyLevel(state.lane, b.value);
    const end = state.firstAt ?? t;
    addMs(state.levels, level, end - f);
    if (state.buckets !== undefined) {
      for (let i = 0; i < bucketCount && f + i * width < end; i += 1) {
        const bucket = state.buckets[i];
        if (bucket === undefined) break;
        addMs(bucket.levels, level, Math.min(end, f + (i + 1) * width, t) - (f + i * width));
      }
    }
  }

  // The exact changes of the lanes with few.
  const dense = [...lanes.entries()].filter(([, s]) => s.buckets !== undefined).map(([k]) => k);
  let insideQuery = changesOf(db, scope).selectAll().where('at', '>=', from).where('at', '<', to);
  if (dense.length > 0) {
    insideQuery = insideQuery.where(
      sql<string>`kind || '|' || subject_id || '|' || lane`,
      'not in',
      dense,
    );
  }
  const inside = await insideQuery.orderBy('at').orderBy('id').execute();

  const currentSince = new Map(
    current.map((row) => [laneKey(row.kind, row.subject_id, row.lane), row.since]),
  );
  const summaries: HistoryLaneSummary[] = [];
  for (const [key, state] of lanes) {
    const value = state.last ?? baseline.get(key)?.value ?? '';
    const bad = BAD.has(historyLevel(state.lane, value));
    const since = bad
      ? await badSince(
          db,
          scope,
          state.kind,
          state.subjectId,
          state.lane,
          to,
          currentSince.get(key),
        )
      : undefined;
    summaries.push({
      kind: state.kind,
      subjectId: state.subjectId,
      lane: state.lane,
      changeCount: state.changeCount,
      levels: state.levels,
      value,
      downSince: since?.toISOString() ?? null,
    });
  }

  const subjects = new Map<string, HistorySubject>();
  for (const row of current) {
    subjects.set(`${row.kind}|${row.subject_id}`, {
      kind: row.kind as HistorySubjectKind,
      subjectId: row.subject_id,
      vpnConnectionId: row.connection_id,
      name: row.name,
      ...(row.tunnel_index === null ? {} : { tunnelIndex: row.tunnel_index }),
    });
  }
  const seen = current.reduce<Date | null>(
    (latest, row) => (latest === null || row.seen_at > latest ? row.seen_at : latest),
    null,
  );
  return {
    subjects: [...subjects.values()],
    summaries,
    baseline: [...baseline.entries()]
      .filter(([key]) => lanes.get(key)?.buckets === undefined)
      .map(([, b]) => b),
    changes: inside.map(toChange),
    bucketMs: width,
    reduced: [...lanes.values()].flatMap((s) =>
      s.buckets === undefined
        ? []
        : [{ kind: s.kind, subjectId: s.subjectId, lane: s.lane, buckets: s.buckets }],
    ),
    observedAt: seen?.toISOString() ?? null,
  };
}

/** The subjects' names as last seen (`kind|subjectId` → name), for the CSV. */
export async function readSubjectNames(db: Db, scope: Scope): Promise<Map<string, string>> {
  const rows = await currentOf(db, scope).select(['kind', 'subject_id', 'name']).execute();
  return new Map(rows.map((r) => [`${r.kind}|${r.subject_id}`, r.name]));
}

const EXPORT_PAGE = 5000;

/**
 * Every change of [from, to) for the CSV, oldest first, a page at a time (keyset on at, id):
 * the baseline rows first, so the file says what held at `from`.
 */
export async function* exportGatewayChanges(
  db: Db,
  query: HistoryQuery,
): AsyncGenerator<HistoryChange[]> {
  const { from, to, ...scope } = query;
  const current = await currentOf(db, scope).selectAll().execute();
  const first = await changesOf(db, scope)
    .select(['kind', 'subject_id', 'lane'])
    .distinct()
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  const changedInside = new Set(first.map((r) => laneKey(r.kind, r.subject_id, r.lane)));
  yield [...(await baselineAt(db, scope, current, from, changedInside)).values()];
  let cursor: { at: Date; id: string } | undefined;
  for (;;) {
    let query = changesOf(db, scope).selectAll().where('at', '>=', from).where('at', '<', to);
    if (cursor !== undefined) {
      const { at, id } = cursor;
      query = query.where(sql<boolean>`(at, id) > (${at}, ${id}::bigint)`);
    }
    const rows = await query.orderBy('at').orderBy('id').limit(EXPORT_PAGE).execute();
    if (rows.length > 0) yield rows.map(toChange);
    const last = rows[rows.length - 1];
    if (rows.length < EXPORT_PAGE || last === undefined) return;
    cursor = { at: last.at, id: last.id };
  }
}
