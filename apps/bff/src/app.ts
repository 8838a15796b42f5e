// createApp(deps): middleware, routers, 404, one error handler. No listen (server.ts does that).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeAt } from '@vpn-console/shared/api/paths';
import type { ApiErrorBody } from '@vpn-console/shared/api/errors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import { z } from 'zod';
import { securityHeaders } from './auth/guard';
import type { WindowLimits } from './auth/store-limits';
import { guardedApiRouter } from './http/api-router';
import { assertRoutesMatchTable } from './http/route-table';
import { HttpError, toApiError } from './http/errors';
import { spaRouter } from './http/spa';
import { customerGatewaysRouter } from './modules/customer-gateways/router';
import { eventsRouter } from './modules/events/router';
import { historyRouter, type HistoryDeps } from './history/router';
import { healthRouter } from './modules/health/router';
import { ipsecServersRouter } from './modules/ipsec-servers/router';
import { openapiRouter } from './modules/openapi/router';
import { operationsRouter } from './modules/operations/router';
import { peerConfigRouter } from './modules/peer-config/router';
import { remoteAccessRouter } from './modules/remote-access/router';
import { sslVpnServersRouter } from './modules/ssl-vpn-servers/router';
import { vpnConnectionsRouter } from './modules/vpn-connections/router';
import { vpnGatewaysRouter } from './modules/vpn-gateways/router';
import type { PskKeys } from './modules/secret-view';
import type { Runtime } from './runtime';
import { demoControlRouter } from './modules/demo/control-router';

export interface AppDeps {
  runtime: Runtime;
  /**
   * The security layer, required (deny by default): `guard` runs before every API router
   * (sessions, CSRF, roles), `routers` are mounted with the API routers (session, accounts,
   * audit, demo). Production passes `createSecurity`'s; code that wants no sessions (benches)
   * must pass the explicitly named permissive layer of `bench/permissive-security.ts`.
   */
  security: AppSecurity;
  /**
   * The status history store (issue 15). Its routes are in the route table: without it the app
   * does not start, unless `coreOnly`.
   */
  history?: HistoryDeps;
  /**
   * The benchmark's BFF core alone (no security routers, no history): the start-up check then
   * refuses only handlers the route table does not name, not the table's routes left unmounted.
   */
  coreOnly?: boolean;
}

export interface AppSecurity {
  readonly guard: readonly RequestHandler[];
  /** The keyed PSK fingerprints and the "does this key match?" limits (modules/secret-view.ts). */
  readonly pskKeys: PskKeys;
  /** Callers' fixed-window limits, counted for every replica (auth/store-limits.ts). */
  readonly windows: WindowLimits;
  readonly routers: readonly express.Router[];
}

const requestIdSchema = z.string().regex(/^[A-Za-z0-9._-]{8,64}$/);

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** 415 for a write with a body that is not JSON (rather than silently ignoring it). */
const requireJson: RequestHandler = (req, _res, next) => {
  const length = Number(req.headers['content-length'] ?? '0');
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (WRITE_METHODS.has(req.method) && (length > 0 || chunked) && !req.is('application/json')) {
    next(new HttpError(415, 'UnsupportedMediaType', 'Send JSON (Content-Type: application/json).'));
    return;
  }
  next();
};

const bodyParserErrorSchema = z.object({ type: z.string(), status: z.number().optional() });

