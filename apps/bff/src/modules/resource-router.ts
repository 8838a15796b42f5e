// The routes of a gateway-attached resource (IPsec server, IPsec-VPN connection, SSL-VPN server):
// list, get, create, change, delete, validated with the shared schemas; writes go through the
// gateway's write lane and answer 202 with an operation.
import type { ResourceKind } from '@vpn-console/shared/api/operations';
import type { SchemaContext } from '@vpn-console/shared/common/gateway-type';
import { vpnGatewayIdSchema } from '@vpn-console/shared/common/fields';
import { tunnelIdSchema } from '@vpn-console/shared/vpn-connection/dual-tunnel';
import { pskCheckRequestSchema } from '@vpn-console/shared/api/psk';
import { requestIdResponseSchema } from '@vpn-console/shared/responses/common';
import type { RpcAction, RpcRequest } from '@vpn-console/shared/rpc-types';
import type { Request, Router } from 'express';
import { apiRouter } from '../http/api-router';
import { mount } from '../http/mount';
import { principalOf } from '../auth/principal';
import { z } from 'zod';
import type { CloudClient } from '../cloud/client';
import { CloudError } from '../cloud/errors';
import { HttpError } from '../http/errors';
import { parseOr400 } from '../http/validate';
import type { ReadBackResult } from '../operations/lanes';
import type { Runtime } from '../runtime';
import { gatewayFilter, regionParam } from './params';
import {
  gatewayActionBlock,
  type GatewayAction,
  type GatewayContents,
} from '@vpn-console/shared/common/gateway-actions';
import { gatewayFacts, type GatewayFacts } from './vpn-gateways/context';
import { auditRefusedWrite, auditReveal } from './audit/request-audit';
import { secretView, type PskKeys } from './secret-view';
import { bodyWithPath, dryRunQuery, runDryRun, submitWrite } from './write';

interface RevealedKeys {
  psk: string | undefined;
  tunnels?: { tunnelId: string; psk: string | undefined }[];
}

export interface WriteValue {
  clientToken?: string | undefined;
  dryRun?: boolean | undefined;
}

export interface ResourceModule<
  Raw,
  View,
  CreateV extends WriteValue,
  ChangeV extends WriteValue,
  Created,
> {
  kind: ResourceKind;
  /** Its routes in the table: `IpsecServer` → `listIpsecServers`, `getIpsecServer`, … */
  routeName: ResourceRouteName;
  /** Body field holding the id on change: `ipsecServerId`. */
  idField: string;
  /** Alibaba parameter of the id on delete: `IpsecServerId`. */
  idParam: string;
  idSchema: z.ZodType<string>;
  deleteAction: RpcAction;
  list(
    cloud: CloudClient,
    regionId: string,
    vpnGatewayId: string | undefined,
    keys: PskKeys,
  ): Promise<View[]>;
  getRaw(cloud: CloudClient, regionId: string, id: string): Promise<Raw>;
  present(raw: Raw, regionId: string, keys: PskKeys): View;
  gatewayOf(raw: Raw): string;
  /** The create rules for the gateway (`facts` undefined when the body names no valid gateway). */
  createSchema(ctx: SchemaContext, facts: GatewayFacts | undefined): z.ZodType<CreateV>;
  changeSchema(ctx: SchemaContext, facts: GatewayFacts): z.ZodType<ChangeV>;
  toCreate(value: CreateV): RpcRequest;
  toChange(value: ChangeV): RpcRequest;
  createResponse: z.ZodType<Created>;
  createdId(created: Created): string;
  /** After an ambiguous create: is the resource there? */
  findCreated(cloud: CloudClient, regionId: string, value: CreateV): Promise<ReadBackResult>;
  /**
   * Server-side checks that need the gateway's facts (shared API.md: client pool vs the VPC,
   * pool size vs SSL connections, MFA vs the gateway's age), chained after the schema so the
   * BFF refuses such values with 400 + issue codes before calling the cloud.
   */
  serverChecks?: {
    /** Whether the checks need the VPC's CIDR blocks (one DescribeVpcAttribute more). */
    needsVpc: boolean;
    create?: (facts: GatewayFacts) => (value: CreateV, ctx: z.RefinementCtx) => void;
    /** `current`: the resource as the cloud has it before the change. */
    change?: (facts: GatewayFacts, current: Raw) => (value: ChangeV, ctx: z.RefinementCtx) => void;
  };
  /** The pre-shared key(s), for `POST …/:id/psk/reveal` (operators; audited). */
  pskOf?: (raw: Raw) => RevealedKeys;
  /** Which gateway action a create is (shared common/gateway-actions.ts). */
  createAction: GatewayAction;
  /** The servers the gateway holds, for the one-per-gateway rule of server creates. */
  contentsOf?: (
    cloud: CloudClient,
    regionId: string,
    vpnGatewayId: string,
  ) => Promise<GatewayContents>;
}

