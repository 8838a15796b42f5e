// POST /api/v1/session (login), GET (who am I), DELETE (logout).
import type { Request, Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import { loginRequestSchema, type SessionView } from '@vpn-console/shared/api/session';
import type { Accounts } from '../../auth/accounts';
import {
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
  type CookieOptions,
} from '../../auth/cookies';
import { sendError, zodIssues } from '../../auth/http';
import { principalOf, type Principal } from '../../auth/principal';
import type { LoginLimits } from '../../auth/store-limits';
import type { Sessions } from '../../auth/sessions';
import type { AuditLog } from '../audit/audit-log';

export interface SessionRouterDeps {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly cookie: CookieOptions;
  readonly demo: boolean;
  /** Failed logins per user name and per client address (in the store: shared by replicas). */
  readonly loginLimits: LoginLimits;
  /** Called with the session's hash on logout (ends its event streams). */
  readonly onLogout?: (sessionHash: string) => void;
}

function view(p: Principal, deps: SessionRouterDeps): SessionView {
  return {
    account: { id: p.accountId, username: p.username, role: p.role },
    demo: deps.demo,
    expiresAt: p.expiresAt.toISOString(),
    idleTimeoutSeconds: Math.round(deps.sessions.timeouts.idleMs / 1000),
  };
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

export function sessionRouter(deps: SessionRouterDeps): Router {
  const router = apiRouter();

  mount(router, 'login', async (req, res) => {
    const body = loginRequestSchema.safeParse(req.body);
    if (!body.success) {
      sendError(res, 400, 'ValidationFailed', zodIssues(body.error));
      return;
    }
    const { username, password } = body.data;
    const ip = clientIp(req);
    // One key per person however the name is typed (`Admin`, ` ADMIN`, full-width letters).
    const userKey = username.normalize('NFKC').trim().toLowerCase();
    // Checked and counted in one step BEFORE the hash is checked (one transaction in the store,
    // whichever replica takes it), so parallel attempts cannot all pass the check while the
    // first ones are being verified; a success gives the name's attempts back.
    const wait = await deps.loginLimits.attempt(userKey, ip);
    if (wait > 0) {
      await deps.audit.record({
        category: 'auth',
        action: 'login',
        outcome: 'failure',
        actor: { id: null, username, role: null },
        errorCode: 'TooManyRequests',
        clientIp: ip,
      });
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      sendError(res, 429, 'TooManyRequests');
      return;
    }
    // A previous session of this browser ends: every login gets a new id.
    const previous = readSessionCookie(req, deps.cookie);
    if (previous !== undefined) await deps.sessions.destroy(previous);
    const account = await deps.accounts.verifyLogin(username, password);
    if (account === undefined) {
      await deps.audit.record({
        category: 'auth',
        action: 'login',
        outcome: 'failure',
        actor: { id: null, username, role: null },
        errorCode: 'InvalidCredentials',
        clientIp: ip,
      });
      sendError(res, 401, 'InvalidCredentials');
      return;
    }
    await deps.loginLimits.succeeded(userKey, ip);
    const { token } = await deps.sessions.create(account.id);
    const principal = await deps.sessions.resolve(token, false);
    if (principal === undefined) throw new Error('session vanished right after login');
    await deps.audit.record({
      category: 'auth',
      action: 'login',
      outcome: 'success',
      actor: { id: account.id, username: account.username, role: account.role },
      clientIp: ip,
    });
    setSessionCookie(res, token, deps.cookie);
    res.set('Cache-Control', 'no-store');
    res.status(201).json(view(principal, deps));
  });

  mount(router, 'getSession', (req, res) => {
    const principal = principalOf(req);
    if (principal === undefined) {
      sendError(res, 401, 'Unauthenticated');
      return;
    }
    res.set('Cache-Control', 'no-store');
    res.json(view(principal, deps));
  });

  mount(router, 'logout', async (req, res) => {
    const token = readSessionCookie(req, deps.cookie);
    const principal = principalOf(req);
    if (token !== undefined) await deps.sessions.destroy(token);
    if (principal !== undefined) {
      deps.onLogout?.(principal.sessionHash);
      await deps.audit.record({
        category: 'auth',
        action: 'logout',
        outcome: 'success',
        actor: { id: principal.accountId, username: principal.username, role: principal.role },
        clientIp: clientIp(req),
      });
    }
    clearSessionCookie(res, deps.cookie);
    res.status(204).end();
  });

  return router;
}
