// GET /api/v1/operations/:operationId
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { z } from 'zod';
import { notFound } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import type { Runtime } from '../../runtime';

export const operationsRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  // Any replica's operation (issue 16): this process's first, else the store's.
  router.get('/api/v1/operations/:operationId', async (req, res) => {
    const id = parseOr400(z.string().max(100), req.params.operationId, 'operationId');
    const found = await runtime.registry.lookup(id);
    if (!found) throw notFound('operation');
    res.json(found.operation);
  });
  return router;
};