type ResourceRouteName = 'IpsecServer' | 'VpnConnection' | 'SslVpnServer';

/** The routes of the kinds that hold a pre-shared key. */
const pskRoutes: Partial<
  Record<
    ResourceRouteName,
    {
      reveal: 'revealIpsecServerPsk' | 'revealVpnConnectionPsk';
      check: 'checkIpsecServerPsk' | 'checkVpnConnectionPsk';
    }
  >
> = {
  IpsecServer: { reveal: 'revealIpsecServerPsk', check: 'checkIpsecServerPsk' },
  VpnConnection: { reveal: 'revealVpnConnectionPsk', check: 'checkVpnConnectionPsk' },
};

const NO_CONTENTS: GatewayContents = { ipsecServers: 0, sslVpnServers: 0 };

/**
 * Refuses, before any cloud call (dry runs included), a write the gateway cannot take (issue 17:
 * the rule the web applies, here too): 409 `GatewayCannotTake` with the shared catalog's reason
 * as the issue of `vpnGatewayId`. A real write's refusal is audited.
 */
const refuseWhatTheGatewayCannotTake = async (
  req: Request,
  block: ReturnType<typeof gatewayActionBlock>,
  target: Parameters<typeof auditRefusedWrite>[1],
  dryRun: boolean,
  requested: unknown,
): Promise<void> => {
  if (block === undefined) return;
  if (!dryRun) await auditRefusedWrite(req, target, block.code, requested);
  throw new HttpError(409, 'GatewayCannotTake', 'The gateway cannot take this change now.', [
    { path: 'vpnGatewayId', code: block.code, ...(block.params ? { params: block.params } : {}) },
  ]);
};

const gatewayOfBody = (body: unknown): string | undefined => {
  const parsed = z.object({ vpnGatewayId: vpnGatewayIdSchema }).safeParse(body);
  return parsed.success ? parsed.data.vpnGatewayId : undefined;
};

/** A server-side check that finds nothing (its fact is unknown; the cloud still checks). */
export const noCheck = (): void => undefined;

const STANDARD: SchemaContext = { gatewayType: 'standard' };

const isDryRun = (req: Request, value: WriteValue): boolean =>
  dryRunQuery(req) || value.dryRun === true;

export const resourceRouter = <
  Raw,
  View,
  CreateV extends WriteValue,
  ChangeV extends WriteValue,
  Created,
