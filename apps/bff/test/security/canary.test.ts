// Canary values for the AccessKey secret and a PSK travel through the whole stack (writes, reads,
// failures of every kind); they must appear in no log line at any level, no error body, no URL
// or header, and no response to a viewer. The operator's audited reveal is the one place a PSK
// comes back (the positive control that the canary really was planted).
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { pskRevealSchema } from '@vpn-console/shared/api/psk';
import { startEmulator, type RunningEmulator } from '@vpn-console/vpc-emulator/server';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../../src/http/logger';
import { startTestStack, type ApiResponse, type TestApi, type TestStack } from '../harness';

const HZ = 'cn-hangzhou';
const base = `/api/v1/regions/${HZ}`;
const gw = DEMO_IDS.gateways;
const AK_SECRET = `CanaryAkSecret${randomBytes(8).toString('hex')}`;
const PSK = `CanaryPsk${randomBytes(8).toString('hex')}`;
const canaries = [AK_SECRET, PSK];

const logLines: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logLines.push(chunk.toString('utf8'));
    done();
  },
});

/** Every response any test here received, with its URL and headers. */
const seen: { label: string; text: string }[] = [];

function record(label: string, res: ApiResponse): ApiResponse {
  const headers: string[] = [];
  res.headers.forEach((value, key) => headers.push(`${key}: ${value}`));
  seen.push({ label, text: `${headers.join('\n')}\n${JSON.stringify(res.body)}` });
  return res;
}

function leaks(text: string): string[] {
  return canaries.filter((c) => text.includes(c));
}

