// The security layer in one piece, for createApp: accounts, sessions, audit, demo accounts, the
// guard middleware (mounted before any router) and the routers of session, accounts, audit and
// demo. Built from an open store.
import type { ErrorRequestHandler, Request, RequestHandler, Router } from 'express';
import type { DemoAccount } from '@vpn-console/shared/api/demo';
import { accountsRouter } from '../modules/accounts/accounts-router';
import { AuditLog } from '../modules/audit/audit-log';
import { auditRouter } from '../modules/audit/audit-router';
import { ensureDemoAccounts } from '../modules/demo/demo-accounts';
import { demoRouter } from '../modules/demo/demo-router';
import { sessionRouter } from '../modules/session/session-router';
import type { Store } from '../store/store';
import { Accounts } from './accounts';
import type { CookieOptions } from './cookies';
import { authGuard, bodyErrors, csrfGuard, jsonBody, securityHeaders } from './guard';
import { principalOf } from './principal';
import { RateLimiter, type RateLimitRule } from './rate-limit';
import { defaultSessionTimeouts, Sessions, type SessionTimeouts } from './sessions';

export interface SecurityOptions {
  readonly store: Store;
  readonly cookie: CookieOptions;
  readonly timeouts?: SessionTimeouts;
  /** Demo mode (cloud mode `emulator`): demo accounts kept in this folder. */
  readonly demo?: { readonly dataDir: string } | undefined;
  /** Failed logins per user name, and login attempts per client address. */
  readonly loginLimits?: { readonly perUser: RateLimitRule; readonly perIp: RateLimitRule };
  /** Origins besides the request's own that may send state-changing requests. */
  readonly allowedOrigins?: readonly string[];
  /** How often an open event stream re-checks its session (ms). */
  readonly streamCheckMs?: number;
  readonly now?: () => Date;
}

export interface Security {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly demoAccounts: readonly DemoAccount[] | undefined;
  /** Mount first: headers, CSRF, session + authorisation, JSON body rules. */
  readonly guard: (RequestHandler | ErrorRequestHandler)[];
  /** Mount after the guard: /api/v1/session, /accounts, /audit, /demo. */
  readonly routers: Router[];
  /**
   * For an SSE stream: calls `onEnded` once when the request's session ends (logout, timeout,
   * account disabled). Returns the function that stops watching (call it when the stream
   * closes).
   */
  watchSession(req: Request, onEnded: () => void): () => void;
  /** Stops housekeeping timers (the store is closed by its owner). */
  close(): void;
}

export const defaultLoginLimits = {
  perUser: { limit: 5, windowMs: 15 * 60_000 },
  perIp: { limit: 50, windowMs: 15 * 60_000 },
} as const;

export async function createSecurity(options: SecurityOptions): Promise<Security> {
  const now = options.now ?? (() => new Date());
  const db = options.store.db;
  const accounts = new Accounts(db, now);
  const sessions = new Sessions(db, options.timeouts ?? defaultSessionTimeouts, now);
  const audit = new AuditLog(db, now);
  const demoAccounts =
    options.demo === undefined
      ? undefined
      : await ensureDemoAccounts(options.demo.dataDir, accounts);
  const limits = options.loginLimits ?? defaultLoginLimits;
  const clock = () => now().getTime();
  const streamCheckMs = options.streamCheckMs ?? 5_000;

  const housekeeping = setInterval(() => {
    sessions.purgeExpired().catch(() => undefined);
  }, 10 * 60_000);
  housekeeping.unref();

  const guard: (RequestHandler | ErrorRequestHandler)[] = [
    securityHeaders(),
    csrfGuard(options.allowedOrigins),
    authGuard({ sessions, cookie: options.cookie }),
    ...jsonBody(),
    bodyErrors,
  ];
  const routers = [
    sessionRouter({
      accounts,
      sessions,
      audit,
      cookie: options.cookie,
      demo: demoAccounts !== undefined,
      userLimiter: new RateLimiter(limits.perUser, clock),
      ipLimiter: new RateLimiter(limits.perIp, clock),
    }),
    accountsRouter({ accounts, audit }),
    auditRouter({ audit }),
    demoRouter({ demoAccounts }),
  ];

  function watchSession(req: Request, onEnded: () => void): () => void {
    const principal = principalOf(req);
    let stopped = false;
    const end = () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      onEnded();
    };
    const timer = setInterval(() => {
      if (principal === undefined) {
        end();
        return;
      }
      sessions
        .resolveHash(principal.sessionHash, false)
        .then((p) => {
          if (p === undefined) end();
        })
        .catch(() => undefined);
    }, streamCheckMs);
    timer.unref();
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  return {
    accounts,
    sessions,
    audit,
    demoAccounts,
    guard,
    routers,
    watchSession,
    close: () => {
      clearInterval(housekeeping);
    },
  };
}