>(
  runtime: Runtime,
  pskKeys: PskKeys,
  m: ResourceModule<Raw, View, CreateV, ChangeV, Created>,
): Router => {
  const router = apiRouter();
  const { cloud } = runtime;
  const idOf = (req: Request) => parseOr400(m.idSchema, req.params.id, m.idField);

  mount(router, `list${m.routeName}s` as const, async (req, res) => {
    const items = await m.list(cloud, regionParam(req), gatewayFilter(req), pskKeys);
    res.json({ items, totalCount: items.length });
  });

  mount(router, `get${m.routeName}` as const, async (req, res) => {
    const regionId = regionParam(req);
    res.json(m.present(await m.getRaw(cloud, regionId, idOf(req)), regionId, pskKeys));
  });

  mount(router, `create${m.routeName}` as const, async (req, res) => {
    const regionId = regionParam(req);
    const body = bodyWithPath(req.body, { regionId });
    const vpnGatewayId = gatewayOfBody(body);
    // Which rules apply depends on the gateway (standard or SM/国密); without a valid gateway id
    // the standard rules report every problem at once.
    const facts =
      vpnGatewayId === undefined
        ? undefined
        : await gatewayFacts(cloud, regionId, vpnGatewayId, m.serverChecks?.needsVpc ?? false);
    const schema = m.createSchema(facts?.context ?? STANDARD, facts);
    const check = facts === undefined ? undefined : m.serverChecks?.create?.(facts);
    const value = parseOr400(check === undefined ? schema : schema.superRefine(check), body);
    if (vpnGatewayId === undefined || facts === undefined)
      throw new HttpError(400, 'ValidationFailed', 'vpnGatewayId is required.');
    const contents = (await m.contentsOf?.(cloud, regionId, vpnGatewayId)) ?? NO_CONTENTS;
    await refuseWhatTheGatewayCannotTake(
      req,
      gatewayActionBlock(facts.actions, contents, m.createAction),
      { action: 'create', resourceKind: m.kind, regionId, vpnGatewayId },
      isDryRun(req, value),
      value,
    );
    if (isDryRun(req, value)) {
      const rpc = m.toCreate({ ...value, dryRun: true });
      res.json(await runDryRun(runtime, regionId, rpc.action, rpc.params));
      return;
    }
    await submitWrite(runtime, req, res, {
      action: 'create',
      resourceKind: m.kind,
      regionId,
      vpnGatewayId,
      value,
      rpc: (clientToken) => m.toCreate({ ...value, dryRun: false, clientToken }),
      responseSchema: m.createResponse,
      resourceIdOf: (created) => m.createdId(created),
      readBack: () => m.findCreated(cloud, regionId, value),
    });
  });

  mount(router, `change${m.routeName}` as const, async (req, res) => {
    const regionId = regionParam(req);
    const id = idOf(req);
    const current = await m.getRaw(cloud, regionId, id);
    const vpnGatewayId = m.gatewayOf(current);
    const facts = await gatewayFacts(
      cloud,
      regionId,
      vpnGatewayId,
      m.serverChecks?.needsVpc ?? false,
    );
    const schema = m.changeSchema(facts.context, facts);
    const check = m.serverChecks?.change?.(facts, current);
    const value = parseOr400(
      check === undefined ? schema : schema.superRefine(check),
      bodyWithPath(req.body, { regionId, [m.idField]: id }),
    );
    await refuseWhatTheGatewayCannotTake(
      req,
      gatewayActionBlock(facts.actions, NO_CONTENTS, 'change'),
      { action: 'change', resourceKind: m.kind, regionId, vpnGatewayId, resourceId: id },
      isDryRun(req, value),
      value,
    );
    if (isDryRun(req, value)) {
      const rpc = m.toChange({ ...value, dryRun: true });
      res.json(await runDryRun(runtime, regionId, rpc.action, rpc.params));
      return;
    }
    await submitWrite(runtime, req, res, {
      action: 'change',
      resourceKind: m.kind,
      regionId,
      vpnGatewayId,
      resourceId: id,
      value,
      rpc: (clientToken) => m.toChange({ ...value, dryRun: undefined, clientToken }),
      responseSchema: requestIdResponseSchema,
      audit: { before: m.present(current, regionId, pskKeys), requested: value },
    });
  });

  mount(router, `delete${m.routeName}` as const, async (req, res) => {
    const regionId = regionParam(req);
    const id = idOf(req);
    const current = await m.getRaw(cloud, regionId, id);
    const vpnGatewayId = m.gatewayOf(current);
    await submitWrite(runtime, req, res, {
      action: 'delete',
      resourceKind: m.kind,
      regionId,
      vpnGatewayId,
      resourceId: id,
      value: { id },
      audit: { before: m.present(current, regionId, pskKeys) },
      rpc: (clientToken) => ({
        action: m.deleteAction,
        params: { RegionId: regionId, [m.idParam]: id, ClientToken: clientToken },
      }),
      responseSchema: requestIdResponseSchema,
      readBack: async () => {
        try {
          await m.getRaw(cloud, regionId, id);
          return { landed: false };
        } catch (error) {
          const gone =
            (error instanceof CloudError && error.notFound) ||
            (error instanceof HttpError && error.httpStatus === 404);
          return { landed: gone };
        }
      },
    });
  });

  const { pskOf } = m;
  const psk = pskRoutes[m.routeName];
  if (pskOf && psk === undefined) throw new Error(`${m.kind}: a key but no PSK routes`);
  if (pskOf && psk) {
    // The only route that answers a PSK in clear: operators and admins (auth/policy.ts), every
    // reveal audited, never cached.
    mount(router, psk.reveal, async (req, res) => {
      const regionId = regionParam(req);
      const id = idOf(req);
      // `?tunnelId=tun-…`: one tunnel's key of a dual-tunnel connection, audited as that tunnel.
      const tunnelId =
        req.query.tunnelId === undefined
          ? undefined
          : parseOr400(tunnelIdSchema, req.query.tunnelId, 'tunnelId');
      const target =
        tunnelId === undefined
          ? { regionId, resourceType: m.kind, resourceId: id }
          : { regionId, resourceType: `${m.kind}-tunnel`, resourceId: `${id}/${tunnelId}` };
      let raw: Raw;
      try {
        raw = await m.getRaw(cloud, regionId, id);
      } catch (error) {
        await auditReveal(
          req,
          target,
          'failure',
          error instanceof HttpError ? error.code : undefined,
        );
        throw error;
      }
      const keys = pskOf(raw);
      const tunnels =
        tunnelId === undefined
          ? keys.tunnels
          : (keys.tunnels ?? []).filter((t) => t.tunnelId === tunnelId);
      if (tunnelId !== undefined && tunnels?.length !== 1) {
        await auditReveal(
          req,
          { ...target, vpnGatewayId: m.gatewayOf(raw) },
          'failure',
          'NotFound',
        );
        throw new HttpError(404, 'NotFound', 'The connection has no such tunnel.');
      }
      await auditReveal(req, { ...target, vpnGatewayId: m.gatewayOf(raw) }, 'success');
      res.set('Cache-Control', 'no-store');
      res.json({
        psk: tunnelId === undefined ? (keys.psk ?? null) : null,
        fingerprint:
          tunnelId === undefined ? (secretView(pskKeys, id, keys.psk)?.fingerprint ?? null) : null,
        ...(tunnels === undefined
          ? {}
          : {
              tunnels: tunnels.map((t) => ({
                tunnelId: t.tunnelId,
                psk: t.psk ?? null,
                fingerprint: secretView(pskKeys, t.tunnelId, t.psk)?.fingerprint ?? null,
              })),
            }),
      });
    });

    // "Does this key match?" for anyone signed in (viewers too): the only way to test a guess,
    // since the fingerprint is keyed. Limited per user and per key before the cloud is asked;
    // every attempt audited (never the candidate).
    mount(router, psk.check, async (req, res) => {
      const regionId = regionParam(req);
      const id = idOf(req);
      const tunnelId =
        req.query.tunnelId === undefined || m.kind !== 'vpn-connection'
          ? undefined
          : parseOr400(tunnelIdSchema, req.query.tunnelId, 'tunnelId');
      const { psk: candidate } = parseOr400(pskCheckRequestSchema, req.body);
      const target =
        tunnelId === undefined
          ? { regionId, resourceType: m.kind, resourceId: id }
          : { regionId, resourceType: `${m.kind}-tunnel`, resourceId: `${id}/${tunnelId}` };
      const wait = await pskKeys.admitCheck(
        principalOf(req)?.accountId ?? 'anonymous',
        `${regionId}/${target.resourceId}`,
      );
      if (wait > 0) {
        await auditReveal(req, target, 'failure', 'TooManyRequests', 'checkPsk');
        res.set('Retry-After', String(Math.ceil(wait / 1000)));
        throw new HttpError(429, 'TooManyRequests', 'Too many key checks: try again later.');
      }
      let raw: Raw;
      try {
        raw = await m.getRaw(cloud, regionId, id);
      } catch (error) {
        const code = error instanceof HttpError ? error.code : undefined;
        await auditReveal(req, target, 'failure', code, 'checkPsk');
        throw error;
      }
      const keys = pskOf(raw);
      const located = { ...target, vpnGatewayId: m.gatewayOf(raw) };
      const actual =
        tunnelId === undefined
          ? { found: true, psk: keys.psk }
          : (() => {
              const tunnel = (keys.tunnels ?? []).find((t) => t.tunnelId === tunnelId);
              return { found: tunnel !== undefined, psk: tunnel?.psk };
            })();
      if (!actual.found) {
        await auditReveal(req, located, 'failure', 'NotFound', 'checkPsk');
        throw new HttpError(404, 'NotFound', 'The connection has no such tunnel.');
      }
      const match =
        actual.psk !== undefined &&
        actual.psk !== '' &&
        pskKeys.matches(tunnelId ?? id, actual.psk, candidate);
      // A match is a success, a mismatch a failure `PskMismatch`: the log shows who guessed.
      await auditReveal(
        req,
        located,
        match ? 'success' : 'failure',
        match ? undefined : 'PskMismatch',
        'checkPsk',
      );
      res.set('Cache-Control', 'no-store');
      res.json({ match });
    });
  }

  return router;
};
