// Builds everything the app needs from the config: the cloud (embedded emulator or Alibaba),
// the cloud client, the status hub, the write lanes, metrics and logs. server.ts, the test
// harness and the benches all start the BFF through here.
import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_NEGOTIATION_MS, startEmulator } from '@vpn-console/vpc-emulator/server';
import { TokenBucketBudget } from './cloud/budget';
import { StoreTokens } from './cloud/shared-budget';
import { createCloudClient, type CloudClient } from './cloud/client';
import { alibabaCredentialsProvider, staticCredentials } from './cloud/credentials';
import { alibabaVpcEndpoint, fixedEndpoint, type EndpointResolver } from './cloud/endpoints';
import { PopTransport, type CredentialsProvider } from './cloud/pop-client';
import type { RetryPolicy } from './cloud/retry';
import type { Config } from './config';
import { createLogger, type Logger } from './http/logger';
import { createMetrics, type Metrics } from './http/metrics';
import { DurableOperations } from './operations/durable';
import { WriteLanes } from './operations/lanes';
import { OperationRegistry } from './operations/registry';
import { GatewayListCache } from './modules/vpn-gateways/list-cache';
import { createGatewayStatusFetcher, listVpnGatewaysOrNone } from './modules/vpn-gateways/service';
import { resumedJob } from './modules/write';
import { createDemoControl, type DemoControl } from './modules/demo/demo-control';
import { StatusHub } from './status/hub';
import { StatusCluster } from './status/cluster';
import { StreamSlots } from './status/stream-slots';
import { LocalBus, PgBus, type Bus } from './store/bus';
import { newHolderId } from './store/leases';
import { defaultPruneRules, StoreMaintenance } from './store/maintenance';
import type { Store } from './store/store';

interface CloudTarget {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
}

export interface RuntimeOptions {
  /** Use this cloud endpoint and key instead of what the config says (tests, benches). */
  cloudTarget?: CloudTarget;
  logger?: Logger;
  readPolicy?: Partial<RetryPolicy>;
  writePolicy?: Partial<RetryPolicy>;
  /** Write lane timings (tests shorten them). */
  lanes?: { waitPollMs?: number; busyTimeoutMs?: number; settleTimeoutMs?: number };
  fastWindowMs?: number;
  /** How long a new stream's snapshot waits for its gateways' first polls (tests lengthen it). */
  snapshotWaitMs?: number;
  /** Emulator timings in embedded mode. */
  emulator?: { updatingMs?: number; negotiationMs?: number };
  metricsDefaults?: boolean;
  /**
   * The store (issue 16): operations live there, so every replica sharing it answers for them,
   * keeps one order per lane and adopts a dead replica's. Without it, this process only.
   */
  store?: Store;
}

export interface Runtime {
  config: Config;
  /** 'emulator' when the cloud is the embedded (or a test) emulator. */
  cloudMode: 'emulator' | 'alibaba';
  /** Demo mode's reset and failure scenarios: only with the embedded emulator (issue 17). */
  demo?: DemoControl;
  cloud: CloudClient;
  hub: StatusHub;
  /** Region gateway lists kept briefly and shared by every viewer (issue 18). */
  gatewayLists: GatewayListCache;
  registry: OperationRegistry;
  lanes: WriteLanes;
  /** This replica's name in the store (operation owner, lease holder). */
  replicaId: string;
  metrics: Metrics;
  logger: Logger;
  startedAt: number;
  /** Readiness: false while starting and once shutdown began. */
  ready: boolean;
  close(): Promise<void>;
}

