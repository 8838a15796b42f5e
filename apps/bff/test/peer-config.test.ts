// POST …/vpn-connections/:id/peer-config through the whole stack (real emulator, real security
// layer): operators get the file, masked unless they reveal, every export audited, never cached,
// never for a viewer; bad input gets a specific 400.
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { peerConfigPath, peerConfigResponseSchema } from '@vpn-console/shared/api/peer-config';
import { PSK_MASK, pskRevealSchema } from '@vpn-console/shared/api/psk';
import { PEER_DEVICES } from '@vpn-console/shared/peer-config/devices';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestApi, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const id = DEMO_IDS.connections.established;
const path = peerConfigPath(HZ, id);

describe('peer configuration export', () => {
  let stack: TestStack;
  let operator: TestApi;
  let viewer: TestApi;
  let psk = '';

  beforeAll(async () => {
    stack = await startTestStack();
    operator = await stack.as('operator');
    viewer = await stack.as('viewer');
    const revealed = await operator.post(`/api/v1/regions/${HZ}/vpn-connections/${id}/psk/reveal`);
    psk = pskRevealSchema.parse(revealed.body).psk ?? '';
    expect(psk).not.toBe('');
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  it('gives an operator the strongSwan file with the PSK masked, uncached and audited', async () => {
    const res = await operator.post(path, { device: 'strongswan' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const file = peerConfigResponseSchema.parse(res.body);
    expect(file.pskRevealed).toBe(false);
    expect(file.fileName).toBe(`${id}-swanctl.conf`);
    expect(file.content).toContain(`secret = "${PSK_MASK}"`);
    expect(file.content).not.toContain(psk);
    expect(file.content).toContain(`(${id})`);
    expect(file.content).toMatch(/remote_addrs = 192\.0\.2\.\d+/);
    const audit = auditPageSchema.parse((await operator.get('/api/v1/audit?category=reveal')).body);
    const entry = audit.items.find((e) => e.action === 'exportPeerConfig' && e.resourceId === id);
    expect(entry?.outcome).toBe('success');
    expect(entry?.changes).toContainEqual({
      path: 'device',
      secret: false,
      before: null,
      after: 'strongswan',
    });
  });

  it('puts the PSK in the file only when revealed, audited as such', async () => {
    const res = await operator.post(path, { device: 'cisco-ios', revealPsk: true });
    expect(res.status).toBe(200);
    const file = peerConfigResponseSchema.parse(res.body);
    expect(file.pskRevealed).toBe(true);
    expect(file.content).toContain(`crypto isakmp key ${psk} address`);
    const audit = auditPageSchema.parse((await operator.get('/api/v1/audit?category=reveal')).body);
    expect(audit.items.some((e) => e.action === 'exportPeerConfigWithPsk')).toBe(true);
  });

  it('renders every device for the demo connection', async () => {
    for (const device of PEER_DEVICES) {
      const res = await operator.post(path, { device });
      expect(res.status, `${device}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(peerConfigResponseSchema.parse(res.body).content.length).toBeGreaterThan(100);
    }
  });

  it('never answers a viewer', async () => {
    const res = await viewer.post(path, { device: 'strongswan' });
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(psk);
  });

  it('refuses bad input with specific codes', async () => {
    const unknownDevice = await operator.post(path, { device: 'netscreen' });
    expect(unknownDevice.status).toBe(400);
    expect(apiErrorBodySchema.parse(unknownDevice.body).error.issues?.[0]?.path).toBe('device');

    const unknownTunnel = await operator.post(path, { device: 'json', tunnelId: 'tun-nope' });
    expect(unknownTunnel.status).toBe(400);
    expect(apiErrorBodySchema.parse(unknownTunnel.body).error.issues?.[0]?.code).toBe(
      'TUNNEL_NOT_FOUND',
    );

    const missing = await operator.post(peerConfigPath(HZ, 'vco-bp1doesnotexist000001'), {
      device: 'strongswan',
    });
    expect(missing.status).toBe(404);
    const audit = auditPageSchema.parse((await operator.get('/api/v1/audit?category=reveal')).body);
    expect(
      audit.items.some(
        (e) => e.action === 'exportPeerConfig' && e.outcome === 'failure' && e.errorCode !== null,
      ),
    ).toBe(true);
  });
});
