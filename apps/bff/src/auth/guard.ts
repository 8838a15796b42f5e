// The request guard, mounted before every router: security headers, CSRF checks, JSON body
// rules, who is calling (session cookie) and the one authorisation decision per request.
import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import helmet from 'helmet';
import { csrfHeader } from '@vpn-console/shared/api/session';
import { clearSessionCookie, readSessionCookie, type CookieOptions } from './cookies';
import { sendError } from './http';
import { decide as defaultDecide, type Decision } from './policy';
import { principalOf, setPrincipal } from './principal';
import { roleAtLeast } from './roles';
import type { Sessions } from './sessions';

/** JSON bodies above this many bytes answer 413 (VPN configurations are a few KiB). */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** helmet with a strict CSP: nothing but our own origin, no framing, no base, no plugins. */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}`;
}

/**
 * CSRF: a state-changing request must carry `X-Requested-With: XMLHttpRequest` (a custom header
 * forces a CORS preflight cross-origin) and, when the browser sends them, a same-origin `Origin`
 * and a `Sec-Fetch-Site` of `same-origin` or `none`. Refusals answer 403 `CsrfRejected`.
 */
export function csrfGuard(allowedOrigins: readonly string[] = []): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    const origin = req.get('origin');
    const ok =
      req.get(csrfHeader.name) === csrfHeader.value &&
      (site === undefined || site === 'same-origin' || site === 'none') &&
      (origin === undefined || origin === ownOrigin(req) || allowed.has(origin));
    if (ok) {
      next();
      return;
    }
    sendError(res, 403, 'CsrfRejected');
  };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKeyError extends Error {}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * JSON bodies only: a body of another content type answers 415, one above the limit 413,
 * malformed JSON or a prototype-polluting key (`__proto__`, `constructor`, `prototype`) 400.
 */
export function jsonBody(): RequestHandler[] {
  const parse: RequestHandler = express.json({
    limit: JSON_BODY_LIMIT_BYTES,
    strict: true,
    type: () => true,
    reviver: (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError('forbidden key');
      return value;
    },
  });
  const contentType: RequestHandler = (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || !hasBody(req)) {
      next();
      return;
    }
    if (!req.is('application/json')) {
      sendError(res, 415, 'UnsupportedMediaType');
      return;
    }
    parse(req, res, next);
  };
  return [contentType];
}

function errorStatus(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('status' in err)) return undefined;
  return typeof err.status === 'number' ? err.status : undefined;
}

function errorType(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('type' in err)) return undefined;
  return typeof err.type === 'string' ? err.type : undefined;
}

/** Turns body-parser failures into 400/413/415 answers (anything else goes on). */
export const bodyErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const type = errorType(err);
  const status = errorStatus(err);
  if (type === 'entity.too.large') {
    sendError(res, 413, 'PayloadTooLarge');
  } else if (type === 'entity.parse.failed' || err instanceof ForbiddenKeyError) {
    sendError(res, 400, 'MalformedJson');
  } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    sendError(res, 415, 'UnsupportedMediaType');
  } else if (status !== undefined && status >= 400 && status < 500 && type !== undefined) {
    sendError(res, 400, 'MalformedJson');
  } else {
    next(err);
  }
};

export interface AuthGuardOptions {
  readonly sessions: Sessions;
  readonly cookie: CookieOptions;
  readonly decide?: (method: string, path: string) => Decision;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/metrics';
}

/**
 * Who is calling and may they: resolves the session cookie, then applies the policy. No
 * session → 401 `Unauthenticated`; a role below the route's → 403 `Forbidden`; a route the
 * policy does not name → 401/403 as well (default deny). Non-API GETs (the SPA) are public.
 */
export function authGuard(options: AuthGuardOptions): RequestHandler {
  const decide = options.decide ?? defaultDecide;
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readSessionCookie(req, options.cookie);
    if (token !== undefined) {
      const principal = await options.sessions.resolve(token);
      if (principal === undefined) clearSessionCookie(res, options.cookie);
      else setPrincipal(req, principal);
    }
    const path = req.path;
    const decision: Decision = isApiPath(path)
      ? decide(req.method, path)
      : { access: SAFE_METHODS.has(req.method) ? 'public' : 'deny' };
    if (decision.access === 'public') {
      next();
      return;
    }
    const principal = principalOf(req);
    if (principal === undefined) {
      sendError(res, 401, 'Unauthenticated');
      return;
    }
    if (decision.access === 'deny' || !roleAtLeast(principal.role, decision.access)) {
      sendError(res, 403, 'Forbidden');
      return;
    }
    next();
  };
}
