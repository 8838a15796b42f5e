// Deny by construction: every API handler lives inside ONE router whose first middleware is the
// security guard. A request enters that router's handlers only through the guard, whatever its
// spelling; a path the entry test does not take for the API skips the whole router (so a wrong
// guess can only end in a 404, never in an unguarded handler). Every router is case-sensitive
// and strict (no trailing slash, no `/API/…`), so only the exact spelling reaches a handler.
import { Router, type RequestHandler } from 'express';

/** Options of every router that holds API routes (test/security checks each one has them). */
export const API_ROUTER_OPTIONS = { caseSensitive: true, strict: true } as const;

/** A router for API routes: case-sensitive and strict. Modules build their routers with this. */
export function apiRouter(): Router {
  return Router(API_ROUTER_OPTIONS);
}

/**
 * Whether a raw request path addresses the API (or /metrics) under any spelling: compared
 * percent-decoded, lower-cased, with runs of `/` and `\` as one. A path that cannot be decoded
 * counts as the API (and is then refused by the guard).
 */
export function looksLikeApi(rawPath: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return true;
  }
  path = path.toLowerCase().replace(/[\\/]+/g, '/');
  return /^\/(?:api|metrics)(?![a-z0-9_-])/.test(path);
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * The guarded API router: `before` (body parsing) and `guard` (host check, CSRF, session,
 * authorisation) run first; routers added with `use` after them. Requests whose path is not the
 * API leave the router at once (`next('router')`), past every API handler.
 */
export function guardedApiRouter(options: {
  readonly before: readonly RequestHandler[];
  readonly guard: readonly RequestHandler[];
}): Router {
  const router = apiRouter();
  router.use((req, _res, next) => {
    if (looksLikeApi(pathOf(req.originalUrl))) next();
    else next('router');
  });
  for (const handler of options.before) router.use(handler);
  for (const handler of options.guard) router.use(handler);
  return router;
}
