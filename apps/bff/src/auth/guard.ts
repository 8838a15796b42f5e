// The request guard, mounted before every API router: CSRF checks, who is calling (session
// cookie) and the one authorisation decision per request; plus the security headers (helmet).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { csrfHeader } from '@vpn-console/shared/api/session';
import { clearSessionCookie, readSessionCookie, type CookieOptions } from './cookies';
import { sendError } from './http';
import { decide as defaultDecide, type Decision } from './policy';
import { principalOf, setPrincipal, type Principal } from './principal';
import { roleAtLeast } from './roles';
import type { Sessions } from './sessions';

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
        // Component libraries set style attributes at run time; scripts stay strict.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}

/**
 * DNS rebinding: only these `Host` names (port ignored) are answered; any other gets 421
 * `HostNotAllowed`. Demo mode always has a list (the bound address and localhost).
 */
export function hostGuard(allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return (req, res, next) => {
    const host = req.get('host') ?? '';
    let name: string;
    try {
      name = new URL(`http://${host}`).hostname.toLowerCase();
    } catch {
      name = '';
    }
    if (allowed.has(name)) {
      next();
      return;
    }
    sendError(res, 421, 'HostNotAllowed');
  };
}

/** Same origin: the Origin's host is the Host the request came to (the scheme may differ behind
 * a TLS-terminating proxy, which this BFF does not trust for X-Forwarded-*). */
function sameOrigin(req: Request, origin: string): boolean {
  try {
    const host = req.get('host');
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
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
      (origin === undefined || allowed.has(origin) || sameOrigin(req, origin));
    if (ok) {
      next();
      return;
    }
    sendError(res, 403, 'CsrfRejected');
  };
}

export interface AuthGuardOptions {
  readonly sessions: Sessions;
  readonly cookie: CookieOptions;
  readonly decide?: (method: string, path: string) => Decision;
  /** Called with every signed-in request (e.g. to watch an event stream's session). */
  readonly onPrincipal?: (req: Request, res: Response, principal: Principal) => void;
  /** A signed-in caller refused by role on a route the policy audits refusals of. */
  /** A bearer token that may read /metrics without a session (Prometheus). */
  readonly metricsToken?: string | undefined;
  readonly onRefused?: (req: Request, principal: Principal, auditAction: string) => Promise<void>;
}

/** `Authorization: Bearer <token>` equals `token` (compared in constant time). */
function bearerMatches(req: Request, token: string | undefined): boolean {
  if (token === undefined) return false;
  const given = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The path as the client sent it (the guard may be mounted under `/api`). */
function fullPath(req: Request): string {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * Who is calling and may they: resolves the session cookie, then applies the policy. No
 * session → 401 `Unauthenticated`; a role below the route's → 403 `Forbidden`; a route the
 * policy does not name is never handed on (default deny): 401 without a session, 404
 * `RouteNotFound` with one. It runs inside the guarded API router only (the SPA never sees it).
 */
export function authGuard(options: AuthGuardOptions): RequestHandler {
  const decide = options.decide ?? defaultDecide;
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readSessionCookie(req, options.cookie);
    if (token !== undefined) {
      const principal = await options.sessions.resolve(token);
      if (principal === undefined) clearSessionCookie(res, options.cookie);
      else {
        setPrincipal(req, principal);
        // The events router names a stream's owner by this (hub.logout ends its streams).
        res.locals.sessionId = principal.sessionHash;
        options.onPrincipal?.(req, res, principal);
      }
    }
    // Mounted inside the guarded API router (http/api-router.ts): every request it sees is an
    // API request, under whatever spelling; only the policy's exact paths get through.
    const path = fullPath(req);
    if (path === '/metrics' && bearerMatches(req, options.metricsToken)) {
      next();
      return;
    }
    const decision: Decision = decide(req.method, path);
    if (decision.access === 'public') {
      next();
      return;
    }
    const principal = principalOf(req);
    if (principal === undefined) {
      sendError(res, 401, 'Unauthenticated');
      return;
    }
    if (decision.access === 'deny') {
      // Nothing the policy names: no handler runs. Signed-in callers learn it is no route.
      sendError(res, 404, 'RouteNotFound');
      return;
    }
    if (!roleAtLeast(principal.role, decision.access)) {
      if ('auditRefusal' in decision && decision.auditRefusal !== undefined) {
        await options.onRefused?.(req, principal, decision.auditRefusal);
      }
      sendError(res, 403, 'Forbidden');
      return;
    }
    next();
  };
}
