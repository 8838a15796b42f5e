// Timelines from the history route (issue 15): per subject and lane, the stretches a chart draws.
// A lane with few changes comes as its exact changes; one with many (a month of per-minute
// flapping) comes from the BFF already reduced to buckets, each listing the time every level held
// in it. Pure; the bench times it.
import {
  historyLevel,
  type HistoryBucketLane,
  type HistoryChange,
  type HistoryLane,
  type HistoryLevel,
  type HistoryResponse,
  type HistorySubjectKind,
  type LevelDurations,
} from '@vpn-console/shared/history/schema';

export interface Segment {
  from: number;
  to: number;
  /** What the stretch shows: when several levels held inside it, the worst. */
  level: HistoryLevel;
  /** Of a bucket: the time each level held in it and the changes it holds. */
  levels?: LevelDurations;
  changes?: number;
}

/** Worst first: a stretch that holds several levels shows the worst. */
const SEVERITY: Record<HistoryLevel, number> = { down: 4, partial: 3, unknown: 2, up: 1, off: 0 };

const worstLevel = (levels: LevelDurations): HistoryLevel =>
  (Object.entries(levels) as Array<[HistoryLevel, number]>)
    .filter(([, ms]) => ms > 0)
    .reduce<HistoryLevel>(
      (worst, [level]) => (SEVERITY[level] > SEVERITY[worst] ? level : worst),
      'off',
    );

/** The exact stretches of a lane in [from, to): the baseline's level from `from`, then each change's. */
export function laneSegments(
  lane: HistoryLane,
  baseline: HistoryChange | undefined,
  changes: readonly HistoryChange[],
  from: number,
  to: number,
): Segment[] {
  const out: Segment[] = [];
  let level: HistoryLevel = baseline === undefined ? 'unknown' : historyLevel(lane, baseline.value);
  let cursor = from;
  const push = (end: number) => {
    if (end <= cursor) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.level === level) last.to = end;
    else out.push({ from: cursor, to: end, level });
  };
  for (const change of changes) {
    const at = Math.min(Math.max(Date.parse(change.at), from), to);
    push(at);
    cursor = Math.max(cursor, at);
    level = historyLevel(lane, change.value);
  }
  push(to);
  return out;
}

/** A reduced lane's buckets as stretches; neighbours that held one same level alone merge. */
export function bucketSegments(
  reduced: HistoryBucketLane,
  from: number,
  to: number,
  bucketMs: number,
): Segment[] {
  const out: Segment[] = [];
  reduced.buckets.forEach((bucket, i) => {
    const start = from + i * bucketMs;
    const end = Math.min(to, start + bucketMs);
    if (end <= start) return;
    const level = worstLevel(bucket.levels);
    const pure = Object.values(bucket.levels).filter((ms) => ms > 0).length <= 1;
    const last = out[out.length - 1];
    if (pure && last !== undefined && last.levels === undefined && last.level === level) {
      last.to = end;
      return;
    }
    out.push(
      pure
        ? { from: start, to: end, level }
        : { from: start, to: end, level, levels: bucket.levels, changes: bucket.changes },
    );
  });
  return out;
}

const sameLane =
  (kind: HistorySubjectKind, subjectId: string, lane: HistoryLane) =>
  (c: { kind: string; subjectId: string; lane: string }) =>
    c.kind === kind && c.subjectId === subjectId && c.lane === lane;

/** The stretches of one subject's lane in the response's window, exact or from its buckets. */
export function laneStretches(
  history: Pick<HistoryResponse, 'from' | 'to' | 'baseline' | 'changes' | 'reduced' | 'bucketMs'>,
  kind: HistorySubjectKind,
  subjectId: string,
  lane: HistoryLane,
): Segment[] {
  const from = Date.parse(history.from);
  const to = Date.parse(history.to);
  const match = sameLane(kind, subjectId, lane);
  const reduced = history.reduced.find(match);
  if (reduced !== undefined) return bucketSegments(reduced, from, to, history.bucketMs);
  return laneSegments(lane, history.baseline.find(match), history.changes.filter(match), from, to);
}

/** Hours and minutes of a duration: [hours, minutes]. */
export function hoursMinutes(ms: number): [number, number] {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return [Math.floor(minutes / 60), minutes % 60];
}
