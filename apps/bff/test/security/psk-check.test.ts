// PSKs cannot be guessed offline (issue 10): the fingerprint a viewer sees is keyed with a
// secret of the store, and the only way to test a guess is the server's "does this key match?"
// check, limited per user and per key, every attempt audited (never the candidate).
import { createHash } from 'node:crypto';
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { pskCheckSchema } from '@vpn-console/shared/api/psk';
import { ipsecServerViewSchema } from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pskKeys } from '../../src/modules/secret-view';
import { serverSecret } from '../../src/store/server-secrets';
import { openStore } from '../../src/store/store';
import { startTestStack, type TestStack } from '../harness';

const HZ = '/api/v1/regions/cn-hangzhou';
const SERVER = `${HZ}/ipsec-servers/${DEMO_IDS.ipsecServer}`;
const DUAL = `${HZ}/vpn-connections/${DEMO_IDS.connections.dualHealthy}`;
const SERVER_PSK = 'DemoIpsecServer1';

describe('PSK check and keyed fingerprints', () => {
  let stack: TestStack;
  // The security layer's clock stands still: the checks of all three tests fall in one 60 s
  // window however slowly a loaded machine runs them (a real clock let the window roll over).
  const clock = Date.parse('2026-11-30T00:00:00Z');
  beforeAll(async () => {
    stack = await startTestStack({
      security: {
        now: () => new Date(clock),
        pskCheckLimits: {
          perUser: { limit: 4, windowMs: 60_000 },
          perResource: { limit: 6, windowMs: 60_000 },
        },
      },
    });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  // Opens a second PGlite store: over 30 s at load ~20 on 2 cores.
  it(
    'shows viewers a keyed fingerprint: not the unkeyed SHA-256, not another store’s',
    { timeout: 120_000 },
    async () => {
      const viewer = await stack.as('viewer');
      const view = ipsecServerViewSchema.parse((await viewer.get(SERVER)).body);
      const shown = view.psk?.fingerprint;
      const own = pskKeys(await serverSecret(stack.secured.store.db, 'psk-fingerprint'));
      expect(shown).toBe(own.fingerprint(DEMO_IDS.ipsecServer, SERVER_PSK));
      const unkeyed = createHash('sha256')
        .update(`${DEMO_IDS.ipsecServer}:${SERVER_PSK}`)
        .digest('hex')
        .slice(0, 12);
      expect(shown).not.toBe(unkeyed);
      const other = await openStore({ memory: true });
      try {
        const theirs = pskKeys(await serverSecret(other.db, 'psk-fingerprint'));
        expect(theirs.fingerprint(DEMO_IDS.ipsecServer, SERVER_PSK)).not.toBe(shown);
      } finally {
        await other.close();
      }
    },
  );

  it('answers a viewer match true or false, for a server and a tunnel, and audits each attempt', async () => {
    const viewer = await stack.as('viewer');
    const right = await viewer.post(`${SERVER}/psk/check`, { psk: SERVER_PSK });
    expect(right.status).toBe(200);
    expect(right.headers.get('cache-control')).toBe('no-store');
    expect(pskCheckSchema.parse(right.body)).toEqual({ match: true });
    const wrong = await viewer.post(`${SERVER}/psk/check`, { psk: 'DemoIpsecServer2' });
    expect(pskCheckSchema.parse(wrong.body)).toEqual({ match: false });
    const slave = DEMO_IDS.tunnels.dualHealthySlave;
    const tunnel = await viewer.post(`${DUAL}/psk/check?tunnelId=${slave}`, {
      psk: 'DemoTunnelPsk072',
    });
    expect(pskCheckSchema.parse(tunnel.body)).toEqual({ match: true });
    const empty = await viewer.post(`${SERVER}/psk/check`, { psk: '' });
    expect(empty.status).toBe(400);
    expect(apiErrorBodySchema.parse(empty.body).error.issues?.map((i) => i.path)).toEqual(['psk']);

    const admin = await stack.as('admin');
    const page = auditPageSchema.parse(
      (await admin.get(`/api/v1/audit?category=reveal&username=${stack.accounts.viewer.username}`))
        .body,
    );
    const checks = page.items.filter((e) => e.action === 'checkPsk');
    expect(checks.map((e) => [e.outcome, e.errorCode, e.resourceId])).toEqual([
      ['success', null, `${DEMO_IDS.connections.dualHealthy}/${slave}`],
      ['failure', 'PskMismatch', DEMO_IDS.ipsecServer],
      ['success', null, DEMO_IDS.ipsecServer],
    ]);
    const text = JSON.stringify(page);
    expect(text).not.toContain('DemoIpsecServer2');
    expect(text).not.toContain(SERVER_PSK);
  });

  it('refuses past the per-user and per-key limits with 429 and Retry-After, audited', async () => {
    const viewer = await stack.as('viewer');
    // The viewer's account used 3 of its 4 checks above (and 2 of the server key's 6).
    expect((await viewer.post(`${SERVER}/psk/check`, { psk: 'guess-1' })).status).toBe(200);
    const refused = await viewer.post(`${SERVER}/psk/check`, { psk: 'guess-2' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(apiErrorBodySchema.parse(refused.body).error.code).toBe('TooManyRequests');
    // Per key: other accounts share the server key's 6 (3 used so far).
    const operator = await stack.as('operator');
    for (const guess of ['guess-3', 'guess-4', 'guess-5']) {
      expect((await operator.post(`${SERVER}/psk/check`, { psk: guess })).status).toBe(200);
    }
    const admin = await stack.as('admin');
    const perKey = await admin.post(`${SERVER}/psk/check`, { psk: SERVER_PSK });
    expect(perKey.status).toBe(429);
    expect(Number(perKey.headers.get('retry-after'))).toBeGreaterThan(0);
    const page = auditPageSchema.parse((await admin.get('/api/v1/audit?category=reveal')).body);
    expect(
      page.items.filter((e) => e.action === 'checkPsk' && e.errorCode === 'TooManyRequests'),
    ).toHaveLength(2);
  });
});
