// Secrets never reach a log line; logs carry the request id and the Alibaba RequestId; the built
// SPA is served with history fallback.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../src/http/logger';
import { startTestStack } from './harness';

describe('logs', () => {
  it('never contain the PSK and correlate request id with the Alibaba RequestId', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const logger = pino(
      { level: 'trace', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
      sink,
    );
    const stack = await startTestStack({ runtime: { logger } });
    try {
      const psk = 'Very-Secret-PSK-4242';
      stack.emulator.faults.inject({ action: 'CreateIpsecServer', kind: 'json5xx', count: 1 });
      const res = await stack.api.post('/api/v1/regions/cn-hangzhou/ipsec-servers', {
        vpnGatewayId: DEMO_IDS.gateways.free1,
        localSubnet: ['192.168.0.0/24'],
        clientIpPool: '10.200.0.0/24',
        pskEnabled: true,
        psk,
      });
      const op = operationSchema.parse(res.body);
      const done = await stack.api.settled(op.id);
      expect(done.state).toBe('succeeded');
      // A failing read too (error paths log as well).
      await stack.api.get('/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-doesnotexist000');
      const all = lines.join('');
      expect(all).not.toContain(psk);
      expect(all).not.toMatch(/AccessKeySecret|accessKeySecret":"(?!\[redacted)/);
      expect(all).toContain(`"requestId":"${done.requestId ?? 'missing'}"`);
      expect(all).toMatch(/"req":\{"id":"[^"]+","method":"POST"/);
    } finally {
      await stack.close();
    }
  });
});

describe('SPA serving', () => {
  it('serves the built SPA with history fallback and leaves /api alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spa-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
    const stack = await startTestStack({ env: { STATIC_DIR: dir } });
    try {
      const deep = await fetch(`${stack.baseUrl}/gateways/cn-hangzhou/vpn-1`, {
        headers: { Accept: 'text/html' },
      });
      expect(deep.status).toBe(200);
      expect(await deep.text()).toContain('<title>console</title>');
      const asset = await fetch(`${stack.baseUrl}/assets/app-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      const api = await stack.api.get('/api/v1/unknown', { Accept: 'text/html' });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/json');
    } finally {
      await stack.close();
    }
  });
});
