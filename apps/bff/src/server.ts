// Starts the BFF: config, runtime (embedded emulator by default), listen, graceful shutdown.
import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { startSecurity } from './auth/bootstrap';
import { CredentialsNotFoundError } from './cloud/credentials';
import { ConfigError, loadConfig } from './config';
import { cloudLabel } from './modules/health/router';
import { createRuntime, type Runtime } from './runtime';
import { openStore } from './store/store';
import { HistoryRecorder } from './history/recorder';
import { favourMemory } from './v8-memory';

const main = async (): Promise<void> => {
  favourMemory();
  // Everything the BFF writes (the store under DATA_DIR, demo passwords) is private to its user.
  process.umask(0o077);
  const config = loadConfig();
  // The store (PGlite in DATA_DIR or PostgreSQL; accounts, sessions, audit; demo accounts when
  // the cloud is emulated) opens while the runtime starts. An ended session's event streams get
  // a `logout` event.
  const late: { hub?: Runtime['hub']; gatewayLists?: Runtime['gatewayLists'] } = {};
  // Operations live in the store too (issue 16): it opens first.
  const store = await openStore(
    config.databaseUrl === undefined
      ? { dataDir: config.dataDir }
      : { databaseUrl: config.databaseUrl },
  );
  const [runtime, secured] = await Promise.all([
    createRuntime(config, { store }),
    startSecurity(config, {
      demo: config.cloud.mode === 'emulator',
      openStore: store,
      onStreamSessionEnded: (sessionHash) => late.hub?.logout(sessionHash),
      gatewayName: async (regionId, id) =>
        (await late.gatewayLists?.region(regionId))?.items.find((g) => g.id === id)?.name,
    }),
  ]);
  late.hub = runtime.hub;
  late.gatewayLists = runtime.gatewayLists;
  // The status history (issue 15): the recorder runs where it holds the lease in the store.
  const recorder = config.history.recorder
    ? new HistoryRecorder({
        cloud: runtime.cloud,
        db: secured.store.db,
        defaultRegion: config.cloud.defaultRegion,
        intervalMs: config.history.intervalMs,
        fastMs: config.history.fastMs,
        retentionDays: config.history.retentionDays,
        callsPerMinute: config.history.callsPerMinute,
        holder: runtime.replicaId,
        logger: runtime.logger,
        metrics: runtime.metrics.history,
      })
    : undefined;
  recorder?.start();
  const app = createApp({
    runtime,
    security: secured.security,
    history: { db: secured.store.db, retentionDays: config.history.retentionDays },
  });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  // SSE streams live for hours: no per-request timeout; headers still must arrive promptly.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 5000;
  const address = server.address() as AddressInfo;
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  runtime.logger.info({ url, cloud: runtime.cloudMode }, 'listening');
  process.stdout.write(`VPN console ready at ${url} (${cloudLabel(runtime.cloudMode)})\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ signal }, 'shutting down');
    runtime.ready = false;
    server.close();
    const hard = setTimeout(() => {
      server.closeAllConnections();
      process.exit(1);
    }, config.shutdownGraceMs + 2000);
    hard.unref();
    // Streams get `event: reconnect` with a random retry and end; writes finish (bounded).
    (recorder?.stop() ?? Promise.resolve())
      .then(() => runtime.close())
      .then(() => secured.close())
      .then(() => store.close())
      .then(() => {
        server.closeIdleConnections();
        server.closeAllConnections();
        process.exit(0);
      })
      .catch((error: unknown) => {
        runtime.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
};

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CredentialsNotFoundError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `The console could not start: ${error instanceof Error ? error.name : 'error'}\n`,
    );
    if (error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
});
