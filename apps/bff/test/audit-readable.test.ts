// Issue 17: an audit entry says what a person changed — the resource by name, an edit only its
// changed fields (no `ipsecServerId — → iss-…`), a delete not the whole resource as it was.
import { auditPageSchema, type AuditEntry } from '@vpn-console/shared/api/audit';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const base = '/api/v1/regions/cn-hangzhou';
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ updatingMs: 300 });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

const settle = async (res: { status: number; body: unknown }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const done = await stack.api.settled(operationSchema.parse(res.body).id);
  expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
  return done;
};

const entryFor = async (action: string, resourceId: string): Promise<AuditEntry> => {
  const page = auditPageSchema.parse(
    (await stack.api.get(`/api/v1/audit?vpnGatewayId=${DEMO_IDS.gateways.free1}&limit=50`)).body,
  );
  const entry = page.items.find((e) => e.action === action && e.resourceId === resourceId);
  if (entry === undefined) throw new Error(`no ${action} of ${resourceId}`);
  return entry;
};

describe('readable audit entries', () => {
  it('names the resource, lists only changed fields, and keeps a delete short', async () => {
    const created = await settle(
      await stack.api.post(`${base}/ipsec-servers`, {
        vpnGatewayId: DEMO_IDS.gateways.free1,
        ipsecServerName: 'road-warriors',
        localSubnet: ['192.168.0.0/24'],
        clientIpPool: '10.200.0.0/24',
        pskEnabled: true,
        psk: 'Secret-psk-123',
      }),
    );
    const id = created.resourceId ?? '';
    const create = await entryFor('createIpsecServer', id);
    expect(create.resourceName).toBe('road-warriors');
    expect(create.changes.map((c) => c.path)).not.toContain('vpnGatewayId');

    await settle(
      await stack.api.patch(`${base}/ipsec-servers/${id}`, {
        ipsecServerName: 'renamed',
        clientIpPool: '10.201.0.0/24',
      }),
    );
    const change = await entryFor('changeIpsecServer', id);
    expect(change.resourceName).toBe('renamed');
    expect(change.changes).toEqual([
      { path: 'clientIpPool', secret: false, before: '10.200.0.0/24', after: '10.201.0.0/24' },
      { path: 'name', secret: false, before: 'road-warriors', after: 'renamed' },
    ]);

    await settle(await stack.api.delete(`${base}/ipsec-servers/${id}`));
    const removal = await entryFor('deleteIpsecServer', id);
    expect(removal.resourceName).toBe('renamed');
    expect(removal.changes.length).toBeLessThanOrEqual(1);
    expect(removal.changes.map((c) => c.path)).not.toContain('onlineClientCount');
  });
});
