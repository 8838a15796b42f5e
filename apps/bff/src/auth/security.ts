// The security layer in one piece, for createApp: accounts, sessions, audit, demo accounts, the
// guard (mounted before every API router) and the routers of session, accounts, audit and demo.
import type { Request, RequestHandler, Response, Router } from 'express';
import type { DemoAccount } from '@vpn-console/shared/api/demo';
import { accountsRouter } from '../modules/accounts/accounts-router';
import { AuditLog } from '../modules/audit/audit-log';
import { auditRouter, type GatewayNameOf } from '../modules/audit/audit-router';
import { attachAudit, auditRefusal } from '../modules/audit/request-audit';
import { ensureDemoAccounts } from '../modules/demo/demo-accounts';
import { demoRouter } from '../modules/demo/demo-router';
import { sessionRouter } from '../modules/session/session-router';
import { serverSecret } from '../store/server-secrets';
import type { Store } from '../store/store';
import { pskKeys, type PskCheckLimits, type PskKeys } from '../modules/secret-view';
import { Accounts } from './accounts';
import type { CookieOptions } from './cookies';
import { authGuard, csrfGuard, hostGuard } from './guard';
import type { Principal } from './principal';
import { StoreLoginLimits, StoreWindows, type WindowLimits } from './store-limits';
import type { BackoffRule } from './rate-limit';
import { defaultSessionTimeouts, Sessions, type SessionTimeouts } from './sessions';

export interface SecurityOptions {
  readonly store: Store;
  readonly cookie: CookieOptions;
  readonly timeouts?: SessionTimeouts | undefined;
  /** Demo mode (cloud mode `emulator`): demo accounts kept in this folder. */
  readonly demo?: { readonly dataDir: string } | undefined;
  /** Failed logins per user name and per client address. */
  readonly loginLimits?: { readonly perUser: BackoffRule; readonly perIp: BackoffRule };
  /** `Host` names answered (DNS rebinding); undefined: any. */
  readonly allowedHosts?: readonly string[] | undefined;
  /** Bearer token for Prometheus to read /metrics without a session (else admins only). */
  readonly metricsToken?: string | undefined;
  /** Origins besides the request's own host that may send state-changing requests. */
  readonly allowedOrigins?: readonly string[];
  /** How often an open event stream re-checks its session (ms). */
  readonly streamCheckMs?: number;
  /**
   * A session ended (logout, timeout, account disabled) while it had an event stream: end
   * that stream with a `logout` event (the app passes `hub.logout`).
   */
  readonly onStreamSessionEnded?: (sessionHash: string) => void;
  /** A gateway's name now, to name gateways in the audit log (issue 17). */
  readonly gatewayName?: GatewayNameOf;
  /** Limits of `POST …/psk/check`. */
  readonly pskCheckLimits?: PskCheckLimits;
  readonly now?: () => Date;
}

export interface Security {
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly audit: AuditLog;
  readonly demoAccounts: readonly DemoAccount[] | undefined;
  /** Mount before every API router: CSRF, session + authorisation (default deny). */
  readonly guard: RequestHandler[];
  /** PSK fingerprints keyed with the store's secret; the "does this key match?" limits. */
  readonly pskKeys: PskKeys;
  /** Fixed-window limits counted in the store, for every replica (the watch budget). */
  readonly windows: WindowLimits;
  /** Mount with the API routers: /api/v1/session, /accounts, /audit, /demo. */
  readonly routers: Router[];
  /** Stops timers (the store is closed by its owner). */
  close(): void;
}

/**
 * Failed logins (0030, "Login rate limit"): 5 per name, then waits of 1 s, 2 s, 4 s, … up to
 * 15 minutes; 50 per address, then waits from 1 s up to 1 minute (an address is only slowed).
 * Forgotten after 15 minutes without a failure.
 */
