// One operation (route getOperation).
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { notFound } from '../../http/errors';
import { isOperationId } from '../../operations/registry';
import type { Runtime } from '../../runtime';

export const operationsRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  // Any replica's operation (issue 16): this process's first, else the store's.
  mount(router, 'getOperation', async (req, res) => {
    // Checked before the store sees it: PostgreSQL refuses a NUL byte in text with an error (a 500).
    const id = req.params.operationId;
    const found = isOperationId(id) ? await runtime.registry.lookup(id) : undefined;
    if (!found) throw notFound('operation');
    res.json(found.operation);
  });
  return router;
};
