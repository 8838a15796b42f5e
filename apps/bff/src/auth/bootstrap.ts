// Opens the store the config names (PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR) and
// builds the security layer on it; demo accounts when the cloud is emulated.
import type { Config } from '../config';
import { openStore, type Store, type StoreOptions } from '../store/store';
import { createSecurity, type Security, type SecurityOptions } from './security';

export interface StartedSecurity {
  readonly store: Store;
  readonly security: Security;
  close(): Promise<void>;
}

export interface StartSecurityOptions {
  /** Demo mode: the cloud is the emulator. */
  readonly demo: boolean;
  /** Override where the store lives (tests: `{ memory: true }`). */
  readonly store?: StoreOptions;
  /** Use this already open store instead (left open by `close`; tests share one per file). */
  readonly openStore?: Store;
  readonly onStreamSessionEnded?: SecurityOptions['onStreamSessionEnded'];
  readonly gatewayName?: SecurityOptions['gatewayName'];
  readonly loginLimits?: SecurityOptions['loginLimits'];
  readonly pskCheckLimits?: SecurityOptions['pskCheckLimits'];
  /** The security layer's clock (tests: a fake one). */
  readonly now?: SecurityOptions['now'];
  readonly streamCheckMs?: number;
}

/** Demo mode's default `Host` list: the bound address and the loopback names. */
export function demoAllowedHosts(boundHost: string): string[] {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  const wildcard = boundHost === '0.0.0.0' || boundHost === '::' || boundHost === '[::]';
  return wildcard ? names : [...new Set([boundHost.toLowerCase(), ...names])];
}

export async function startSecurity(
  config: Config,
  options: StartSecurityOptions,
): Promise<StartedSecurity> {
  const storeOptions: StoreOptions =
    options.store ??
    (config.databaseUrl === undefined
      ? { dataDir: config.dataDir }
      : { databaseUrl: config.databaseUrl });
  const ownStore = options.openStore === undefined;
  const store = options.openStore ?? (await openStore(storeOptions));
  try {
    const security = await createSecurity({
      store,
      cookie: { secure: config.security.cookieSecure },
      timeouts: {
        idleMs: config.security.sessionIdleMs,
        absoluteMs: config.security.sessionAbsoluteMs,
      },
      demo: options.demo ? { dataDir: config.dataDir } : undefined,
      allowedOrigins: config.security.allowedOrigins,
      metricsToken: config.security.metricsToken,
      allowedHosts:
        config.security.allowedHosts ?? (options.demo ? demoAllowedHosts(config.host) : undefined),
      ...(options.onStreamSessionEnded === undefined
        ? {}
        : { onStreamSessionEnded: options.onStreamSessionEnded }),
      ...(options.gatewayName === undefined ? {} : { gatewayName: options.gatewayName }),
      ...(options.loginLimits === undefined ? {} : { loginLimits: options.loginLimits }),
      ...(options.pskCheckLimits === undefined ? {} : { pskCheckLimits: options.pskCheckLimits }),
      ...(options.now === undefined ? {} : { now: options.now }),
      ...(options.streamCheckMs === undefined ? {} : { streamCheckMs: options.streamCheckMs }),
    });
    return {
      store,
      security,
      close: async () => {
        security.close();
        if (ownStore) await store.close();
      },
    };
  } catch (error) {
    if (ownStore) await store.close();
    throw error;
  }
}
