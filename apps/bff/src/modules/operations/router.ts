// GET /api/v1/operations/:operationId
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { z } from 'zod';
import { notFound } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import type { Runtime } from '../../runtime';

export const operationsRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  router.get('/api/v1/operations/:operationId', (req, res) => {
    const id = parseOr400(z.string().max(100), req.params.operationId, 'operationId');
    const record = runtime.registry.get(id);
    if (!record) throw notFound('operation');
    res.json(record.operation);
  });
  return router;
};
