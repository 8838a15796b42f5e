import {
  changeCustomerGatewaySchema,
  createCustomerGatewaySchema,
} from '@vpn-console/shared/customer-gateway/schema';
import {
  toCreateCustomerGatewayParams,
  toDeleteCustomerGatewayParams,
  toModifyCustomerGatewayAttributeParams,
} from '@vpn-console/shared/customer-gateway/rpc';
import {
  createCustomerGatewayResponseSchema,
  modifyCustomerGatewayAttributeResponseSchema,
} from '@vpn-console/shared/responses/customer-gateway';
import { requestIdResponseSchema } from '@vpn-console/shared/responses/common';
import type { DryRunVerdict } from '@vpn-console/shared/api/operations';
import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import type { Runtime } from '../../runtime';
import { HttpError } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import { idParam, regionParam } from '../params';
import { bodyWithPath, dryRunQuery, submitWrite } from '../write';
import { presentCustomerGateway } from './present';
import {
  customerGatewayUses,
  getCustomerGateway,
  getCustomerGatewayRaw,
  listCustomerGateways,
  listCustomerGatewaysRaw,
} from './service';

export const customerGatewaysRouter = (runtime: Runtime): Router => {
  const router = apiRouter();
  const { cloud } = runtime;

  mount(router, 'listCustomerGateways', async (req, res) => {
    const items = await listCustomerGateways(cloud, regionParam(req));
    res.json({ items, totalCount: items.length });
  });

  mount(router, 'getCustomerGateway', async (req, res) => {
    res.json(await getCustomerGateway(cloud, regionParam(req), idParam.customerGateway(req)));
  });

  mount(router, 'createCustomerGateway', async (req, res) => {
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

  // Rename / describe (ModifyCustomerGatewayAttribute). Region-wide: the lane is the region's
  // customer gateways, not a VPN gateway's.
  mount(router, 'changeCustomerGateway', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.customerGateway(req);
    const value = parseOr400(changeCustomerGatewaySchema, req.body ?? {});
    const before = await getCustomerGatewayRaw(cloud, regionId, id);
    await submitWrite(runtime, req, res, {
      action: 'change',
      resourceKind: 'customer-gateway',
      regionId,
      vpnGatewayId: undefined,
      resourceId: id,
      value,
      audit: {
        before: { name: before.Name ?? '', description: before.Description ?? '' },
        requested: value,
      },
      rpc: (clientToken) =>
        toModifyCustomerGatewayAttributeParams({
          ...value,
          regionId,
          customerGatewayId: id,
          clientToken,
        }),
      responseSchema: modifyCustomerGatewayAttributeResponseSchema,
    });
  });

  // Delete: refused here, before any record or cloud call, while a connection uses it (the cloud
  // would refuse too, with DependencyViolation.VpnConnection); the answer names the connections.
  mount(router, 'deleteCustomerGateway', async (req, res) => {
    const regionId = regionParam(req);
    const id = idParam.customerGateway(req);
    const [cgw, uses] = await Promise.all([
      getCustomerGatewayRaw(cloud, regionId, id),
      customerGatewayUses(cloud, regionId),
    ]);
    const usedBy = uses.get(id) ?? [];
    if (usedBy.length > 0) {
      throw new HttpError(
        409,
        'CustomerGatewayInUse',
        `Used by ${[...new Set(usedBy.map((u) => u.vpnConnectionId))].join(', ')}.`,
      );
    }
    await submitWrite(runtime, req, res, {
      action: 'delete',
      resourceKind: 'customer-gateway',
      regionId,
      vpnGatewayId: undefined,
      resourceId: id,
      value: { id },
      audit: { before: presentCustomerGateway(cgw, regionId, []) },
      rpc: (clientToken) =>
        toDeleteCustomerGatewayParams({ regionId, customerGatewayId: id, clientToken }),
      responseSchema: requestIdResponseSchema,
      readBack: async () => ({
        landed: !(await listCustomerGatewaysRaw(cloud, regionId, id)).some(
          (c) => c.CustomerGatewayId === id,
        ),
      }),
    });
  });

  return router;
};
