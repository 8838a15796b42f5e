// The environment, parsed once with zod. The only reader of process.env in the BFF.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const intFromEnv = (fallback: number, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const here = path.dirname(fileURLToPath(import.meta.url));
/** apps/bff (from src/ in development and from dist/ when bundled). */
const bffRoot = path.resolve(here, '..');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: intFromEnv(3000, 0, 65535),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default(path.resolve(bffRoot, '../../.data')),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  CLOUD_MODE: z.enum(['emulator', 'alibaba']).default('emulator'),
  /**
   * alibaba mode: send every call to this endpoint instead of Alibaba's per-region host (a
   * standalone emulator shared by several replicas or an e2e run; a private endpoint).
   */
  CLOUD_ENDPOINT: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'must be an http(s):// URL')
    .optional(),
  /** alibaba mode: probe the ECS instance metadata service for a RAM role (off unless asked). */
  ALIBABA_CLOUD_ECS_METADATA: z.string().trim().min(1).optional(),
  ALIBABA_CLOUD_ECS_METADATA_PROBE: boolFromEnv,
  /** Region listed first and used for the start-up check. */
  DEFAULT_REGION: z.string().trim().min(1).default('cn-hangzhou'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The built SPA; served with history fallback when the folder exists. */
  STATIC_DIR: z.string().trim().min(1).default(path.resolve(bffRoot, '../web/dist')),
  UPSTREAM_READ_TIMEOUT_MS: intFromEnv(3000, 100, 60_000),
  UPSTREAM_WRITE_TIMEOUT_MS: intFromEnv(10_000, 100, 120_000),
  /**
   * The account's budget of upstream calls (issue 18), shared by reads, polling, the history
   * recorder and writes (writes first): calls per second sustained and the burst on top. Keep it
   * under the account's API quota; throttling answers slow it down further on their own.
   */
  CLOUD_CALLS_PER_SECOND: intFromEnv(40, 1, 10_000),
  CLOUD_CALLS_BURST: intFromEnv(80, 1, 100_000),
  /**
   * The embedded emulator's cloud (emulator mode): the demo seed, or a large account (issue 18:
   * `scale`, EMULATOR_SCALE_GATEWAYS gateways in 25 regions, 5 connections each), optionally
   * limited to EMULATOR_RATE_LIMIT calls per second like the cloud's flow control.
   */
  EMULATOR_SEED: z.enum(['demo', 'scale']).default('demo'),
  EMULATOR_SCALE_GATEWAYS: intFromEnv(1000, 0, 10_000),
  EMULATOR_RATE_LIMIT: intFromEnv(0, 0, 100_000),
  /** How long a region's gateway list is shared by every viewer before the cloud is asked again. */
  GATEWAY_LIST_TTL_MS: intFromEnv(15_000, 0, 600_000),
  /** Regions listed at once for the all-regions list. */
  REGION_CONCURRENCY: intFromEnv(6, 1, 64),
  POLL_FAST_MS: intFromEnv(1000, 50, 60_000),
  POLL_SLOW_MS: intFromEnv(20_000, 100, 300_000),
  SSE_HEARTBEAT_MS: intFromEnv(15_000, 50, 60_000),
  /**
   * How long a new or changed connection reads `negotiating` before a status short of
   * established is a verdict (issue 17). Default: 60 s with the real cloud; the emulator's
   * negotiation time plus 3 s with the embedded emulator.
   */
  NEGOTIATION_VERDICT_MS: z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(600_000))
    .optional(),
  SSE_MAX_STREAMS: intFromEnv(10_000, 1, 100_000),
  /** Open event streams per session (one per tab; a few tabs) and per account (issue 10). */
  SSE_MAX_STREAMS_PER_SESSION: intFromEnv(8, 1, 100_000),
  SSE_MAX_STREAMS_PER_ACCOUNT: intFromEnv(32, 1, 100_000),
  /** Upstream calls one account's watch changes may cause per minute (issue 10). */
  SSE_WATCH_CALLS_PER_MINUTE: intFromEnv(300, 1, 100_000),
  SHUTDOWN_GRACE_MS: intFromEnv(10_000, 0, 60_000),
  /**
   * Replicas on one store (issue 16): how often a replica renews its hold on its operations and
   * polled gateways; one silent for three of these is taken over by another.
   */
  REPLICA_HEARTBEAT_MS: intFromEnv(2000, 50, 60_000),
  /**
   * Store upkeep (issue 16), on one replica every STORE_MAINTENANCE_MS: finished operations older
   * than OPERATIONS_RETENTION_DAYS go (an Idempotency-Key is answered for that long after its
   * write finished), as do long-expired leases and the last state of gateways nobody polls.
   */
  OPERATIONS_RETENTION_DAYS: intFromEnv(7, 1, 3650),
  STORE_MAINTENANCE_MS: intFromEnv(3_600_000, 1000, 86_400_000),
  /**
   * The status history recorder (issue 15): one per deployment (a lease in the store). It looks
   * at every gateway of every region each HISTORY_INTERVAL_MS, every HISTORY_FAST_MS for two
   * minutes after a change, never makes more than HISTORY_CALLS_PER_MINUTE upstream calls, and
   * keeps HISTORY_RETENTION_DAYS of history and logs. `off` stops it on this replica.
   */
  HISTORY_RECORDER: z.enum(['on', 'off']).default('on'),
  HISTORY_INTERVAL_MS: intFromEnv(60_000, 1000, 3_600_000),
  HISTORY_FAST_MS: intFromEnv(10_000, 500, 3_600_000),
  HISTORY_RETENTION_DAYS: intFromEnv(30, 1, 3650),
  HISTORY_CALLS_PER_MINUTE: intFromEnv(120, 1, 100_000),
  // Sessions and cookies (issue 5): ASVS level 2 defaults, 30 min idle and 12 h absolute.
  SESSION_IDLE_MINUTES: intFromEnv(30, 1, 24 * 60),
  SESSION_ABSOLUTE_HOURS: intFromEnv(12, 1, 24 * 30),
  /** Send the session cookie with `Secure` (and the `__Host-` name): set behind TLS. */
  COOKIE_SECURE: boolFromEnv,
  /**
   * Which proxies to believe for the client address (X-Forwarded-For), as Express's
   * `trust proxy`: `false` (default: none), a hop count (`1`), or a comma list of addresses,
   * CIDRs or `loopback`/`linklocal`/`uniquelocal`. Login limits per address use the result.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(/^(false|\d{1,2}|[0-9A-Za-z.:/, -]+)$/, 'false, a hop count or a list of addresses')
    .optional(),
  /** `Host` names the console answers (comma list); demo mode defaults to HOST and localhost. */
  ALLOWED_HOSTS: z.string().trim().optional(),
  /** Bearer token Prometheus sends to read /metrics (without it, only admin sessions may). */
  METRICS_TOKEN: z.string().trim().min(16, 'use at least 16 characters').optional(),
  /** Extra origins allowed to send state-changing requests (comma list of `https://host`). */
  ALLOWED_ORIGINS: z.string().trim().optional(),
});

