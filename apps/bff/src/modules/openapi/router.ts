import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { buildOpenApiDocument } from './document';

export const openapiRouter = (): Router => {
  const router = apiRouter();
  let cached: Record<string, unknown> | undefined;
  mount(router, 'openapi', (_req, res) => {
    cached ??= buildOpenApiDocument();
    res.json(cached);
  });
  return router;
};
