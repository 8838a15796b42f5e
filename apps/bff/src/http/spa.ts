// Serves the built SPA with history fallback (every non-API GET that wants HTML gets index.html).
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { looksLikeApi } from './api-router';

export const spaRouter = (staticDir: string): Router | undefined => {
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) return undefined;
  const router = express.Router();
  router.use(
    express.static(staticDir, {
      index: false,
      setHeaders(res, filePath) {
        // Hashed assets are immutable; anything else is revalidated.
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        } else {
          res.setHeader('Cache-Control', 'no-cache');
        }
      },
    }),
  );
  router.get(/^\/.*/, (req, res, next) => {
    // Whatever looks like the API (any spelling) is never answered with the SPA's page.
    if (looksLikeApi(req.path) || !req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
};
