// The history routes (issue 15) as support staff (viewer) call them: a gateway's timeline and its
// CSV, a connection's stored logs and their CSV, the cloud's diagnosis, the health overview.
import { apiPaths } from '@vpn-console/shared/api/paths';
import {
  diagnosisListSchema,
  healthOverviewSchema,
  historyResponseSchema,
  storedLogListSchema,
} from '@vpn-console/shared/history/schema';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryRecorder } from '../src/history/recorder';
import { startTestStack, type TestApi, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const ids = DEMO_IDS;

let stack: TestStack;
let viewer: TestApi;
beforeAll(async () => {
  stack = await startTestStack();
  viewer = await stack.as('viewer');
  // Let the demo's connections finish negotiating, then record once.
  await new Promise((resolve) => setTimeout(resolve, 400));
  const recorder = new HistoryRecorder({
    cloud: stack.runtime.cloud,
    db: stack.secured.store.db,
    defaultRegion: HZ,
    intervalMs: 60_000,
    fastMs: 10_000,
    retentionDays: 30,
    callsPerMinute: 1000,
    holder: 'routes-test',
    metrics: stack.runtime.metrics.history,
  });
  await recorder.runRound();
});
afterAll(async () => {
  await stack.close();
});

/** The demo gateway's timeline narrowed to one connection. */
const historyOfConnection = (vpnConnectionId: string) =>
  viewer.get(
    apiPaths.gatewayHistory(HZ, ids.gateways.connections, `vpnConnectionId=${vpnConnectionId}`),
  );

describe('history routes', () => {
  it('shows a gateway’s recorded timeline to viewers, narrowed to one connection on request', async () => {
    const res = await historyOfConnection(ids.connections.pskMismatch);
    expect(res.status).toBe(200);
    const body = historyResponseSchema.parse(res.body);
    expect(body.retentionDays).toBe(30);
    expect(body.subjects.map((s) => s.subjectId)).toEqual([ids.connections.pskMismatch]);
    expect(body.changes.find((c) => c.lane === 'negotiation')?.value).toBe(
      'ike_sa_not_established',
    );
    const bad = await viewer.get(
      apiPaths.gatewayHistory(
        HZ,
        ids.gateways.connections,
        'from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z',
      ),
    );
    expect(bad.status).toBe(400);
    // A gateway the cloud does not know: 404, for the timeline and its CSV alike.
    const unknown = await viewer.get(apiPaths.gatewayHistory(HZ, 'vpn-bp1nothinghere0000', ''));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'InvalidVpnGatewayInstanceId.NotFound' } });
    const unknownCsv = await viewer.raw(
      apiPaths.gatewayHistoryExport(HZ, 'vpn-bp1nothinghere0000', ''),
      { method: 'GET' },
    );
    expect(unknownCsv.status).toBe(404);
    // A connection of another gateway: 404 too.
    expect((await historyOfConnection(ids.connections.dualHealthy)).status).toBe(404);
  });

  it('exports the history as CSV', async () => {
    const res = await viewer.raw(apiPaths.gatewayHistoryExport(HZ, ids.gateways.connections, ''), {
      method: 'GET',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="history-vpn-/);
    const text = String(res.body);
    // (fetch's text() drops the byte-order mark the file starts with.)
    expect(text.split('\r\n')[0]).toBe(
      'at,regionId,vpnGatewayId,kind,subjectId,vpnConnectionId,name,lane,value',
    );
    expect(text).toContain(
      `${ids.connections.pskMismatch},to-branch-psk-mismatch,negotiation,ike_sa_not_established`,
    );
  });

  it('serves the stored log lines and their CSV', async () => {
    const res = await viewer.get(apiPaths.vpnConnectionLogs(HZ, ids.connections.pskMismatch, ''));
    expect(res.status).toBe(200);
    const list = storedLogListSchema.parse(res.body);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.some((l) => l.line.includes('AUTHENTICATION_FAILED'))).toBe(true);
    const csv = await viewer.raw(
      apiPaths.vpnConnectionLogsExport(HZ, ids.connections.pskMismatch, ''),
      {
        method: 'GET',
      },
    );
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('AUTHENTICATION_FAILED');
    const bad = await viewer.get(
      apiPaths.vpnConnectionLogs(HZ, ids.connections.pskMismatch, 'limit=0'),
    );
    expect(bad.status).toBe(400);
  });

  it('diagnoses a connection live: the reason and both sides’ values', async () => {
    const res = await viewer.get(
      apiPaths.vpnConnectionDiagnosis(HZ, ids.connections.ikeNotEstablished),
    );
    expect(res.status).toBe(200);
    const body = diagnosisListSchema.parse(res.body);
    expect(body.items).toEqual([
      expect.objectContaining({
        code: 'IkeVersionMismatch',
        localValue: 'ikev1',
        remoteValue: 'ikev2',
        severity: 'Critical',
        tunnelId: null,
      }),
    ]);
    const ok = await viewer.get(apiPaths.vpnConnectionDiagnosis(HZ, ids.connections.established));
    expect(diagnosisListSchema.parse(ok.body).items).toEqual([]);
  });

  it('lists everything not fully up across regions, longest first, with search and filters', async () => {
    const res = await viewer.get(apiPaths.healthOverview(''));
    expect(res.status).toBe(200);
    const body = healthOverviewSchema.parse(res.body);
    const subjects = body.items.map((i) => i.subjectId);
    expect(subjects).toContain(ids.connections.pskMismatch);
    expect(subjects).toContain(ids.tunnels.dualDownSlave);
    expect(subjects).not.toContain(ids.connections.established);
    const sh = healthOverviewSchema.parse(
      (await viewer.get(apiPaths.healthOverview('regionId=cn-shanghai&lane=negotiation'))).body,
    );
    expect(sh.items.every((i) => i.regionId === 'cn-shanghai' && i.lane === 'negotiation')).toBe(
      true,
    );
    const search = healthOverviewSchema.parse(
      (await viewer.get(apiPaths.healthOverview('q=PSK-MISMATCH'))).body,
    );
    expect(search.items.map((i) => i.subjectId)).toContain(ids.connections.pskMismatch);
    expect((await viewer.get(apiPaths.healthOverview('lane=nope'))).status).toBe(400);
  });

  it('puts the recorder on /metrics: rounds, its calls by action, rows stored, lease', async () => {
    const res = await (await stack.as('admin')).get('/metrics');
    expect(res.status).toBe(200);
    const text = String(res.body);
    const value = (line: RegExp) =>
      Number(new RegExp(`^${line.source} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value(/bff_history_rounds_total\{outcome="complete"\}/)).toBe(1);
    expect(
      value(/bff_history_upstream_calls_total\{action="DescribeVpnGateways"\}/),
    ).toBeGreaterThan(0);
    expect(
      value(/bff_history_upstream_calls_total\{action="DescribeVpnConnectionLogs"\}/),
    ).toBeGreaterThan(0);
    // The demo's first look stores every subject's lanes, and the failing connections' log lines.
    expect(value(/bff_history_changes_total/)).toBeGreaterThan(20);
    expect(value(/bff_history_log_lines_total/)).toBeGreaterThan(0);
    expect(value(/bff_history_last_round_seconds/)).toBeGreaterThan(0);
    // This test runs rounds by hand, without taking the lease.
    expect(value(/bff_history_recorder_lease_held/)).toBe(0);
    expect(text).toContain('# TYPE bff_history_pruned_rows_total counter');
  });
});
