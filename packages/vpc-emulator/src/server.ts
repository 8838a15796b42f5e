import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { authenticate, NonceStore, type AccessKey } from './auth';
import { ApiError, apiErrors } from './errors';
import { FaultBoard, faultRuleSchema, type FaultRule } from './faults';
import type { Operation, OperationContext, WireObject } from './operations/context';
import { OPERATIONS } from './operations/registry';
import { Params } from './params';
import { isKnownRegion } from './regions';
import { checkClientToken } from './rules';
import { demoState } from './seed';
import {
  emptyState,
  peerProfileSchema,
  stateSchema,
  type EmulatorState,
  type PeerProfile,
} from './state';

export type { AccessKey } from './auth';
export type { FaultRule } from './faults';

export const API_VERSION = '2016-04-28';
export const CONTROL_PREFIX = '/__emulator/';

/** The key pair used when no `accessKeys` are given. */
export const DEFAULT_ACCESS_KEY: AccessKey = {
  accessKeyId: 'LTAI-emulator-demo-key',
  accessKeySecret: 'emulator-demo-secret',
};

export interface EmulatorOptions {
  host?: string;
  port?: number;
  seed?: 'empty' | 'demo';
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
  /** Force a gateway's lifecycle status: `updating` for `forMs` (default updatingMs), or `active` now. */
  setGatewayStatus(vpnGatewayId: string, status: 'active' | 'updating', forMs?: number): void;
  setBusinessStatus(vpnGatewayId: string, status: 'Normal' | 'FinancialLocked'): void;
  /** Replace the simulated peer behind a customer gateway. */
  setPeerProfile(customerGatewayId: string, profile: PeerProfile): void;
  /** A deep copy of the whole state. */
  snapshot(): EmulatorState;
  /** Replace the state with a fresh seed (calls, faults and nonces are kept). */
  reset(seed: 'empty' | 'demo'): void;
}

const SIGNING_PARAMS = new Set([
  'Signature',
  'SignatureNonce',
  'SignatureMethod',
  'SignatureVersion',
  'Timestamp',
  'AccessKeyId',
  'Format',
  'Version',
  'Action',
  'DryRun',
  'SecurityToken',
]);

const IDEMPOTENCY_LIMIT = 5000;

