// Timelines from recorded changes (issue 15): per subject and lane, the stretches of one level
// inside a window, merged to the chart's resolution so a month of per-minute changes (~43,000)
// draws as at most one stretch per pixel column. Pure; the bench times it.
import {
  historyLevel,
  uptimeFraction,
  type HistoryChange,
  type HistoryLane,
  type HistoryLevel,
} from '@vpn-console/shared/history/schema';

export interface Segment {
  from: number;
  to: number;
  level: HistoryLevel;
}

/** Worst first: a pixel column that holds several levels shows the worst. */
const SEVERITY: Record<HistoryLevel, number> = { down: 4, partial: 3, unknown: 2, up: 1, off: 0 };

/**
 * The stretches of one lane in [from, to): the baseline's level from `from`, each change's from
 * its time; adjacent stretches shorter than `(to − from) / columns` merge into the worst level.
 */
export function laneSegments(
  lane: HistoryLane,
  baseline: HistoryChange | undefined,
  changes: readonly HistoryChange[],
  from: number,
  to: number,
  columns: number,
): Segment[] {
  const raw: Segment[] = [];
  let level: HistoryLevel = baseline === undefined ? 'unknown' : historyLevel(lane, baseline.value);
  let cursor = from;
  for (const change of changes) {
    const at = Math.min(Math.max(Date.parse(change.at), from), to);
    if (at > cursor) raw.push({ from: cursor, to: at, level });
    cursor = Math.max(cursor, at);
    level = historyLevel(lane, change.value);
  }
  if (to > cursor) raw.push({ from: cursor, to, level });
  const column = (to - from) / Math.max(1, columns);
  const out: Segment[] = [];
  for (const segment of raw) {
    const last = out[out.length - 1];
    if (last !== undefined && last.level === segment.level) {
      last.to = segment.to;
      continue;
    }
    if (
      last !== undefined &&
      (segment.to - segment.from < column || last.to - last.from < column)
    ) {
      // Inside one pixel column: keep the worst level visible.
      if (SEVERITY[segment.level] > SEVERITY[last.level] && last.to - last.from < column) {
        last.level = segment.level;
      }
      last.to = segment.to;
      continue;
    }
    out.push({ ...segment });
  }
  return out;
}

/** The subject's current stretch when it is not up: since when (ms), or undefined. */
export function downSince(
  lane: HistoryLane,
  baseline: HistoryChange | undefined,
  changes: readonly HistoryChange[],
): number | undefined {
  const last = changes[changes.length - 1] ?? baseline;
  if (last === undefined) return undefined;
  const level = historyLevel(lane, last.value);
  if (level !== 'down' && level !== 'partial') return undefined;
  // The stretch may have begun with an earlier change of the same level.
  let since = Date.parse(last.at);
  const all = baseline === undefined ? changes : [baseline, ...changes];
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const change = all[i];
    if (change === undefined) break;
    const l = historyLevel(lane, change.value);
    if (l !== 'down' && l !== 'partial') break;
    since = Date.parse(change.at);
  }
  return since;
}

/** Hours and minutes of a duration: [hours, minutes]. */
export function hoursMinutes(ms: number): [number, number] {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return [Math.floor(minutes / 60), minutes % 60];
}

export { uptimeFraction };