export const createRuntime = async (
  config: Config,
  options: RuntimeOptions = {},
): Promise<Runtime> => {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics(options.metricsDefaults ?? true);
  const closers: Array<() => Promise<void> | void> = [];

  let endpoint: EndpointResolver;
  let credentials: CredentialsProvider;
  let cloudMode: 'emulator' | 'alibaba' = config.cloud.mode;
  let demo: DemoControl | undefined;
  /** Who the call budget is counted for. */
  let budgetAccount: string;
  if (options.cloudTarget) {
    budgetAccount = options.cloudTarget.accessKeyId;
    endpoint = fixedEndpoint(options.cloudTarget.url);
    credentials = staticCredentials(options.cloudTarget);
    cloudMode = 'emulator';
  } else if (config.cloud.mode === 'emulator') {
    // A fresh key pair per start, never printed: the emulator only accepts calls signed with it.
    const key = {
      accessKeyId: `LTAI${randomBytes(10).toString('hex')}`,
      accessKeySecret: randomBytes(24).toString('base64url'),
    };
    const emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      seed: config.cloud.emulatorSeed,
      scale: { gateways: config.cloud.emulatorScaleGateways },
      ...(config.cloud.emulatorRateLimit > 0 ? { rateLimit: config.cloud.emulatorRateLimit } : {}),
      accessKeys: [key],
      ...options.emulator,
    });
    closers.push(() => emulator.close());
    demo = createDemoControl(emulator);
    endpoint = fixedEndpoint(emulator.url);
    credentials = staticCredentials(key);
    // Each start has its own emulator (and key): one row for all of them.
    budgetAccount = 'embedded-emulator';
  } else {
    credentials = await alibabaCredentialsProvider();
    // The credential chain may rotate keys (STS); the deployment uses one account.
    budgetAccount = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID ?? 'alibaba';
    // CLOUD_ENDPOINT: one endpoint for every region (a shared standalone emulator, a proxy).
    endpoint =
      config.cloud.endpoint === undefined
        ? alibabaVpcEndpoint
        : fixedEndpoint(config.cloud.endpoint);
  }

  // The shared budget's row: per cloud account (test stacks with their own emulators and keys
  // are separate accounts; replicas sharing a key share the budget).
  const budgetKey = `account-${createHash('sha256').update(budgetAccount).digest('hex').slice(0, 16)}`;
  const store = options.store;
  const transport = new PopTransport({ credentials });
  const cloud = createCloudClient({
    transport,
    endpoint,
    readTimeoutMs: config.cloud.readTimeoutMs,
    writeTimeoutMs: config.cloud.writeTimeoutMs,
    // One account per BFF (one credential chain), so one bucket; with a store, one for every
    // replica using that account (issue 16).
    callBudget: new TokenBucketBudget(
      { ratePerSecond: config.cloud.callsPerSecond, burst: config.cloud.callsBurst },
      store === undefined
        ? undefined
        : (params, now) => new StoreTokens({ db: store.db, key: budgetKey, logger }, params, now),
    ),
    observer: metrics,
    logger,
    ...(options.readPolicy ? { readPolicy: options.readPolicy } : {}),
    ...(options.writePolicy ? { writePolicy: options.writePolicy } : {}),
  });
  closers.push(() => {
    cloud.close();
  });

  // Replicas on one store (issue 16): a poll lease per gateway and a bus between replicas
  // (LISTEN/NOTIFY on PostgreSQL; in-process on PGlite, one process, same path).
  const replicaId = newHolderId();
  let cluster: StatusCluster | undefined;
  if (options.store) {
    let bus: Bus;
    if (options.store.databaseUrl === undefined) bus = new LocalBus(options.store.db);
    else {
      const pgBus = new PgBus({ databaseUrl: options.store.databaseUrl, logger });
      await pgBus.start();
      bus = pgBus;
    }
    closers.push(() => bus.close());
    cluster = new StatusCluster({
      db: options.store.db,
      bus,
      holder: replicaId,
      heartbeatMs: config.replicaHeartbeatMs,
      logger,
    });
  }
  // Stream caps over every replica's streams (issue 16), kept in PostgreSQL. A PGlite store is
  // one process's by construction (replicas need DATABASE_URL): the hub's own caps are then the
  // deployment's, and no slot row is written per stream nor renewed per heartbeat (issue 18: at
  // 10,000 streams each admission counted every row and each heartbeat rewrote them all, on the
  // one connection every other query waits for).
  const caps = {
    maxStreams: config.status.maxStreams,
    maxStreamsPerSession: config.status.maxStreamsPerSession,
    maxStreamsPerAccount: config.status.maxStreamsPerAccount,
  };
  const slots =
    options.store?.databaseUrl === undefined
      ? undefined
      : new StreamSlots({
          db: options.store.db,
          holder: replicaId,
          caps,
          heartbeatMs: config.replicaHeartbeatMs,
          logger,
        });
  slots?.start();
  if (slots) closers.push(() => slots.close());
  const hub = new StatusHub({
    ...(cluster ? { cluster } : {}),
    ...(slots ? { slots } : {}),
    fetcher: createGatewayStatusFetcher(cloud),
    fastMs: config.status.fastMs,
    slowMs: config.status.slowMs,
    heartbeatMs: config.status.heartbeatMs,
    negotiationVerdictMs:
      config.status.negotiationVerdictMs ??
      (cloudMode === 'emulator'
        ? (options.emulator?.negotiationMs ?? DEFAULT_NEGOTIATION_MS) + 3000
        : 60_000),
    ...caps,
    observer: metrics,
    logger,
    ...(options.fastWindowMs === undefined ? {} : { fastWindowMs: options.fastWindowMs }),
    ...(options.snapshotWaitMs === undefined ? {} : { snapshotWaitMs: options.snapshotWaitMs }),
  });
  const heartbeatMs = config.replicaHeartbeatMs;
  const durable =
    options.store === undefined
      ? undefined
      : new DurableOperations({
          db: options.store.db,
          holder: replicaId,
          ownerTtlMs: 3 * heartbeatMs,
        });
  // Store upkeep (old operations, leases, unpolled gateways' states) on one replica.
  const maintenance =
    options.store === undefined
      ? undefined
      : new StoreMaintenance({
          db: options.store.db,
          holder: replicaId,
          rules: defaultPruneRules(config.maintenance.operationsRetentionDays),
          everyMs: config.maintenance.everyMs,
          logger,
        });
  maintenance?.start();
  if (maintenance) closers.push(() => maintenance.stop());
  const registry = new OperationRegistry(
    10_000,
    () => new Date(),
    durable,
    (error, id) => {
      logger.error({ err: error, operationId: id }, 'operation not saved in the store');
    },
  );
  const lanes = new WriteLanes({
    registry,
    gateways: hub,
    waitPollMs: options.lanes?.waitPollMs ?? config.status.fastMs,
    busyTimeoutMs: options.lanes?.busyTimeoutMs ?? 5 * 60_000,
    settleTimeoutMs: options.lanes?.settleTimeoutMs ?? 5 * 60_000,
    logger,
  });
  const gatewayLists = new GatewayListCache({
    list: (regionId) => listVpnGatewaysOrNone(cloud, regionId),
    ttlMs: config.cloud.gatewayListTtlMs,
    concurrency: config.cloud.regionConcurrency,
    throttled: () => cloud.callBudget.state().throttled,
  });
  registry.onChange((operation, record) => {
    hub.publishOperation(operation, record.originStreamId);
    // What the region's list shows may change with a write (a gateway's name, its status).
    gatewayLists.invalidate(operation.regionId);
    if (operation.state === 'succeeded' || operation.state === 'failed') {
      // One line per finished write, with the Alibaba RequestId for support.
      logger.info(
        {
          operationId: operation.id,
          action: operation.action,
          kind: operation.resourceKind,
          regionId: operation.regionId,
          vpnGatewayId: operation.vpnGatewayId,
          resourceId: operation.resourceId,
          state: operation.state,
          requestId: operation.requestId ?? operation.error?.requestId,
          code: operation.error?.code,
          attempts: operation.attempts,
        },
        'operation finished',
      );
    }
  });
  metrics.setLiveSources({
    openStreams: () => hub.openStreams,
    watchedGateways: () => hub.watchedGateways,
    laneDepth: () => lanes.depth,
  });

  const runtime: Runtime = {
    config,
    cloudMode,
    ...(demo === undefined ? {} : { demo }),
    cloud,
    hub,
    gatewayLists,
    registry,
    lanes,
    replicaId,
    metrics,
    logger,
    startedAt: Date.now(),
    ready: true,
    close: async () => {
      runtime.ready = false;
      stopKeeping();
      hub.shutdown();
      await lanes.close(config.shutdownGraceMs);
      // What did not finish here is another replica's to finish now.
      await durable?.handBack().catch((error: unknown) => {
        logger.warn({ err: error }, 'open operations not handed back');
      });
      for (const close of closers.reverse()) await close();
    },
  };
  const stopKeeping = durable === undefined ? () => undefined : keepOperations(runtime, durable);
  return runtime;
};

/**
 * Every heartbeat: renew this replica's hold on its open operations, and adopt those of a
 * replica whose heartbeat stopped (queued again on this replica's lanes, in their old order).
 */
const keepOperations = (runtime: Runtime, durable: DurableOperations): (() => void) => {
  let busy = false;
  const beat = async (): Promise<void> => {
    await durable.heartbeat();
    for (const stored of await durable.adoptOrphans()) {
      const { operation } = stored;
      runtime.logger.warn(
        { operationId: operation.id, state: operation.state },
        'operation adopted from a stopped replica',
      );
      const record = runtime.registry.adopt(stored);
      runtime.lanes.submit(
        stored.laneKey,
        operation.vpnGatewayId === undefined
          ? undefined
          : { regionId: operation.regionId, vpnGatewayId: operation.vpnGatewayId },
        record,
        resumedJob(runtime, stored),
      );
    }
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    beat()
      .catch((error: unknown) => {
        runtime.logger.warn({ err: error }, 'operations heartbeat failed');
      })
      .finally(() => {
        busy = false;
      });
  }, runtime.config.replicaHeartbeatMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
};