export const createApp = (deps: AppDeps): Express => {
  const { runtime } = deps;
  const app = express();
  app.disable('x-powered-by');
  // The client address (login limits, audit) honours TRUST_PROXY; nothing is trusted by default.
  app.set('trust proxy', runtime.config.security.trustProxy);
  // Only the exact spelling of a route reaches it (no `/API/…`, no trailing slash).
  app.set('case sensitive routing', true);
  app.set('strict routing', true);
  app.set('query parser', 'simple');

  const requestId = (req: IncomingMessage, res: ServerResponse): string => {
    const given = requestIdSchema.safeParse(req.headers['x-request-id']);
    const id = given.success ? given.data : randomUUID();
    res.setHeader('X-Request-Id', id);
    return id;
  };
  const levelOf = (status: number, err?: unknown) =>
    err !== undefined || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  const httpLogger = pinoHttp({
    logger: runtime.logger,
    genReqId: requestId,
    // Never log query strings (they could carry ids someone considers sensitive) or bodies.
    serializers: {
      req: (req: { id: unknown; method: unknown; url?: unknown }) => ({
        id: req.id,
        method: req.method,
        path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
      }),
    },
    customLogLevel: (_req, res, err) => levelOf(res.statusCode, err),
    autoLogging: {
      ignore: (req) => req.url === '/metrics' || (req.url ?? '').startsWith('/api/v1/health'),
    },
  });
  // An event stream lives for hours: pino-http would keep a child logger (and its serialised
  // bindings) per stream all that time (issue 18). Its request is logged the same way when it
  // ends, by the app's logger, and `req.log` is that shared logger.
  const stream = routeAt('events');
  app.use((req, res, next) => {
    if (req.method !== stream.method || req.path !== stream.path) {
      httpLogger(req, res, next);
      return;
    }
    const id = requestId(req, res);
    req.id = id;
    req.log = runtime.logger;
    const started = Date.now();
    res.once('close', () => {
      runtime.logger[levelOf(res.statusCode)](
        {
          req: { id, method: req.method, path: req.path },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - started,
        },
        res.writableEnded ? 'request completed' : 'request aborted',
      );
    });
    next();
  });
  app.use((req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const route: unknown = req.route;
      const routePath = z.object({ path: z.string() }).safeParse(route);
      runtime.metrics.httpRequest(
        req.method,
        routePath.success ? routePath.data.path : 'unmatched',
        res.statusCode,
        (performance.now() - started) / 1000,
      );
    });
    next();
  });
  // Strict CSP (default-src 'self', frame-ancestors/base-uri/object-src 'none'): auth/guard.ts.
  app.use(securityHeaders());
  // Deny by construction: every API route (and /metrics) lives in `api`, behind the guard.
  const api = guardedApiRouter({
    before: [requireJson, express.json({ limit: '100kb', strict: true })],
    guard: deps.security.guard,
  });
  app.use(api);

  // ── API routers: register resource routers here (one place), always on `api` ──────────────
  api.use(healthRouter(runtime));
  api.use(openapiRouter());
  api.use(eventsRouter(runtime, deps.security.windows));
  api.use(operationsRouter(runtime));
  api.use(vpnGatewaysRouter(runtime, deps.security.pskKeys));
  api.use(customerGatewaysRouter(runtime));
  api.use(ipsecServersRouter(runtime, deps.security.pskKeys));
  api.use(vpnConnectionsRouter(runtime, deps.security.pskKeys));
  api.use(peerConfigRouter(runtime));
  api.use(sslVpnServersRouter(runtime, deps.security.pskKeys));
  api.use(remoteAccessRouter(runtime, deps.security.pskKeys));
  if (deps.history) api.use(historyRouter(runtime, deps.history));
  api.use(demoControlRouter(runtime));
  for (const router of deps.security.routers) api.use(router);
  // ──────────────────────────────────────────────────────────────────────────────────────────

  // The shared route table and what is mounted are the same list, or the app does not start.
  assertRoutesMatchTable(api, { coreOnly: deps.coreOnly === true });

  api.use((_req, _res, next) => {
    next(new HttpError(404, 'RouteNotFound', 'No such API route.'));
  });
  const spa = spaRouter(runtime.config.staticDir);
  if (spa) app.use(spa);

  const errorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    let error = err;
    const parserError = bodyParserErrorSchema.safeParse(err);
    if (!(err instanceof HttpError) && parserError.success) {
      if (parserError.data.type === 'entity.parse.failed') {
        error = new HttpError(400, 'MalformedJson', 'The body is not valid JSON.');
      } else if (parserError.data.type === 'entity.too.large') {
        error = new HttpError(413, 'PayloadTooLarge', 'The body is too large.');
      } else if (parserError.data.status !== undefined && parserError.data.status < 500) {
        error = new HttpError(
          parserError.data.status,
          'MalformedJson',
          'The body could not be read.',
        );
      }
    }
    if (err instanceof URIError) {
      // The router could not percent-decode a path parameter (`%.0`, `%E0%A4%A`).
      error = new HttpError(400, 'ValidationFailed', 'The path is not valid percent-encoding.', [
        { path: '', code: 'INVALID_FORMAT' },
      ]);
    }
    const apiError = toApiError(error);
    if (apiError.httpStatus >= 500 && apiError.code === 'InternalError') {
      req.log.error({ err }, 'unhandled error');
    }
    const body: ApiErrorBody = { error: apiError };
    res.status(apiError.httpStatus).json(body);
  };
  app.use(errorHandler);
  return app;
};
