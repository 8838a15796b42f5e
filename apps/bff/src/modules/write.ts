// Shared machinery of every write route: Idempotency-Key → ClientToken, dry runs, operations on
// the gateway's write lane, 202 answers.
import { createHash, randomUUID } from 'node:crypto';
import type {
  DryRunVerdict,
  OperationAction,
  ResourceKind,
} from '@vpn-console/shared/api/operations';
import { clientTokenSchema } from '@vpn-console/shared/common/fields';
import type { RpcAction, RpcParams } from '@vpn-console/shared/rpc-types';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CloudError } from '../cloud/errors';
import { cloudErrorToApiError, HttpError, validationFailed } from '../http/errors';
import type { StoredOperation } from '../operations/durable';
import type { ReadBackResult, WriteJob } from '../operations/lanes';
import { newOperationId, type FoundOperation } from '../operations/registry';
import { principalOf } from '../auth/principal';
import { auditUnavailable, recordWriteIntent, withdrawWriteIntent } from './audit/request-audit';
import type { Runtime } from '../runtime';

const requestIdOnly = z.looseObject({ RequestId: z.string().optional() });

/** `?dryRun=true|false` (a body `dryRun` is also honoured by the shared schemas). */
export const dryRunQuery = (req: Request): boolean => {
  const parsed = z.object({ dryRun: z.enum(['true', 'false']).optional() }).safeParse(req.query);
  if (!parsed.success) throw validationFailed([{ path: 'dryRun', code: 'INVALID_TYPE' }]);
  return parsed.data.dryRun === 'true';
};

/** The Idempotency-Key header (or undefined); validated like a ClientToken (≤ 64 ASCII). */
const idempotencyKeyOf = (req: Request): string | undefined => {
  const raw = req.get('Idempotency-Key');
  if (raw === undefined) return undefined;
  const parsed = clientTokenSchema.safeParse(raw);
  if (!parsed.success)
    throw validationFailed([{ path: 'Idempotency-Key', code: 'INVALID_FORMAT' }]);
  return parsed.data;
};

const streamIdOf = (req: Request): string | undefined => {
  const parsed = z.uuid().safeParse(req.get('X-Event-Stream'));
  return parsed.success ? parsed.data : undefined;
};

/**
 * Merges path parameters into the body before validation; a body that names a different value
 * for one of them is refused.
 */
export const bodyWithPath = (
  body: unknown,
  fromPath: Record<string, string>,
): Record<string, unknown> => {
  if (body === undefined) return { ...fromPath };
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  if (!parsed.success) throw validationFailed([{ path: '', code: 'INVALID_TYPE' }]);
  const merged: Record<string, unknown> = { ...parsed.data };
  for (const [key, value] of Object.entries(fromPath)) {
    if (key in merged && merged[key] !== value) {
      throw validationFailed([{ path: key, code: 'PATH_MISMATCH' }]);
    }
    merged[key] = value;
  }
  return merged;
};

/** Runs the cloud's DryRun of a write and turns the answer into a verdict. */
export const runDryRun = async (
  runtime: Runtime,
  regionId: string,
  action: RpcAction,
  params: RpcParams,
): Promise<DryRunVerdict> => {
  if (!('DryRun' in params)) {
    // Without a DryRun parameter the cloud would carry the change out.
    throw new HttpError(400, 'DryRunUnsupported', 'The cloud offers no dry run for this change.');
  }
  try {
    await runtime.cloud.call(action, params, {
      regionId,
      schema: requestIdOnly,
      write: true,
      policy: { maxAttempts: 1 },
    });
    // The cloud carried out nothing but did not answer DryRunOperation either.
    runtime.logger.warn({ action }, 'dry run answered success instead of DryRunOperation');
    return { dryRun: true, ok: true, checkedBy: 'cloud' };
  } catch (error) {
    if (error instanceof CloudError && error.code === 'DryRunOperation')
      return { dryRun: true, ok: true, checkedBy: 'cloud' };
    if (error instanceof CloudError)
      return { dryRun: true, ok: false, error: cloudErrorToApiError(error), checkedBy: 'cloud' };
    throw error;
  }
};

export interface WriteSpec<T> {
  action: OperationAction;
  resourceKind: ResourceKind;
  regionId: string;
  /** The lane: the gateway's, or undefined for region-wide resources (customer gateways). */
  vpnGatewayId: string | undefined;
  resourceId?: string | undefined;
  /** The validated value (for the idempotency fingerprint). */
  value: unknown;
  /** Builds the RPC with the ClientToken the BFF chose. */
  rpc(clientToken: string): { action: RpcAction; params: RpcParams };
  responseSchema: z.ZodType<T>;
  resourceIdOf?: (data: T) => string | undefined;
  /** After an ambiguous failure: find out whether the write landed. */
  readBack?: () => Promise<ReadBackResult>;
  /**
   * For the audit log (issue 5): the resource as shown before the write (change/delete) and
   * the requested change (default: `value`). Secrets are reduced to changed/unchanged there.
   */
  audit?: { before?: unknown; requested?: unknown };
}

/**
 * Stores the write's audit intent, then queues it and answers 202 with its operation (or the
 * existing one for a resent key). No intent stored, no write: 503 `AuditUnavailable`.
 */
