import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, popClient, str, withEmulator } from '../test/helpers';
import { DEMO_IDS } from './seed';
import { stateSchema } from './state';

describe('state file and seeds', () => {
  it('saves every change and loads it on the next start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vpc-emulator-')), 'state.json');
    const first = await withEmulator({ stateFile: file });
    const created = await call(popClient(first.url), 'CreateCustomerGateway', {
      RegionId: 'cn-hangzhou',
      IpAddress: '192.0.2.200',
      Name: 'kept',
    });
    const saved = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(saved.customerGateways.map((c) => c.CustomerGatewayId)).toContain(
      created.CustomerGatewayId,
    );
    await first.close();

    const second = await withEmulator({ stateFile: file, seed: 'empty' });
    try {
      const listed = await call(popClient(second.url), 'DescribeCustomerGateways', {
        RegionId: 'cn-hangzhou',
        CustomerGatewayId: str(created, 'CustomerGatewayId'),
      });
      expect(listed.TotalCount).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('the empty seed has regions but no resources; the demo seed is deterministic', async () => {
    const empty = await withEmulator({ seed: 'empty' });
    try {
      const client = popClient(empty.url);
      expect(
        (await call(client, 'DescribeVpnGateways', { RegionId: 'cn-hangzhou' })).TotalCount,
      ).toBe(0);
      expect(
        JSON.stringify(await call(client, 'DescribeRegions', { AcceptLanguage: 'en-US' })),
      ).toContain('Singapore');
    } finally {
      await empty.close();
    }
    const a = await withEmulator({ clock: () => 1_800_000_000_000 });
    const b = await withEmulator({ clock: () => 1_800_000_000_000 });
    expect(a.snapshot()).toEqual(b.snapshot());
    expect(a.snapshot().gateways.map((g) => g.RegionId)).toEqual(
      expect.arrayContaining(['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']),
    );
    await a.close();
    await b.close();
  });

  it('resets to a seed over the control API', async () => {
    const emulator = await withEmulator();
    try {
      const res = await fetch(`${emulator.url}/__emulator/reset`, {
        method: 'POST',
        body: JSON.stringify({ seed: 'empty' }),
      });
      expect(res.status).toBe(200);
      expect(emulator.snapshot().gateways).toEqual([]);
      emulator.reset('demo');
      expect(emulator.snapshot().gateways.map((g) => g.VpnGatewayId)).toContain(
        DEMO_IDS.gateways.free1,
      );
      const status = await fetch(
        `${emulator.url}/__emulator/gateways/${DEMO_IDS.gateways.free1}/status`,
        {
          method: 'POST',
          body: JSON.stringify({ status: 'updating', forMs: 60_000 }),
        },
      );
      expect(status.status).toBe(200);
      const gw = await call(popClient(emulator.url), 'DescribeVpnGateway', {
        RegionId: 'cn-hangzhou',
        VpnGatewayId: DEMO_IDS.gateways.free1,
      });
      expect(gw.Status).toBe('updating');
    } finally {
      await emulator.close();
    }
  });

  it('the CLI starts a server on the given port and prints its URL', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
    const child = spawn(
      tsx,
      [
        cli,
        '--',
        '--port',
        '0',
        '--seed',
        'demo',
        '--access-key-id',
        'cli-id',
        '--access-key-secret',
        'cli-secret',
        '--updating-ms',
        '10',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const received: unknown[] = await once(child.stdout, 'data');
      const chunk = received[0];
      const url = String(chunk).trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const body = await call(popClient(url, 'cli-secret', 'cli-id'), 'DescribeVpnGateway', {
        RegionId: 'cn-hangzhou',
        VpnGatewayId: DEMO_IDS.gateways.free1,
      });
      expect(body.Name).toBe('hz-free-1');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 20_000);
});
