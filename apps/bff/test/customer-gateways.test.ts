// Customer gateways page (issue 17 item 5): the list says which connections use each one; rename
// and delete are audited writes on the region's customer-gateway lane; a delete while a connection
// uses it is refused at once with the cloud's own code, naming the connections, and the cloud
// never hears of it.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { customerGatewayListSchema } from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const base = '/api/v1/regions/cn-hangzhou/customer-gateways';
const cgw = DEMO_IDS.customerGateways;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack.close();
}, 60_000);

const list = async () => customerGatewayListSchema.parse((await stack.api.get(base)).body).items;

const auditRows = (operationId: string) =>
  stack.secured.store.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation_id', '=', operationId)
    .execute();

describe('customer gateways', () => {
  it('lists which connections use each one, single-tunnel and by tunnel', async () => {
    const items = await list();
    const byId = new Map(items.map((c) => [c.id, c]));
    expect(byId.get(cgw.cooperative)?.usedBy.map((u) => u.vpnConnectionId)).toContain(
      DEMO_IDS.connections.established,
    );
    expect(byId.get(cgw.dualB)?.usedBy).toEqual([
      expect.objectContaining({
        vpnConnectionId: DEMO_IDS.connections.dualHealthy,
        tunnelId: DEMO_IDS.tunnels.dualHealthySlave,
      }),
    ]);
    expect(byId.get(cgw.free)?.usedBy).toEqual([]);
  });

  it('renames one and changes its description, with the before and after in the audit log', async () => {
    const res = await stack.api.patch(`${base}/${cgw.dualFreeB}`, {
      name: 'branch-renamed',
      description: 'rack 4',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const op = operationSchema.parse(res.body);
    expect((await stack.api.settled(op.id)).state).toBe('succeeded');
    expect((await list()).find((c) => c.id === cgw.dualFreeB)).toMatchObject({
      name: 'branch-renamed',
      description: 'rack 4',
    });
    const [row] = await auditRows(op.id);
    expect(row).toMatchObject({ action: 'changeCustomerGateway', resource_id: cgw.dualFreeB });
  });

  it('refuses a bad name at its field and an unknown id with 404', async () => {
    const bad = await stack.api.patch(`${base}/${cgw.free}`, { name: 'https://x' });
    expect(bad.status).toBe(400);
    expect(apiErrorBodySchema.parse(bad.body).error.issues?.[0]?.path).toBe('name');
    const missing = await stack.api.patch(`${base}/cgw-bp1nosuchgateway0001`, { name: 'x' });
    expect(missing.status).toBe(404);
  });

  it('refuses to delete one a connection uses, naming it, without calling the cloud', async () => {
    const before = stack.emulator.calls().DeleteCustomerGateway ?? 0;
    const res = await stack.api.delete(`${base}/${cgw.dualA}`);
    expect(res.status).toBe(409);
    const { error } = apiErrorBodySchema.parse(res.body);
    expect(error.code).toBe('CustomerGatewayInUse');
    expect(error.message).toContain(DEMO_IDS.connections.dualHealthy);
    expect(stack.emulator.calls().DeleteCustomerGateway ?? 0).toBe(before);
    expect((await list()).some((c) => c.id === cgw.dualA)).toBe(true);
  });

  it('deletes an unused one (audited) and it leaves the list', async () => {
    const res = await stack.api.delete(`${base}/${cgw.free}`);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const op = operationSchema.parse(res.body);
    expect((await stack.api.settled(op.id)).state).toBe('succeeded');
    expect((await list()).some((c) => c.id === cgw.free)).toBe(false);
    const [row] = await auditRows(op.id);
    expect(row).toMatchObject({ action: 'deleteCustomerGateway', resource_id: cgw.free });
  });

  it('lets a viewer read but not rename or delete', async () => {
    const viewer = await stack.as('viewer');
    expect((await viewer.get(base)).status).toBe(200);
    expect((await viewer.patch(`${base}/${cgw.dualFreeA}`, { name: 'x' })).status).toBe(403);
    expect((await viewer.delete(`${base}/${cgw.dualFreeA}`)).status).toBe(403);
  });
});