export const submitWrite = async <T>(
  runtime: Runtime,
  req: Request,
  res: Response,
  spec: WriteSpec<T>,
): Promise<void> => {
  // A dry run never changes anything: a route that reaches here with ?dryRun=true has no dry
  // run of its own (e.g. delete), so it is refused rather than carried out.
  if (dryRunQuery(req)) {
    throw new HttpError(400, 'DryRunUnsupported', 'This change offers no dry run.');
  }
  const requestKey = idempotencyKeyOf(req);
  // Keys are scoped per user: another user's same key is another intent (and, as ClientToken,
  // must not make the cloud answer the first user's resource).
  const principal = principalOf(req);
  const key =
    requestKey === undefined || principal === undefined
      ? requestKey
      : `u-${createHash('sha256').update(`${principal.accountId}\n${requestKey}`).digest('hex').slice(0, 48)}`;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([spec.action, spec.resourceKind, spec.regionId, spec.resourceId, spec.value]),
    )
    .digest('hex');
  const answerExisting = (existing: FoundOperation): void => {
    if (existing.fingerprint !== fingerprint) {
      throw new HttpError(
        409,
        'IdempotencyKeyReused',
        'This Idempotency-Key was used for a different request.',
      );
    }
    res
      .status(202)
      .location(`/api/v1/operations/${existing.operation.id}`)
      .json(existing.operation);
  };
  if (key !== undefined) {
    // Any replica's operation: the key may have been sent to another one first.
    const existing = await runtime.registry.lookupByIdempotencyKey(key).catch(() => {
      throw auditUnavailable();
    });
    if (existing) {
      answerExisting(existing);
      return;
    }
  }
  const clientToken = key ?? `bff-${randomUUID()}`;
  const operationId = newOperationId();
  // No write without its audit record: the intent is stored before the operation exists.
  await recordWriteIntent(
    req,
    runtime.registry,
    {
      operationId,
      action: spec.action,
      resourceKind: spec.resourceKind,
      regionId: spec.regionId,
      vpnGatewayId: spec.vpnGatewayId,
      resourceId: spec.resourceId,
    },
    { ...(spec.audit ?? { requested: spec.value }), resourceId: spec.resourceId },
  );
  const record = runtime.registry.create({
    id: operationId,
    action: spec.action,
    resourceKind: spec.resourceKind,
    regionId: spec.regionId,
    vpnGatewayId: spec.vpnGatewayId,
    resourceId: spec.resourceId,
    originStreamId: streamIdOf(req),
    idempotencyKey: key,
    fingerprint,
  });
  const rpc = spec.rpc(clientToken);
  const laneKey =
    spec.vpnGatewayId === undefined
      ? `${spec.regionId}/${spec.resourceKind}`
      : `${spec.regionId}/${spec.vpnGatewayId}`;
  // A 202 is never forgotten: the operation (and how to resend it) is stored before it is queued.
  let twin: FoundOperation | undefined;
  try {
    twin = await runtime.registry.persist(record, laneKey, {
      action: rpc.action,
      params: rpc.params,
      resourceIdField: spec.action === 'create' ? createdIdField[spec.resourceKind] : undefined,
    });
  } catch (error) {
    runtime.registry.forget(record.operation.id);
    req.log.error({ err: error }, 'operation not stored: write refused');
    throw auditUnavailable();
  }
  if (twin) {
    // Nothing was sent for this request: its intent goes, the twin's records the write.
    await withdrawWriteIntent(operationId);
    answerExisting(twin);
    return;
  }
  runtime.lanes.submit(
    laneKey,
    spec.vpnGatewayId === undefined
      ? undefined
      : { regionId: spec.regionId, vpnGatewayId: spec.vpnGatewayId },
    record,
    {
      apply: async () => {
        const result = await runtime.cloud.call(rpc.action, rpc.params, {
          regionId: spec.regionId,
          schema: spec.responseSchema,
          write: true,
        });
        return {
          resourceId: spec.resourceIdOf?.(result.data),
          requestId: result.requestId,
          attempts: result.attempts,
        };
      },
      ...(spec.readBack ? { readBack: spec.readBack } : {}),
    },
  );
  req.log.info(
    { operationId: record.operation.id, action: spec.action, kind: spec.resourceKind },
    'write queued',
  );
  res.status(202).location(`/api/v1/operations/${record.operation.id}`).json(record.operation);
};

/** The field of a create's answer that names the new resource, per kind. */
const createdIdField: Record<ResourceKind, string> = {
  'ipsec-server': 'IpsecServerId',
  'vpn-connection': 'VpnConnectionId',
  'ssl-vpn-server': 'SslVpnServerId',
  'customer-gateway': 'CustomerGatewayId',
  'ssl-vpn-client-cert': 'SslVpnClientCertId',
};

/**
 * The write of an operation adopted from a dead replica: the stored RPC sent again with its
 * ClientToken (the cloud answers the first result when the write had landed already).
 */
export const resumedJob = (runtime: Runtime, stored: StoredOperation): WriteJob => ({
  apply: async () => {
    const job = stored.job;
    if (job === undefined) {
      throw new HttpError(500, 'InternalError', 'The write could not be sent again.');
    }
    const result = await runtime.cloud.call(job.action, job.params, {
      regionId: stored.operation.regionId,
      schema: z.record(z.string(), z.unknown()),
      write: true,
    });
    const created =
      job.resourceIdField === undefined ? undefined : result.data[job.resourceIdField];
    return {
      resourceId: typeof created === 'string' ? created : undefined,
      requestId: result.requestId,
      attempts: result.attempts,
    };
  },
});
