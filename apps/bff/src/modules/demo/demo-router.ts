// GET /api/v1/demo: the demo accounts for the login page; 404 unless the BFF runs in demo mode.
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import type { DemoAccount, DemoAccountList } from '@vpn-console/shared/api/demo';
import { sendError } from '../../auth/http';

export function demoRouter(deps: {
  readonly demoAccounts: readonly DemoAccount[] | undefined;
}): Router {
  const router = apiRouter();
  mount(router, 'demoAccounts', (_req, res) => {
    if (deps.demoAccounts === undefined) {
      sendError(res, 404, 'NotFound');
      return;
    }
    const body: DemoAccountList = { accounts: [...deps.demoAccounts] };
    res.set('Cache-Control', 'no-store');
    res.json(body);
  });
  return router;
}
