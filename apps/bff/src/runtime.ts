// Builds everything the app needs from the config: the cloud (embedded emulator or Alibaba),
// the cloud client, the status hub, the write lanes, metrics and logs. server.ts, the test
// harness and the benches all start the BFF through here.
import { randomBytes } from 'node:crypto';
import { DEFAULT_NEGOTIATION_MS, startEmulator } from '@vpn-console/vpc-emulator/server';
import { TokenBucketBudget } from './cloud/budget';
import { createCloudClient, type CloudClient } from './cloud/client';
import { alibabaCredentialsProvider, staticCredentials } from './cloud/credentials';
import { alibabaVpcEndpoint, fixedEndpoint, type EndpointResolver } from './cloud/endpoints';
import { PopTransport, type CredentialsProvider } from './cloud/pop-client';
import type { RetryPolicy } from './cloud/retry';
import type { Config } from './config';
import { createLogger, type Logger } from './http/logger';
import { createMetrics, type Metrics } from './http/metrics';
import { WriteLanes } from './operations/lanes';
import { OperationRegistry } from './operations/registry';
import { createGatewayStatusFetcher } from './modules/vpn-gateways/service';
import { StatusHub } from './status/hub';

export interface CloudTarget {
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
  /** Emulator timings in embedded mode. */
  emulator?: { updatingMs?: number; negotiationMs?: number };
  metricsDefaults?: boolean;
}

export interface Runtime {
  config: Config;
  /** 'emulator' when the cloud is the embedded (or a test) emulator. */
  cloudMode: 'emulator' | 'alibaba';
  cloud: CloudClient;
  hub: StatusHub;
  registry: OperationRegistry;
  lanes: WriteLanes;
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
  if (options.cloudTarget) {
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
      seed: 'demo',
      accessKeys: [key],
      ...options.emulator,
    });
    closers.push(() => emulator.close());
    endpoint = fixedEndpoint(emulator.url);
    credentials = staticCredentials(key);
  } else {
    credentials = await alibabaCredentialsProvider();
    endpoint = alibabaVpcEndpoint;
  }

  const transport = new PopTransport({ credentials });
  const cloud = createCloudClient({
    transport,
    endpoint,
    readTimeoutMs: config.cloud.readTimeoutMs,
    writeTimeoutMs: config.cloud.writeTimeoutMs,
    // One account per BFF (one credential chain), so one bucket.
    callBudget: new TokenBucketBudget({
      ratePerSecond: config.cloud.callsPerSecond,
      burst: config.cloud.callsBurst,
    }),
    observer: metrics,
    logger,
    ...(options.readPolicy ? { readPolicy: options.readPolicy } : {}),
    ...(options.writePolicy ? { writePolicy: options.writePolicy } : {}),
  });
  closers.push(() => {
    cloud.close();
  });

  const hub = new StatusHub({
    fetcher: createGatewayStatusFetcher(cloud),
    fastMs: config.status.fastMs,
    slowMs: config.status.slowMs,
    heartbeatMs: config.status.heartbeatMs,
    negotiationVerdictMs:
      config.status.negotiationVerdictMs ??
      (cloudMode === 'emulator'
        ? (options.emulator?.negotiationMs ?? DEFAULT_NEGOTIATION_MS) + 3000
        : 60_000),
    maxStreams: config.status.maxStreams,
    maxStreamsPerSession: config.status.maxStreamsPerSession,
    maxStreamsPerAccount: config.status.maxStreamsPerAccount,
    observer: metrics,
    logger,
    ...(options.fastWindowMs === undefined ? {} : { fastWindowMs: options.fastWindowMs }),
  });
  const registry = new OperationRegistry();
  const lanes = new WriteLanes({
    registry,
    gateways: hub,
    waitPollMs: options.lanes?.waitPollMs ?? config.status.fastMs,
    busyTimeoutMs: options.lanes?.busyTimeoutMs ?? 5 * 60_000,
    settleTimeoutMs: options.lanes?.settleTimeoutMs ?? 5 * 60_000,
    logger,
  });
  registry.onChange((operation, record) => {
    hub.publishOperation(operation, record.originStreamId);
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
    cloud,
    hub,
    registry,
    lanes,
    metrics,
    logger,
    startedAt: Date.now(),
    ready: true,
    close: async () => {
      runtime.ready = false;
      hub.shutdown();
      await lanes.close(config.shutdownGraceMs);
      for (const close of closers.reverse()) await close();
    },
  };
  return runtime;
};