export type Config = ReturnType<typeof toConfig>;

/** `TRUST_PROXY` as Express's `trust proxy` value. */
const trustProxyOf = (value: string | undefined): boolean | number | string[] => {
  if (value === undefined || value === '' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
};

const toConfig = (env: z.output<typeof envSchema>) => ({
  nodeEnv: env.NODE_ENV,
  port: env.PORT,
  host: env.HOST,
  dataDir: env.DATA_DIR,
  databaseUrl: env.DATABASE_URL,
  cloud: {
    mode: env.CLOUD_MODE,
    endpoint: env.CLOUD_ENDPOINT,
    ecsMetadataRole: env.ALIBABA_CLOUD_ECS_METADATA,
    ecsMetadataProbe:
      env.ALIBABA_CLOUD_ECS_METADATA_PROBE || env.ALIBABA_CLOUD_ECS_METADATA !== undefined,
    defaultRegion: env.DEFAULT_REGION,
    readTimeoutMs: env.UPSTREAM_READ_TIMEOUT_MS,
    writeTimeoutMs: env.UPSTREAM_WRITE_TIMEOUT_MS,
    callsPerSecond: env.CLOUD_CALLS_PER_SECOND,
    callsBurst: env.CLOUD_CALLS_BURST,
    gatewayListTtlMs: env.GATEWAY_LIST_TTL_MS,
    emulatorSeed: env.EMULATOR_SEED,
    emulatorScaleGateways: env.EMULATOR_SCALE_GATEWAYS,
    /** 0: no limit. */
    emulatorRateLimit: env.EMULATOR_RATE_LIMIT,
    regionConcurrency: env.REGION_CONCURRENCY,
  },
  logLevel: env.LOG_LEVEL,
  staticDir: env.STATIC_DIR,
  status: {
    fastMs: env.POLL_FAST_MS,
    slowMs: env.POLL_SLOW_MS,
    heartbeatMs: env.SSE_HEARTBEAT_MS,
    negotiationVerdictMs: env.NEGOTIATION_VERDICT_MS,
    maxStreams: env.SSE_MAX_STREAMS,
    maxStreamsPerSession: env.SSE_MAX_STREAMS_PER_SESSION,
    maxStreamsPerAccount: env.SSE_MAX_STREAMS_PER_ACCOUNT,
    watchCallsPerMinute: env.SSE_WATCH_CALLS_PER_MINUTE,
  },
  shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  replicaHeartbeatMs: env.REPLICA_HEARTBEAT_MS,
  maintenance: {
    operationsRetentionDays: env.OPERATIONS_RETENTION_DAYS,
    everyMs: env.STORE_MAINTENANCE_MS,
  },
  history: {
    recorder: env.HISTORY_RECORDER === 'on',
    intervalMs: env.HISTORY_INTERVAL_MS,
    fastMs: env.HISTORY_FAST_MS,
    retentionDays: env.HISTORY_RETENTION_DAYS,
    callsPerMinute: env.HISTORY_CALLS_PER_MINUTE,
  },
  security: {
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: trustProxyOf(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN,
    allowedHosts:
      env.ALLOWED_HOSTS === undefined || env.ALLOWED_HOSTS === ''
        ? undefined
        : env.ALLOWED_HOSTS.split(',')
            .map((h) => h.trim())
            .filter((h) => h !== ''),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o !== ''),
  },
});

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default); throws ConfigError listing every problem. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
    );
  }
  const config = toConfig(parsed.data);
  if (config.cloud.endpoint !== undefined && config.cloud.mode !== 'alibaba') {
    throw new ConfigError([
      'CLOUD_ENDPOINT: set CLOUD_MODE=alibaba with it (the embedded emulator has its own address)',
    ]);
  }
  if (config.cloud.mode === 'alibaba' && !config.cloud.ecsMetadataProbe && env === process.env) {
    // @alicloud/credentials reads this itself; keep it from probing 100.100.100.200 unasked.
    process.env.ALIBABA_CLOUD_ECS_METADATA_DISABLED ??= 'true';
  }
  return config;
};

/** A config for tests and benches: defaults plus overrides, never read from process.env. */
export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...overrides });