describe('canary: no secret leaves the BFF', () => {
  let emulator: RunningEmulator;
  let stack: TestStack;
  let operator: TestApi;
  let viewer: TestApi;
  let connectionId = '';
  let ipsecServerId = '';

  beforeAll(async () => {
    const key = {
      accessKeyId: `LTAIcanary${randomBytes(6).toString('hex')}`,
      accessKeySecret: AK_SECRET,
    };
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      seed: 'demo',
      accessKeys: [key],
      updatingMs: 200,
      negotiationMs: 100,
      faultControl: true,
    });
    const logger = pino(
      { level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
      sink,
    );
    stack = await startTestStack({
      emulator: { running: emulator, ...key },
      runtime: { logger },
      // Short upstream timeouts: the hang fault below waits for them, attempt after attempt.
      env: { UPSTREAM_READ_TIMEOUT_MS: '1000', UPSTREAM_WRITE_TIMEOUT_MS: '1000' },
    });
    operator = await stack.as('operator');
    viewer = await stack.as('viewer');
  }, 120_000);
  afterAll(async () => {
    await stack.close();
    await emulator.close();
  }, 60_000);

  const settle = async (res: ApiResponse) => {
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const op = operationSchema.parse(res.body);
    const done = await operator.settled(op.id);
    record(`operation ${op.id}`, {
      status: 200,
      headers: new Headers(),
      body: done,
    });
    return done;
  };

  it('plants the PSK canary through real writes', async () => {
    const conn = await settle(
      record(
        'create connection',
        await operator.post(`${base}/vpn-connections`, {
          vpnGatewayId: gw.connections,
          customerGatewayId: DEMO_IDS.customerGateways.free,
          name: 'canary-conn',
          localSubnet: ['172.16.90.0/24'],
          remoteSubnet: ['10.90.0.0/24'],
          ikeConfig: { psk: PSK },
        }),
      ),
    );
    expect(conn.state, JSON.stringify(conn.error)).toBe('succeeded');
    connectionId = conn.resourceId ?? '';
    const server = await settle(
      record(
        'create ipsec server',
        await operator.post(`${base}/ipsec-servers`, {
          vpnGatewayId: gw.free1,
          ipsecServerName: 'canary-server',
          localSubnet: ['192.168.90.0/24'],
          clientIpPool: '10.210.0.0/24',
          pskEnabled: true,
          psk: PSK,
        }),
      ),
    );
    expect(server.state, JSON.stringify(server.error)).toBe('succeeded');
    ipsecServerId = server.resourceId ?? '';
    // A change that sets the same key again (audited as unchanged).
    const change = await settle(
      record(
        'change ipsec server',
        await operator.patch(`${base}/ipsec-servers/${ipsecServerId}`, { psk: PSK }),
      ),
    );
    expect(change.state).toBe('succeeded');
  });

  it('drives the error paths with the canary in the request', async () => {
    // Validation failure (bad CIDR + unknown field), malformed JSON, wrong content type.
    record(
      'invalid body',
      await operator.post(`${base}/vpn-connections`, {
        vpnGatewayId: gw.connections,
        customerGatewayId: DEMO_IDS.customerGateways.free,
        localSubnet: ['172.16.90.1/24'],
        remoteSubnet: ['10.91.0.0/24'],
        // A key the PSK rules refuse (space and a non-ASCII character) next to an unknown field.
        ikeConfig: { psk: `${PSK} 密` },
        surprise: 1,
      }),
    );
    record(
      'malformed json',
      await operator.raw(`${base}/vpn-connections`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"ikeConfig":{"psk":"${PSK}"`,
      }),
    );
    record(
      'text body',
      await operator.raw(`${base}/ipsec-servers`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: PSK,
      }),
    );
    // The cloud refuses: unknown customer gateway.
    const refused = await settle(
      record(
        'cloud refusal',
        await operator.post(`${base}/vpn-connections`, {
          vpnGatewayId: gw.connections,
          customerGatewayId: 'cgw-bp1doesnotexist000001',
          name: 'canary-refused',
          localSubnet: ['172.16.91.0/24'],
          remoteSubnet: ['10.92.0.0/24'],
          ikeConfig: { psk: PSK },
        }),
      ),
    );
    expect(refused.state).toBe('failed');
    // Upstream failures: 5xx JSON, HTML 502, hang (timeout), throttling on the write.
    for (const kind of ['json5xx', 'html502', 'hang', 'throttle'] as const) {
      emulator.faults.inject({ action: 'ModifyVpnConnectionAttribute', kind, count: 8 });
      const res = record(
        `fault ${kind}`,
        await operator.patch(`${base}/vpn-connections/${connectionId}`, {
          ikeConfig: { psk: PSK },
        }),
      );
      if (res.status === 202) await settle(res);
      emulator.faults.clear();
    }
    emulator.faults.inject({ action: 'ListIpsecServers', kind: 'html502', count: 20 });
    record('read fault', await operator.get(`${base}/ipsec-servers/${ipsecServerId}`));
    record(
      'reveal fault',
      await operator.post(`${base}/ipsec-servers/${ipsecServerId}/psk/reveal`),
    );
    emulator.faults.clear();
    // Unknown ids with the canary in the path's neighbourhood.
    record(
      'unknown id',
      await operator.patch(`${base}/vpn-connections/vco-bp1doesnotexist000001`, {
        ikeConfig: { psk: PSK },
      }),
    );
  });

  it('never shows the PSK to a viewer, nor to an operator outside the reveal', async () => {
    for (const [who, api] of [
      ['viewer', viewer],
      ['operator', operator],
    ] as const) {
      for (const path of [
        `${base}/vpn-connections`,
        `${base}/vpn-connections?vpnGatewayId=${gw.connections}`,
        `${base}/vpn-connections/${connectionId}`,
        `${base}/ipsec-servers`,
        `${base}/ipsec-servers/${ipsecServerId}`,
        `${base}/vpn-gateways/${gw.connections}`,
        `${base}/vpn-gateways/${gw.free1}`,
        '/api/v1/audit?limit=200',
      ]) {
        const res = record(`${who} GET ${path}`, await api.get(path));
        expect(res.status, path).toBe(200);
      }
      const stream = await api.events(`?gateways=${HZ}/${gw.connections}`);
      await stream.next('snapshot', undefined, 5_000).catch(() => undefined);
      stream.close();
      seen.push({ label: `${who} events`, text: JSON.stringify(stream.events) });
    }
    const denied = record(
      'viewer reveal',
      await viewer.post(`${base}/vpn-connections/${connectionId}/psk/reveal`),
    );
    expect(denied.status).toBe(403);
  });

  it('reveals the PSK to an operator only through the audited route', async () => {
    const res = await operator.post(`${base}/vpn-connections/${connectionId}/psk/reveal`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(pskRevealSchema.parse(res.body).psk).toBe(PSK);
    const server = await operator.post(`${base}/ipsec-servers/${ipsecServerId}/psk/reveal`);
    expect(pskRevealSchema.parse(server.body).psk).toBe(PSK);
    const admin = await stack.as('admin');
    const audit = record('admin audit', await admin.get('/api/v1/audit?limit=200'));
    const text = JSON.stringify(audit.body);
    expect(text).toContain('"action":"revealPsk"');
    expect(text).toContain('"action":"createVpnConnection"');
    expect(text).toContain('{"path":"psk","secret":true,"changed":false}');
  });

  it('finds the canaries in no response, header, URL or log line', () => {
    expect(seen.length).toBeGreaterThan(30);
    const leaking = seen.filter((s) => leaks(s.text).length > 0).map((s) => s.label);
    expect(leaking).toEqual([]);
    expect(logLines.length).toBeGreaterThan(20);
    expect(logLines.some((l) => l.includes('"level":50') || l.includes('"level":40'))).toBe(true);
    const leakingLines = logLines.filter((l) => leaks(l).length > 0);
    expect(leakingLines).toEqual([]);
    const urls = logLines.flatMap((l) => l.match(/"(?:url|path)":"[^"]*"/g) ?? []);
    expect(urls.filter((u) => leaks(u).length > 0)).toEqual([]);
  });
});
