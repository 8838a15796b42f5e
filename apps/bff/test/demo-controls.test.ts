// Issue 17: in demo mode an admin resets the demo data and starts a named failure scenario from
// the console; others are refused, an unknown scenario is a 400, outside demo mode a 404.
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { demoActionResultSchema } from '@vpn-console/shared/api/demo';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { vpnGatewayDetailViewSchema } from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoControl } from '../src/modules/demo/demo-control';
import { startTestStack, type TestStack } from './harness';

const gatewayPath = `/api/v1/regions/cn-hangzhou/vpn-gateways/${DEMO_IDS.gateways.connections}`;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);
afterAll(async () => {
  await stack.close();
});

describe('demo controls', () => {
  it('answers 404 outside demo mode', async () => {
    const admin = await stack.as('admin');
    const res = await admin.post('/api/v1/demo/reset', {});
    expect(res.status).toBe(404);
  });

  it('lets an admin start a scenario and reset, refuses others, and audits it', async () => {
    stack.runtime.demo = createDemoControl(stack.emulator);
    const operator = await stack.as('operator');
    expect((await operator.post('/api/v1/demo/reset', {})).status).toBe(403);
    const admin = await stack.as('admin');
    const unknown = await admin.post('/api/v1/demo/scenarios/meteor-strike', {});
    expect(unknown.status).toBe(400);
    expect(apiErrorBodySchema.parse(unknown.body).error.issues?.[0]?.path).toBe('scenario');

    const started = await admin.post('/api/v1/demo/scenarios/gateway-stuck-updating', {});
    expect(started.status).toBe(200);
    expect(demoActionResultSchema.parse(started.body).done).toBe('gateway-stuck-updating');
    const stuck = vpnGatewayDetailViewSchema.parse((await admin.get(gatewayPath)).body);
    expect(stuck.status).toBe('updating');

    const reset = await admin.post('/api/v1/demo/reset', {});
    expect(demoActionResultSchema.parse(reset.body).done).toBe('reset');
    const back = vpnGatewayDetailViewSchema.parse((await admin.get(gatewayPath)).body);
    expect(back.status).toBe('active');

    const audit = auditPageSchema.parse((await admin.get('/api/v1/audit?limit=10')).body);
    expect(audit.items.map((e) => e.action).slice(0, 2)).toEqual([
      'resetDemo',
      'startDemoScenario',
    ]);
  });
});
