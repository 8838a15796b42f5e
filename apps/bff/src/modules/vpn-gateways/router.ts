import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import type { Runtime } from '../../runtime';
import { idParam, regionParam } from '../params';
import type { PskKeys } from '../secret-view';
import { getVpnGatewayDetail, listRegions, listVpnGateways } from './service';

export const vpnGatewaysRouter = (runtime: Runtime, keys: PskKeys): Router => {
  const router = apiRouter();
  const { cloud } = runtime;

  router.get('/api/v1/regions', async (_req, res) => {
    const items = await listRegions(cloud, runtime.config.cloud.defaultRegion);
    res.json({ items, totalCount: items.length });
  });

  router.get('/api/v1/regions/:regionId/vpn-gateways', async (req, res) => {
    const items = await listVpnGateways(cloud, regionParam(req));
    res.json({ items, totalCount: items.length });
  });

  router.get('/api/v1/regions/:regionId/vpn-gateways/:vpnGatewayId', async (req, res) => {
    res.json(await getVpnGatewayDetail(cloud, regionParam(req), idParam.vpnGateway(req), keys));
  });

  return router;
};