const defaultLoginLimits = {
  perUser: { limit: 5, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
  perIp: { limit: 50, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 60_000 },
} as const;

const EVENTS_PATH = '/api/v1/events';

export async function createSecurity(options: SecurityOptions): Promise<Security> {
  const now = options.now ?? (() => new Date());
  const db = options.store.db;
  const sessions = new Sessions(db, options.timeouts ?? defaultSessionTimeouts, now);
  const accounts = new Accounts(db, now, (id) => {
    sessions.forgetAccount(id);
  });
  const audit = new AuditLog(db, now);
  const clock = () => now().getTime();
  // In the store: every replica counts the same checks and watch calls (issue 16).
  const windows = new StoreWindows(db, clock);
  const keys = pskKeys(await serverSecret(db, 'psk-fingerprint'), {
    windows,
    ...(options.pskCheckLimits === undefined ? {} : { limits: options.pskCheckLimits }),
  });
  const demoAccounts =
    options.demo === undefined
      ? undefined
      : await ensureDemoAccounts(options.demo.dataDir, accounts);
  const limits = options.loginLimits ?? defaultLoginLimits;
  const streamCheckMs = options.streamCheckMs ?? 5_000;
  const onStreamSessionEnded = options.onStreamSessionEnded ?? (() => undefined);
  const timers = new Set<NodeJS.Timeout>();

  const housekeeping = setInterval(() => {
    sessions.purgeExpired().catch(() => undefined);
  }, 10 * 60_000);
  housekeeping.unref();
  timers.add(housekeeping);

  /**
   * Open event streams by session. One sweep every `streamCheckMs` reads all their sessions from
   * the store in one query (not one timer and query per stream); a session found ended ends its
   * streams with `logout`. Worst case after a logout, timeout or disable made elsewhere (CLI,
   * another BFF): `streamCheckMs`; a logout through this BFF ends its streams at once.
   */
  const streams = new Map<string, Set<Response>>();
  let sweeping = false;
  const sweep = async () => {
    if (sweeping || streams.size === 0) return;
    sweeping = true;
    try {
      const hashes = [...streams.keys()];
      const live = await sessions.liveOf(hashes);
      for (const hash of hashes) {
        if (live.has(hash) || !streams.has(hash)) continue;
        streams.delete(hash);
        onStreamSessionEnded(hash);
      }
    } finally {
      sweeping = false;
    }
  };
  const sweeper = setInterval(() => {
    sweep().catch(() => undefined);
  }, streamCheckMs);
  sweeper.unref();
  timers.add(sweeper);

  const watchStream = (req: Request, res: Response, principal: Principal) => {
    if (req.method !== 'GET' || !req.originalUrl.startsWith(EVENTS_PATH)) return;
    const hash = principal.sessionHash;
    let open = streams.get(hash);
    if (open === undefined) {
      open = new Set();
      streams.set(hash, open);
    }
    open.add(res);
    res.on('close', () => {
      const set = streams.get(hash);
      if (set === undefined) return;
      set.delete(res);
      if (set.size === 0) streams.delete(hash);
    });
  };

  const guard: RequestHandler[] = [
    ...(options.allowedHosts === undefined ? [] : [hostGuard(options.allowedHosts)]),
    csrfGuard(options.allowedOrigins),
    authGuard({
      sessions,
      cookie: options.cookie,
      onPrincipal: (req, res, principal) => {
        attachAudit(req, audit, keys);
        watchStream(req, res, principal);
      },
      onRefused: (req, principal, action) => auditRefusal(req, principal, action),
      metricsToken: options.metricsToken,
    }),
  ];
  const routers = [
    sessionRouter({
      accounts,
      sessions,
      audit,
      cookie: options.cookie,
      demo: demoAccounts !== undefined,
      // In the store: every replica counts the same failures (issue 16).
      loginLimits: new StoreLoginLimits(db, limits, clock),
      onLogout: onStreamSessionEnded,
    }),
    accountsRouter({ accounts, sessions, audit }),
    auditRouter({ audit, gatewayName: options.gatewayName }),
    demoRouter({ demoAccounts }),
  ];

  return {
    accounts,
    sessions,
    audit,
    demoAccounts,
    guard,
    pskKeys: keys,
    windows,
    routers,
    close: () => {
      for (const t of timers) clearInterval(t);
      timers.clear();
      streams.clear();
    },
  };
}