/** Actions whose error tables document `Forbbiden.SubUser` (seeds 002, 003). */
const SUB_USER_ACTIONS = new Set(['CreateVpnConnection', 'CreateSslVpnServer']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_048_576) {
        reject(new ApiError('InvalidParameter', 413, 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function errorBody(requestId: string, error: ApiError): WireObject {
  return {
    RequestId: requestId,
    HostId: 'vpc.aliyuncs.com',
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Vpc&requestId=${requestId}`,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const gatewayStatusBodySchema = z.object({
  status: z.enum(['active', 'updating']).optional(),
  forMs: z.number().int().nonnegative().optional(),
  businessStatus: z.enum(['Normal', 'FinancialLocked']).optional(),
});
const resetBodySchema = z.object({ seed: z.enum(['empty', 'demo']) });

function parseJsonBody(body: Buffer): unknown {
  try {
    return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clock = options.clock ?? Date.now;
  const updatingMs = options.updatingMs ?? 3000;
  const negotiationMs = options.negotiationMs ?? 2000;
  const keys = new Map<string, AccessKey>(
    (options.accessKeys ?? [DEFAULT_ACCESS_KEY]).map((k) => [k.accessKeyId, k]),
  );
  const nonces = new NonceStore();
  const faults = new FaultBoard();
  const callCounts = new Map<string, number>();
  const pending = new Set<ServerResponse>();

  const seedState = (seed: 'empty' | 'demo'): EmulatorState =>
    seed === 'demo' ? demoState(clock(), updatingMs) : emptyState();

  let state: EmulatorState;
  if (options.stateFile !== undefined && existsSync(options.stateFile)) {
    state = stateSchema.parse(JSON.parse(readFileSync(options.stateFile, 'utf8')));
  } else {
    state = seedState(options.seed ?? 'demo');
  }

  const save = () => {
    if (options.stateFile === undefined) return;
    const tmp = `${options.stateFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, options.stateFile);
  };

  const findGateway = (id: string) => {
    const gateway = state.gateways.find((g) => g.VpnGatewayId === id);
    if (gateway === undefined) throw new Error(`No VPN gateway ${id}`);
    return gateway;
  };
  const setGatewayStatus = (id: string, status: 'active' | 'updating', forMs?: number) => {
    findGateway(id).UpdatingUntil = status === 'updating' ? clock() + (forMs ?? updatingMs) : 0;
    save();
  };
  const setBusinessStatus = (id: string, status: 'Normal' | 'FinancialLocked') => {
    findGateway(id).BusinessStatus = status;
    save();
  };
  const setPeerProfile = (id: string, profile: PeerProfile) => {
    const cgw = state.customerGateways.find((c) => c.CustomerGatewayId === id);
    if (cgw === undefined) throw new Error(`No customer gateway ${id}`);
    cgw.Peer = peerProfileSchema.parse(profile);
    save();
  };

  function runOperation(
    action: string,
    operation: Operation,
    params: Params,
    key: AccessKey,
    now: number,
  ): WireObject {
    const regionId = params.str('RegionId');
    if (action !== 'DescribeRegions') {
      if (regionId === undefined) throw apiErrors.missingParameter('RegionId');
      if (!isKnownRegion(regionId)) throw apiErrors.regionNotFound(regionId);
    }
    if (!operation.write) {
      return operation.run(makeContext(params, now, regionId ?? 'cn-hangzhou', false));
    }
    if (key.readOnly === true) throw apiErrors.forbidden();
    if (key.ramSubUser === true) {
      throw SUB_USER_ACTIONS.has(action) ? apiErrors.forbiddenSubUser() : apiErrors.forbidden();
    }
    const dryRunText = params.str('DryRun');
    if (dryRunText !== undefined && dryRunText !== 'true' && dryRunText !== 'false') {
      throw apiErrors.invalidParameter('DryRun');
    }
    const dryRun = dryRunText === 'true';
    const token = checkClientToken(params);
    const idemKey = token === undefined ? undefined : `${key.accessKeyId}\n${action}\n${token}`;
    const fingerprint = JSON.stringify(
      [...params.map.entries()]
        .filter(([k]) => !SIGNING_PARAMS.has(k))
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    if (idemKey !== undefined && !dryRun) {
      const previous = state.idempotency.find((e) => e.key === idemKey);
      if (previous !== undefined) {
        if (previous.fingerprint !== fingerprint) throw apiErrors.idempotentMismatch();
        return previous.body;
      }
    }
    const body = operation.run(makeContext(params, now, regionId ?? 'cn-hangzhou', dryRun));
    if (idemKey !== undefined) {
      state.idempotency.push({ key: idemKey, fingerprint, body });
      if (state.idempotency.length > IDEMPOTENCY_LIMIT) state.idempotency.shift();
    }
    save();
    return body;
  }

  function makeContext(
    params: Params,
    now: number,
    regionId: string,
    dryRun: boolean,
  ): OperationContext {
    return {
      params,
      state,
      now,
      updatingMs,
      negotiationMs,
      regionId,
      dryRun,
      commit() {
        if (dryRun) throw apiErrors.dryRun();
      },
    };
  }

  type ControlAnswer = [number, unknown];

  function control(method: string, path: string, json: unknown): ControlAnswer {
    const route = `${method} ${path.slice(CONTROL_PREFIX.length - 1)}`;
    const bad = (message: string): ControlAnswer => [400, { error: message }];
    if (route === 'POST /faults') {
      const rule = faultRuleSchema.safeParse(json);
      if (!rule.success) return bad(rule.error.message);
      faults.inject(rule.data);
      return [200, { faults: faults.list() }];
    }
    if (route === 'DELETE /faults') {
      faults.clear();
      return [200, { faults: [] }];
    }
    if (route === 'GET /faults') return [200, { faults: faults.list() }];
    if (route === 'GET /calls') return [200, { calls: Object.fromEntries(callCounts) }];
    if (route === 'DELETE /calls') {
      callCounts.clear();
      return [200, { calls: {} }];
    }
    if (route === 'GET /state') return [200, state];
    if (route === 'POST /reset') {
      const parsed = resetBodySchema.safeParse(json);
      if (!parsed.success) return bad(parsed.error.message);
      state = seedState(parsed.data.seed);
      save();
      return [200, { seed: parsed.data.seed }];
    }
    const gatewayMatch = /^POST \/gateways\/([^/]+)\/status$/.exec(route);
    if (gatewayMatch?.[1] !== undefined) {
      const parsed = gatewayStatusBodySchema.safeParse(json);
      if (!parsed.success) return bad(parsed.error.message);
      const id = decodeURIComponent(gatewayMatch[1]);
      if (!state.gateways.some((g) => g.VpnGatewayId === id))
        return [404, { error: 'no such gateway' }];
      if (parsed.data.status !== undefined)
        setGatewayStatus(id, parsed.data.status, parsed.data.forMs);
      if (parsed.data.businessStatus !== undefined)
        setBusinessStatus(id, parsed.data.businessStatus);
      return [200, { ok: true }];
    }
    const peerMatch = /^PUT \/customer-gateways\/([^/]+)\/peer$/.exec(route);
    if (peerMatch?.[1] !== undefined) {
      const parsed = peerProfileSchema.safeParse(json);
      if (!parsed.success) return bad(parsed.error.message);
      const id = decodeURIComponent(peerMatch[1]);
      if (!state.customerGateways.some((c) => c.CustomerGatewayId === id)) {
        return [404, { error: 'no such customer gateway' }];
      }
      setPeerProfile(id, parsed.data);
      return [200, { ok: true }];
    }
    return [404, { error: 'unknown control route' }];
  }

  async function handleControl(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<void> {
    const json = parseJsonBody(await readBody(req));
    const [status, body] = control(req.method ?? 'GET', path, json);
    sendJson(res, status, body);
  }

  async function handleRpc(
    req: IncomingMessage,
    res: ServerResponse,
    url: string,
    requestId: string,
  ): Promise<void> {
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    const query = new Map(new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
    const body = await readBody(req);
    const params = new Map(query);
    const contentType = req.headers['content-type'] ?? '';
    if (body.length > 0 && contentType.startsWith('application/x-www-form-urlencoded')) {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
    }
    const headerAction = req.headers['x-acs-action'];
    const action = params.get('Action') ?? (typeof headerAction === 'string' ? headerAction : '');
    if (action !== '') callCounts.set(action, (callCounts.get(action) ?? 0) + 1);

    const now = clock();
    const method = req.method ?? 'GET';
    if (pathname !== '/' || (method !== 'GET' && method !== 'POST'))
      throw apiErrors.actionNotFound(action);
    const key = authenticate(
      { method, pathname, headers: req.headers, query, params, body },
      keys,
      nonces,
      now,
    );
    const headerVersion = req.headers['x-acs-version'];
    const version =
      params.get('Version') ?? (typeof headerVersion === 'string' ? headerVersion : '');
    if (version === '') throw apiErrors.missingParameter('Version');
    if (version !== API_VERSION) throw apiErrors.invalidVersion(version);
    if (action === '') throw apiErrors.missingParameter('Action');
    const operation = OPERATIONS.get(action);
    if (operation === undefined) throw apiErrors.actionNotFound(action);

    const fault = faults.take(action);
    if (fault !== undefined) {
      switch (fault.kind) {
        case 'latency':
          await sleep(fault.latencyMs ?? 1000);
          break;
        case 'hang':
          pending.add(res);
          res.on('close', () => pending.delete(res));
          return;
        case 'json5xx':
          throw apiErrors.serviceUnavailable();
        case 'html502':
          res.writeHead(502, { 'content-type': 'text/html' });
          res.end(
            '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>Tengine</center></body></html>',
          );
          return;
        case 'throttle':
          throw apiErrors.throttled(fault.retryAfterMs ?? 1000);
        case 'createSucceedsButAnswers500':
          runOperation(action, operation, new Params(params), key, clock());
          throw apiErrors.internalError();
      }
    }
    const result = runOperation(
      action,
      operation,
      new Params(params),
      key,
      fault === undefined ? now : clock(),
    );
    sendJson(res, 200, { RequestId: requestId, ...result });
  }

  const server = createServer((req, res) => {
    const requestId = randomUUID().toUpperCase();
    res.setHeader('x-acs-request-id', requestId);
    const url = req.url ?? '/';
    let task: Promise<void>;
    if (!url.startsWith(CONTROL_PREFIX)) task = handleRpc(req, res, url, requestId);
    else if (options.faultControl === true)
      task = handleControl(req, res, url.split('?')[0] ?? url);
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
  save();
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The emulator is not listening on TCP');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    async close() {
      for (const res of pending) res.destroy();
      pending.clear();
      save();
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
        faults.inject(rule);
      },
      clear: () => {
        faults.clear();
      },
    },
    calls: () => Object.fromEntries(callCounts),
    resetCalls: () => {
      callCounts.clear();
    },
    setGatewayStatus,
    setBusinessStatus,
    setPeerProfile,
    snapshot: () => stateSchema.parse(JSON.parse(JSON.stringify(state))),
    reset: (seed) => {
      state = seedState(seed);
      save();
    },
  };
}
