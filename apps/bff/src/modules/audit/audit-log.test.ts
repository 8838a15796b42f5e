import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/store';
import { openTestStore, testEngines } from '../../store/testing';
import { auditDiff, AuditLog } from './audit-log';

describe('auditDiff', () => {
  it('lists changed fields by dotted path and secrets only as changed/unchanged', () => {
    const before = {
      name: 'a',
      localSubnet: ['10.0.0.0/24'],
      ikeConfig: { ikeEncAlg: 'aes', psk: 'old-secret' },
      psk: 'old-secret',
    };
    const after = {
      name: 'b',
      localSubnet: ['10.0.0.0/24'],
      ikeConfig: { ikeEncAlg: 'aes256', psk: 'old-secret' },
      psk: 'new-secret',
    };
    const changes = auditDiff(before, after);
    expect(changes).toEqual([
      { path: 'ikeConfig.ikeEncAlg', secret: false, before: 'aes', after: 'aes256' },
      { path: 'ikeConfig.psk', secret: true, changed: false },
      { path: 'name', secret: false, before: 'a', after: 'b' },
      { path: 'psk', secret: true, changed: true },
    ]);
    expect(JSON.stringify(changes)).not.toContain('old-secret');
    expect(JSON.stringify(changes)).not.toContain('new-secret');
  });

  it('treats created and deleted resources as every field changing', () => {
    expect(auditDiff(undefined, { name: 'x', authKey: 'k' })).toEqual([
      { path: 'authKey', secret: true, changed: true },
      { path: 'name', secret: false, before: null, after: 'x' },
    ]);
  });
});

describe.each(testEngines)('AuditLog on %s', (engine) => {
  let store: Store;
  let log: AuditLog;
  let t = Date.parse('2026-05-01T10:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    log = new AuditLog(store.db, () => new Date(t));
    const op = { id: 'o1', username: 'olga', role: 'operator' as const };
    await log.record({ category: 'auth', action: 'login', outcome: 'success', actor: op });
    t += 60_000;
    await log.record({
      category: 'config',
      action: 'changeVpnConnection',
      outcome: 'success',
      actor: op,
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-1',
      resourceType: 'vpn-connection',
      resourceId: 'vco-1',
      requestId: 'REQ-1',
      changes: auditDiff({ name: 'a', psk: 'x' }, { name: 'b', psk: 'y' }),
    });
    t += 60_000;
    await log.record({
      category: 'reveal',
      action: 'revealPsk',
      outcome: 'success',
      actor: op,
      vpnGatewayId: 'vpn-1',
      resourceId: 'vco-1',
    });
    t += 60_000;
    await log.record({
      category: 'config',
      action: 'createIpsecServer',
      outcome: 'failure',
      actor: { id: 'o2', username: 'otto', role: 'operator' },
      vpnGatewayId: 'vpn-2',
      errorCode: 'VpnGateway.Configuring',
      requestId: 'REQ-2',
    });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  }, 120_000);

  it('pages newest first with a cursor', async () => {
    const first = await log.query({ limit: 3 }, 'admin');
    expect(first.items.map((e) => e.action)).toEqual([
      'createIpsecServer',
      'revealPsk',
      'changeVpnConnection',
    ]);
    expect(first.nextCursor).not.toBeNull();
    const second = await log.query({ limit: 3, cursor: first.nextCursor ?? 0 }, 'admin');
    expect(second.items.map((e) => e.action)).toEqual(['login']);
    expect(second.nextCursor).toBeNull();
  });

  it('filters by gateway, user, category and time', async () => {
    const byGateway = await log.query({ limit: 50, vpnGatewayId: 'vpn-1' }, 'operator');
    expect(byGateway.items.map((e) => e.action)).toEqual(['revealPsk', 'changeVpnConnection']);
    const byUser = await log.query({ limit: 50, username: 'otto' }, 'operator');
    expect(byUser.items).toHaveLength(1);
    expect(byUser.items[0]).toMatchObject({
      outcome: 'failure',
      errorCode: 'VpnGateway.Configuring',
      requestId: 'REQ-2',
    });
    const byTime = await log.query(
      { limit: 50, from: '2026-05-01T10:01:00Z', to: '2026-05-01T10:03:00Z' },
      'admin',
    );
    expect(byTime.items.map((e) => e.action)).toEqual(['revealPsk', 'changeVpnConnection']);
    const byCategory = await log.query({ limit: 50, category: 'auth' }, 'admin');
    expect(byCategory.items.map((e) => e.action)).toEqual(['login']);
  });

  it('shows viewers only configuration changes, without secret fields', async () => {
    const page = await log.query({ limit: 50 }, 'viewer');
    expect(page.items.map((e) => e.category)).toEqual(['config', 'config']);
    const change = page.items.find((e) => e.action === 'changeVpnConnection');
    expect(change?.changes).toEqual([{ path: 'name', secret: false, before: 'a', after: 'b' }]);
    const asOperator = await log.query({ limit: 50, vpnGatewayId: 'vpn-1' }, 'operator');
    expect(
      asOperator.items.find((e) => e.action === 'changeVpnConnection')?.changes,
    ).toContainEqual({
      path: 'psk',
      secret: true,
      changed: true,
    });
    expect(page.items[0]?.at).toBe('2026-05-01T10:03:00.000Z');
  });
});
