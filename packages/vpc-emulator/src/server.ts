import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AccessKey } from './auth';
import { CONTROL_PREFIX, handleControl } from './control';
import { EmulatorCore, type SeedName, type SslVpnServerPki } from './core';
import type { ScaleOptions } from './seed-scale';
import { ApiError, apiErrors } from './errors';
import type { FaultRule } from './faults';
import { errorBody, sendJson } from './http';
import { handleRpc } from './rpc';
import type { EmulatorState, PeerProfile } from './state';

export type { AccessKey } from './auth';
export type { SslVpnServerPki } from './core';
export type { FaultRule } from './faults';
export { CONTROL_PREFIX } from './control';
export { API_VERSION } from './rpc';

/** The key pair used when no `accessKeys` are given. */
export const DEFAULT_ACCESS_KEY: AccessKey = {
  accessKeyId: 'LTAI-emulator-demo-key',
  accessKeySecret: 'emulator-demo-secret',
};

/** How long a (re)started negotiation takes to its final status unless told otherwise. */
export const DEFAULT_NEGOTIATION_MS = 2000;

export interface EmulatorOptions {
  host?: string;
  port?: number;
  seed?: SeedName;
  /** Options of the `scale` seed (issue 18). */
  scale?: ScaleOptions;
  /** Calls per second each AccessKey may make; past it `Throttling.User` with `x-acs-retry-after`. */
  rateLimit?: number;
  accessKeys?: AccessKey[];
  /** How long a gateway stays `updating` after a write (default 3000). */
  updatingMs?: number;
  /** Time from the end of `updating` until a connection's negotiation status settles (default 2000). */
  negotiationMs?: number;
  /** Serve the unsigned control API under `/__emulator/` (default false: 404). */
  faultControl?: boolean;
  /** Loaded on start when it exists; saved after every change and on close. */
  stateFile?: string;
  /** Emulated wall clock (epoch ms); also used for timestamp checks. */
  clock?: () => number;
}

export interface RunningEmulator {
  url: string;
  close(): Promise<void>;
  faults: { inject(rule: FaultRule): void; clear(): void };
  /** Calls received per Action (every call that named an action, whatever its outcome). */
  calls(): Record<string, number>;
  resetCalls(): void;
  /** Calls refused by the rate limit so far (0 without one). */
  rateLimited(): number;
  /** Force a gateway's lifecycle status: `updating` for `forMs` (default updatingMs), or `active` now. */
  setGatewayStatus(vpnGatewayId: string, status: 'active' | 'updating', forMs?: number): void;
  setBusinessStatus(vpnGatewayId: string, status: 'Normal' | 'FinancialLocked'): void;
  /** Replace the simulated peer behind a customer gateway. */
  setPeerProfile(customerGatewayId: string, profile: PeerProfile): void;
  /**
   * What the cloud side of an SSL-VPN server holds, so a test can stand up a real OpenVPN server as
   * the gateway: its CA, server certificate and key, settings, and the ids of its client
   * certificates that exist (a deleted certificate is revoked).
   */
  sslVpnServerPki(sslVpnServerId: string): SslVpnServerPki;
  /** A deep copy of the whole state. */
  snapshot(): EmulatorState;
  /** Replace the state with a fresh seed (calls, faults and nonces are kept). */
  reset(seed: SeedName): void;
}

/**
 * Start an emulated VPC endpoint: the state and its levers live in `EmulatorCore`, RPC calls go
 * through `rpc.ts` (and actions through `operations/registry.ts`), the test API through `control.ts`.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const core = new EmulatorCore({
    seed: options.seed ?? 'demo',
    accessKeys: options.accessKeys ?? [DEFAULT_ACCESS_KEY],
    updatingMs: options.updatingMs ?? 3000,
    negotiationMs: options.negotiationMs ?? DEFAULT_NEGOTIATION_MS,
    stateFile: options.stateFile,
    clock: options.clock ?? Date.now,
    scale: options.scale,
    rateLimit: options.rateLimit,
  });
  const pending = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const requestId = randomUUID().toUpperCase();
    res.setHeader('x-acs-request-id', requestId);
    const url = req.url ?? '/';
    let task: Promise<void>;
    if (!url.startsWith(CONTROL_PREFIX)) task = handleRpc(core, pending, req, res, url, requestId);
    else if (options.faultControl === true)
      task = handleControl(core, req, res, url.split('?')[0] ?? url);
    else {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    task.catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const apiError = error instanceof ApiError ? error : apiErrors.internalError();
      sendJson(res, apiError.httpStatus, errorBody(requestId, apiError), apiError.headers);
    });
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  core.save();
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The emulator is not listening on TCP');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    async close() {
      for (const res of pending) res.destroy();
      pending.clear();
      core.save();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
        server.closeAllConnections();
      });
    },
    faults: {
      inject: (rule) => {
        core.faults.inject(rule);
      },
      clear: () => {
        core.faults.clear();
      },
    },
    calls: () => Object.fromEntries(core.callCounts),
    resetCalls: () => {
      core.callCounts.clear();
    },
    rateLimited: () => core.rateLimit?.refused ?? 0,
    setGatewayStatus: (id, status, forMs) => {
      core.setGatewayStatus(id, status, forMs);
    },
    setBusinessStatus: (id, status) => {
      core.setBusinessStatus(id, status);
    },
    sslVpnServerPki: (id) => core.sslVpnServerPki(id),
    setPeerProfile: (id, profile) => {
      core.setPeerProfile(id, profile);
    },
    snapshot: () => core.snapshot(),
    reset: (seed) => {
      core.reset(seed);
    },
  };
}
