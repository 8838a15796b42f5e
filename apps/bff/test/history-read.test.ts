// The history route's read (issue 15): a lane with many changes comes reduced to buckets in the
// store, one with few as its exact changes; uptime and "down since" are exact either way; the CSV
// export still pages through every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGatewayChanges, readGatewayHistory } from '../src/history/read';
import { openStore, type Store } from '../src/store/store';

const HZ = 'cn-hangzhou';
const GW = 'vpn-bp1readtest000001';
const MIN = 60_000;
const start = Date.UTC(2026, 9, 1);
const minute = (m: number) => new Date(start + m * MIN);
const WEEK = 7 * 1440;

const DOWN = 'ike_sa_not_established';
const UP = 'ipsec_sa_established';
const PHASE1 = 'ike_sa_established';

let store: Store;

const week = () => ({ regionId: HZ, gatewayId: GW, from: minute(0), to: minute(WEEK) });

const change = (subject: string, kind: string, m: number, value: string) => ({
  region_id: HZ,
  gateway_id: GW,
  kind,
  subject_id: subject,
  connection_id: kind === 'tunnel' ? 'vco-calm' : subject,
  lane: 'negotiation',
  value,
  at: minute(m),
});

const current = (subject: string, kind: string, value: string, sinceMinute: number) => ({
  key: `${HZ}|${kind}|${subject}|negotiation`,
  region_id: HZ,
  gateway_id: GW,
  gateway_name: 'read-test',
  kind,
  subject_id: subject,
  connection_id: kind === 'tunnel' ? 'vco-calm' : subject,
  name: subject,
  tunnel_index: kind === 'tunnel' ? 1 : null,
  lane: 'negotiation',
  value,
  since: minute(sinceMinute),
  seen_at: minute(WEEK),
});

beforeAll(async () => {
  store = await openStore({ memory: true });
  // vco-flap: up before the week, then flapping every minute for three days from minute 60,
  // up until two hours before the end, phase 1 only, then down for the last hour.
  const rows = [change('vco-flap', 'connection', -1440, UP)];
  for (let m = 60; m < 60 + 3 * 1440; m += 1) {
    rows.push(change('vco-flap', 'connection', m, (m - 60) % 2 === 0 ? DOWN : UP));
  }
  rows.push(change('vco-flap', 'connection', 60 + 3 * 1440, UP));
  rows.push(change('vco-flap', 'connection', WEEK - 120, PHASE1));
  rows.push(change('vco-flap', 'connection', WEEK - 60, DOWN));
  // vco-calm: up, down for one day in the middle of the week.
  rows.push(change('vco-calm', 'connection', -30, UP));
  rows.push(change('vco-calm', 'connection', 2 * 1440, DOWN));
  rows.push(change('vco-calm', 'connection', 3 * 1440, UP));
  for (let i = 0; i < rows.length; i += 2000) {
    await store.db
      .insertInto('history_changes')
      .values(rows.slice(i, i + 2000))
      .execute();
  }
  await store.db
    .insertInto('history_current')
    .values([
      current('vco-flap', 'connection', DOWN, WEEK - 60),
      current('vco-calm', 'connection', UP, 3 * 1440),
      // A tunnel down since long before the retention: its change rows were pruned.
      current('tun-longdown', 'tunnel', DOWN, -40 * 1440),
    ])
    .execute();
}, 120_000);

afterAll(async () => {
  await store.close();
});

describe('history read', () => {
  it('reduces a flapping lane to buckets in the store, with exact uptime and down since', async () => {
    const h = await readGatewayHistory(store.db, week());
    if (h === undefined) throw new Error('nothing read');
    // A week in 15-minute buckets.
    expect(h.bucketMs).toBe(15 * MIN);
    const flap = h.reduced.find((r) => r.subjectId === 'vco-flap');
    expect(flap?.buckets).toHaveLength(WEEK / 15);
    // No bucket loses or gains time; every change is counted once.
    for (const bucket of flap?.buckets ?? []) {
      expect(Object.values(bucket.levels).reduce((a, b) => a + b, 0)).toBe(15 * MIN);
    }
    expect(flap?.buckets.reduce((n, b) => n + b.changes, 0)).toBe(3 * 1440 + 3);
    // Its rows are not sent one by one.
    expect(h.changes.filter((c) => c.subjectId === 'vco-flap')).toEqual([]);
    expect(h.baseline.filter((c) => c.subjectId === 'vco-flap')).toEqual([]);

    const summary = h.summaries.find((s) => s.subjectId === 'vco-flap');
    expect(summary).toEqual({
      kind: 'connection',
      subjectId: 'vco-flap',
      lane: 'negotiation',
      changeCount: 3 * 1440 + 3,
      // 60 min of the baseline + half of the flapping + the steady stretch; then 1 h each.
      levels: {
        up: (60 + 2160 + (WEEK - 120 - (60 + 3 * 1440))) * MIN,
        down: (2160 + 60) * MIN,
        partial: 60 * MIN,
      },
      value: DOWN,
      // Phase 1 only, then down: one stretch not fully up.
      downSince: minute(WEEK - 120).toISOString(),
    });
  });

  it('sends a lane with few changes exactly, with the value in force at the start', async () => {
    const h = await readGatewayHistory(store.db, { ...week(), connectionId: 'vco-calm' });
    expect(h?.reduced).toEqual([]);
    expect(h?.changes.map((c) => [c.subjectId, c.value, c.at])).toEqual([
      ['vco-calm', DOWN, minute(2 * 1440).toISOString()],
      ['vco-calm', UP, minute(3 * 1440).toISOString()],
    ]);
    expect(h?.baseline.map((c) => [c.subjectId, c.value])).toEqual(
      expect.arrayContaining([
        ['vco-calm', UP],
        ['tun-longdown', DOWN],
      ]),
    );
    const calm = h?.summaries.find((s) => s.subjectId === 'vco-calm');
    expect(calm).toMatchObject({ levels: { up: (WEEK - 1440) * MIN, down: 1440 * MIN } });
    expect(calm?.downSince).toBeNull();
    // Down since before the retention, its rows pruned: the current row says since when.
    const tunnel = h?.summaries.find((s) => s.subjectId === 'tun-longdown');
    expect(tunnel).toMatchObject({
      changeCount: 0,
      levels: { down: WEEK * MIN },
      downSince: minute(-40 * 1440).toISOString(),
    });
  });

  it('exports every row, a page at a time, after the values in force at the start', async () => {
    const pages: string[][] = [];
    for await (const page of exportGatewayChanges(store.db, week())) {
      pages.push(page.map((c) => `${c.subjectId}|${c.value}|${c.at}`));
    }
    // The baseline (three lanes), then 4,323 + 2 changes (pages of 5,000).
    expect(pages.map((p) => p.length)).toEqual([3, 4325]);
    const rows = pages.flat();
    expect(rows.filter((r) => r.startsWith('vco-flap|')).length).toBe(1 + 3 * 1440 + 3);
    expect(new Set(rows).size).toBe(rows.length);
  });
});
