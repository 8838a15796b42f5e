import { createCustomerGatewaySchema } from '@vpn-console/shared/customer-gateway/schema';
import { toCreateCustomerGatewayParams } from '@vpn-console/shared/customer-gateway/rpc';
import { createCustomerGatewayResponseSchema } from '@vpn-console/shared/responses/customer-gateway';
import type { DryRunVerdict } from '@vpn-console/shared/api/operations';
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import type { Runtime } from '../../runtime';
import { parseOr400 } from '../../http/validate';
import { idParam, regionParam } from '../params';
import { bodyWithPath, dryRunQuery, submitWrite } from '../write';
import { getCustomerGateway, listCustomerGateways, listCustomerGatewaysRaw } from './service';

export const customerGatewaysRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  const { cloud } = runtime;

  router.get('/api/v1/regions/:regionId/customer-gateways', async (req, res) => {
    const items = await listCustomerGateways(cloud, regionParam(req));
    res.json({ items, totalCount: items.length });
  });

  router.get('/api/v1/regions/:regionId/customer-gateways/:customerGatewayId', async (req, res) => {
    res.json(await getCustomerGateway(cloud, regionParam(req), idParam.customerGateway(req)));
  });

  router.post('/api/v1/regions/:regionId/customer-gateways', async (req, res) => {
    const regionId = regionParam(req);
    const value = parseOr400(createCustomerGatewaySchema, bodyWithPath(req.body, { regionId }));
    if (dryRunQuery(req)) {
      // CreateCustomerGateway has no DryRun: the console checks what it can (the shared schema
      // above, and that the address is not taken in the region) and says so in `checkedBy`.
      const taken = (await listCustomerGatewaysRaw(cloud, regionId)).find(
        (c) => c.IpAddress === value.ipAddress,
      );
      const verdict: DryRunVerdict =
        taken === undefined
          ? { dryRun: true, ok: true, checkedBy: 'console' }
          : {
              dryRun: true,
              ok: false,
              checkedBy: 'console',
              error: {
                code: 'InvalidIpAddress.AlreadyExist',
                message: `Customer gateway ${taken.CustomerGatewayId} already uses this address.`,
                httpStatus: 400,
                retryable: false,
              },
            };
      res.json(verdict);
      return;
    }
    await submitWrite(runtime, req, res, {
      action: 'create',
      resourceKind: 'customer-gateway',
      regionId,
      vpnGatewayId: undefined,
      value,
      rpc: (clientToken) => toCreateCustomerGatewayParams({ ...value, clientToken }),
      responseSchema: createCustomerGatewayResponseSchema,
      resourceIdOf: (created) => created.CustomerGatewayId,
      // IpAddress is unique per region: after an ambiguous create, look for it.
      readBack: async () => {
        const found = (await listCustomerGatewaysRaw(cloud, regionId)).find(
          (c) => c.IpAddress === value.ipAddress,
        );
        return found ? { landed: true, resourceId: found.CustomerGatewayId } : { landed: false };
      },
    });
  });

  return router;
};
