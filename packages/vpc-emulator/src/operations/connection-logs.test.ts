import * as $Vpc from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  call,
  callError,
  manualClock,
  popClient,
  sdkClient,
  sdkError,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';
import { cooperativePeer } from '../state';

const hz = { RegionId: 'cn-hangzhou' };
const sh = { RegionId: 'cn-shanghai' };
const ids = DEMO_IDS;

let emulator: RunningEmulator;
let clock: ReturnType<typeof manualClock>;
let client: ReturnType<typeof popClient>;
const start = Math.floor(Date.now() / 60_000) * 60_000 - 15 * 60_000;

beforeEach(async () => {
  // The clock starts on a whole minute fifteen minutes ago, so that after the advance below it is
  // within a minute of real time: pop-core signs with the real time and the emulator refuses a
  // timestamp too far from its own clock (InvalidTimeStamp.Expired), as the cloud does.
  clock = manualClock(start);
  emulator = await withEmulator({
    seed: 'demo',
    updatingMs: 3000,
    negotiationMs: 2000,
    clock: clock.now,
  });
  client = popClient(emulator.url);
  // Fifteen minutes on: every demo connection has long finished negotiating.
  clock.advance(15 * 60_000);
});
afterEach(async () => {
  await emulator.close();
});

const logsSchema = z.object({
  Count: z.number(),
  IsCompleted: z.boolean(),
  PageNumber: z.number(),
  PageSize: z.number(),
  Data: z.object({ Logs: z.array(z.string()) }),
});

const logs = async (params: Record<string, string | number>) =>
  logsSchema.parse(await call(client, 'DescribeVpnConnectionLogs', { ...hz, ...params }));

describe('DescribeVpnConnectionLogs', () => {
  it('shows each failed phase-1 attempt with the peer’s notify, in strongSwan’s shape', async () => {
    const body = await logs({
      VpnConnectionId: ids.connections.pskMismatch,
      MinutePeriod: 2,
    });
    // One attempt every 30 s: 4 attempts in 2 minutes, two lines each.
    expect(body.Count).toBe(8);
    expect(body.IsCompleted).toBe(true);
    const [firstLine = ''] = body.Data.Logs;
    expect(firstLine).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 09\[IKE\] <vco-bp1demopskfailed00001\|\d+> initiating IKE_SA vco-bp1demopskfailed00001\[\d+\] to /,
    );
    // Stamped with the emulator's clock (UTC), within the 2-minute window asked for.
    const stamped = Date.parse(`${firstLine.slice(0, 19).replace(' ', 'T')}Z`);
    expect(stamped).toBeGreaterThanOrEqual(start + 13 * 60_000);
    expect(stamped).toBeLessThanOrEqual(start + 15 * 60_000);
    expect(body.Data.Logs[1]).toMatch(/received AUTHENTICATION_FAILED notify error$/);
    const proposal = await logs({
      VpnConnectionId: ids.connections.ikeNotEstablished,
      MinutePeriod: 1,
    });
    expect(
      proposal.Data.Logs.some((l) => l.endsWith('received NO_PROPOSAL_CHOSEN notify error')),
    ).toBe(true);
    const phase2 = await logs({
      VpnConnectionId: ids.connections.ipsecNotEstablished,
      MinutePeriod: 1,
    });
    expect(phase2.Data.Logs.some((l) => l.includes('establishing CHILD_SA'))).toBe(true);
    expect(phase2.Data.Logs.some((l) => l.endsWith('no CHILD_SA built'))).toBe(true);
  });

  it('keeps about ten minutes: an older window is empty, a healthy tunnel says nothing new', async () => {
    const nowS = Math.floor(clock.now() / 1000);
    const old = await logs({
      VpnConnectionId: ids.connections.pskMismatch,
      From: nowS - 14 * 60,
      To: nowS - 11 * 60,
    });
    expect(old.Count).toBe(0);
    const healthy = await logs({ VpnConnectionId: ids.connections.established, MinutePeriod: 10 });
    expect(healthy.Count).toBe(0);
  });

  it('pages 1–50 lines and says when the window is complete', async () => {
    const first = await logs({
      VpnConnectionId: ids.connections.pskMismatch,
      MinutePeriod: 10,
      PageSize: 7,
    });
    expect(first.Count).toBe(40);
    expect(first.Data.Logs).toHaveLength(7);
    expect(first.IsCompleted).toBe(false);
    const last = await logs({
      VpnConnectionId: ids.connections.pskMismatch,
      MinutePeriod: 10,
      PageSize: 7,
      PageNumber: 6,
    });
    expect(last.Data.Logs).toHaveLength(5);
    expect(last.IsCompleted).toBe(true);
    const err = await callError(client, 'DescribeVpnConnectionLogs', {
      ...hz,
      VpnConnectionId: ids.connections.pskMismatch,
      MinutePeriod: 10,
      PageSize: 51,
    });
    expect(err.code).toBe('InvalidParameter');
  });

  it('refuses a window longer than 10 minutes or missing', async () => {
    const nowS = Math.floor(clock.now() / 1000);
    const windows: Array<Record<string, number>> = [
      { From: nowS - 660, To: nowS },
      { MinutePeriod: 11 },
      { From: nowS - 60 },
    ];
    for (const params of windows) {
      const err = await callError(client, 'DescribeVpnConnectionLogs', {
        ...hz,
        VpnConnectionId: ids.connections.pskMismatch,
        ...params,
      });
      expect(['InvalidParameter', 'MissingParameter']).toContain(err.code);
    }
  });

  it('serves one tunnel of a dual-tunnel connection with TunnelId (official SDK)', async () => {
    const sdk = sdkClient(emulator.url);
    const nowS = Math.floor(clock.now() / 1000);
    const down = await sdk.describeVpnConnectionLogs(
      new $Vpc.DescribeVpnConnectionLogsRequest({
        regionId: 'cn-shanghai',
        vpnConnectionId: ids.connections.dualOneTunnelDown,
        tunnelId: ids.tunnels.dualDownSlave,
        from: nowS - 120,
        to: nowS,
        pageSize: 50,
      }),
    );
    expect(down.body?.count).toBe(8);
    expect(down.body?.data?.logs?.every((l) => l.includes(ids.tunnels.dualDownSlave))).toBe(true);
    const up = await sdk.describeVpnConnectionLogs(
      new $Vpc.DescribeVpnConnectionLogsRequest({
        regionId: 'cn-shanghai',
        vpnConnectionId: ids.connections.dualOneTunnelDown,
        tunnelId: ids.tunnels.dualDownMaster,
        minutePeriod: 10,
      }),
    );
    expect(up.body?.count).toBe(0);
    const wrong = await sdkError(() =>
      sdk.describeVpnConnectionLogs(
        new $Vpc.DescribeVpnConnectionLogsRequest({
          regionId: 'cn-shanghai',
          vpnConnectionId: ids.connections.dualOneTunnelDown,
          tunnelId: 'tun-nope',
          minutePeriod: 1,
        }),
      ),
    );
    expect(wrong.code).toBe('InvalidParameter');
  });

  it('shows the DPD timeout when a working peer changes to one that refuses the tunnel', async () => {
    const cgw = ids.customerGateways.cooperative;
    const res = await fetch(`${emulator.url}/__emulator/customer-gateways/${cgw}/peer`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...cooperativePeer, ikeEncAlgs: ['aes256'] }),
    });
    expect(res.status).toBe(200);
    clock.advance(65_000);
    const body = await logs({ VpnConnectionId: ids.connections.established, MinutePeriod: 2 });
    const text = body.Data.Logs.join('\n');
    expect(text).toContain('sending DPD request');
    expect(text).toMatch(/DPD timeout, deleting IKE_SA vco-bp1demoestablished001\[1\]/);
    expect(text).toContain('received NO_PROPOSAL_CHOSEN notify error');
    expect(text.indexOf('DPD timeout')).toBeLessThan(text.indexOf('NO_PROPOSAL_CHOSEN'));
  });
});

