// Liveness, readiness and metrics.
import type { Health } from '@vpn-console/shared/api/health';
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import type { Runtime } from '../../runtime';

export const BFF_VERSION = '0.1.0';

export const cloudLabel = (mode: 'emulator' | 'alibaba'): string =>
  mode === 'emulator' ? 'emulated cloud' : 'Alibaba Cloud';

const healthOf = (runtime: Runtime): Health => ({
  status: runtime.ready ? 'ok' : 'shutting-down',
  cloud: runtime.cloudMode,
  cloudLabel: cloudLabel(runtime.cloudMode),
  version: BFF_VERSION,
  uptimeSeconds: Math.round((Date.now() - runtime.startedAt) / 1000),
  openStreams: runtime.hub.openStreams,
  watchedGateways: runtime.hub.watchedGateways,
});

export const healthRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  mount(router, 'health', (_req, res) => {
    res.json(healthOf(runtime));
  });
  mount(router, 'ready', (_req, res) => {
    res.status(runtime.ready ? 200 : 503).json(healthOf(runtime));
  });
  mount(router, 'metrics', async (_req, res) => {
    res.type(runtime.metrics.registry.contentType).send(await runtime.metrics.registry.metrics());
  });
  return router;
};
