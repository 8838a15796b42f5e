import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { buildOpenApiDocument } from './document';

export const openapiRouter = (): Router => {
  const router = apiRouter();
  let cached: Record<string, unknown> | undefined;
  router.get('/api/v1/openapi.json', (_req, res) => {
    cached ??= buildOpenApiDocument();
    res.json(cached);
  });
  return router;
};