const diagnosisSchema = z.object({
  TotalCount: z.number(),
  VpnConnections: z.array(
    z.looseObject({
      VpnConnectionId: z.string(),
      TunnelId: z.string().optional(),
      FailedReasonCode: z.string(),
      MismatchLocalParam: z.string(),
      MismatchRemoteParam: z.string(),
      Severity: z.string(),
      SourceLog: z.string(),
      FailedTime: z.number(),
    }),
  ),
});

describe('DiagnoseVpnConnections', () => {
  it('names the first parameter the peer refuses, with both sides’ values', async () => {
    const body = diagnosisSchema.parse(
      await call(client, 'DiagnoseVpnConnections', {
        ...hz,
        VpnGatewayId: ids.gateways.connections,
        PageSize: 50,
      }),
    );
    const byId = new Map(body.VpnConnections.map((v) => [v.VpnConnectionId, v]));
    expect(byId.has(ids.connections.established)).toBe(false);
    expect(byId.get(ids.connections.ikeNotEstablished)).toMatchObject({
      FailedReasonCode: 'IkeVersionMismatch',
      MismatchLocalParam: 'ikev1',
      MismatchRemoteParam: 'ikev2',
      Severity: 'Critical',
    });
    expect(byId.get(ids.connections.pskMismatch)).toMatchObject({
      FailedReasonCode: 'PskMismatch',
      MismatchLocalParam: '',
      MismatchRemoteParam: '',
    });
    expect(byId.get(ids.connections.pskMismatch)?.SourceLog).toMatch(/AUTHENTICATION_FAILED/);
    expect(byId.get(ids.connections.ikeEstablished)).toMatchObject({
      FailedReasonCode: 'Phase2NegotiationTimeout',
      Severity: 'Warn',
    });
    expect(byId.get(ids.connections.ipsecNotEstablished)?.FailedReasonCode).toMatch(
      /^Ipsec(EncAlg|AuthAlg)Mismatch$/,
    );
  });

  it('narrows to tunnels with TunnelIds (official SDK)', async () => {
    const sdk = sdkClient(emulator.url);
    const res = await sdk.diagnoseVpnConnections(
      new $Vpc.DiagnoseVpnConnectionsRequest({
        regionId: 'cn-shanghai',
        vpnGatewayId: ids.gateways.dualTunnelDown,
        tunnelIds: [ids.tunnels.dualDownSlave, ids.tunnels.dualDownMaster],
      }),
    );
    expect(res.body?.totalCount).toBe(1);
    expect(res.body?.vpnConnections?.[0]).toMatchObject({
      vpnConnectionId: ids.connections.dualOneTunnelDown,
      tunnelId: ids.tunnels.dualDownSlave,
      failedReasonCode: 'PskMismatch',
      severity: 'Critical',
    });
    const none = await sdk.diagnoseVpnConnections(
      new $Vpc.DiagnoseVpnConnectionsRequest({
        regionId: 'cn-shanghai',
        vpnGatewayId: ids.gateways.dualTunnelDown,
        tunnelIds: [ids.tunnels.dualDownMaster],
      }),
    );
    expect(none.body?.totalCount).toBe(0);
    expect(
      (await callError(client, 'DiagnoseVpnConnections', { ...sh, VpnGatewayId: 'vpn-nope' })).code,
    ).toBe('InvalidVpnGatewayInstanceId.NotFound');
  });
});
