// POST /api/v1/demo/reset and /api/v1/demo/scenarios/:scenario: an admin resets the demo data or
// starts a failure scenario from the console (issue 17). 404 outside demo mode (no embedded
// emulator), 400 for an unknown scenario; each action is audited.
import type { Router } from 'express';
import { demoScenarioSchema, type DemoActionResult } from '@vpn-console/shared/api/demo';
import { ISSUE_CODES } from '@vpn-console/shared/errors/issue-codes';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { HttpError } from '../../http/errors';
import type { Runtime } from '../../runtime';
import { auditDemoAction } from '../audit/request-audit';

export function demoControlRouter(runtime: Runtime): Router {
  const router = apiRouter();
  const control = () => {
    if (runtime.demo === undefined) {
      throw new HttpError(404, 'NotFound', 'Demo controls exist only in demo mode.');
    }
    return runtime.demo;
  };

  // The record is stored first (no act without its record): if the store refuses it, the demo
  // data stays as it was. The levers are synchronous and in-process, so they cannot fail after it.
  mount(router, 'resetDemo', async (req, res) => {
    const demo = control();
    await auditDemoAction(req, 'resetDemo');
    demo.reset();
    // The region lists are kept 30 s: the reset shows on the next read, not half a minute later.
    for (const regionId of Object.values(DEMO_IDS.regions))
      runtime.gatewayLists.invalidate(regionId);
    const body: DemoActionResult = { done: 'reset', at: new Date().toISOString() };
    res.json(body);
  });

  mount(router, 'startDemoScenario', async (req, res) => {
    const demo = control();
    const scenario = demoScenarioSchema.safeParse(req.params.scenario);
    if (!scenario.success) {
      throw new HttpError(400, 'ValidationFailed', 'Unknown scenario.', [
        { path: 'scenario', code: ISSUE_CODES.INVALID_ENUM },
      ]);
    }
    await auditDemoAction(req, 'startDemoScenario', scenario.data);
    demo.start(scenario.data);
    const body: DemoActionResult = { done: scenario.data, at: new Date().toISOString() };
    res.json(body);
  });
  return router;
}
