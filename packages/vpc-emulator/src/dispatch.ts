import type { AccessKey } from './auth';
import type { EmulatorCore } from './core';
import { apiErrors } from './errors';
import type { Operation, OperationContext, WireObject } from './operations/context';
import type { Params } from './params';
import { isKnownRegion } from './regions';
import { checkClientToken } from './rules';

/** Parameters that are part of the call's envelope, not of what it asks for (left out of the idempotency fingerprint). */
const SIGNING_PARAMS = new Set([
  'Signature',
  'SignatureNonce',
  'SignatureMethod',
  'SignatureVersion',
  'Timestamp',
  'AccessKeyId',
  'Format',
  'Version',
  'Action',
  'DryRun',
  'SecurityToken',
]);

const IDEMPOTENCY_LIMIT = 5000;

/** Actions whose error tables document `Forbbiden.SubUser` (seeds 002, 003). */
const SUB_USER_ACTIONS = new Set(['CreateVpnConnection', 'CreateSslVpnServer']);

function makeContext(
  core: EmulatorCore,
  params: Params,
  now: number,
  regionId: string,
  dryRun: boolean,
): OperationContext {
  return {
    params,
    state: core.state,
    now,
    updatingMs: core.updatingMs,
    negotiationMs: core.negotiationMs,
    regionId,
    dryRun,
    commit() {
      if (dryRun) throw apiErrors.dryRun();
    },
  };
}

/**
 * What every action shares around its own rules: `RegionId`, the key's permissions, `DryRun`,
 * `ClientToken` idempotency (same token and parameters ⇒ the first answer; other parameters ⇒
 * `IdempotentParameterMismatch`), and saving the state after a write.
 */
export function runOperation(
  core: EmulatorCore,
  action: string,
  operation: Operation,
  params: Params,
  key: AccessKey,
  now: number,
): WireObject {
  const regionId = params.str('RegionId');
  if (action !== 'DescribeRegions') {
    if (regionId === undefined) throw apiErrors.missingParameter('RegionId');
    if (!isKnownRegion(regionId, core.state)) throw apiErrors.regionNotFound(regionId);
  }
  const region = regionId ?? 'cn-hangzhou';
  if (!operation.write) return operation.run(makeContext(core, params, now, region, false));
  if (key.readOnly === true) throw apiErrors.forbidden();
  if (key.ramSubUser === true) {
    throw SUB_USER_ACTIONS.has(action) ? apiErrors.forbiddenSubUser() : apiErrors.forbidden();
  }
  const dryRunText = params.str('DryRun');
  if (dryRunText !== undefined && dryRunText !== 'true' && dryRunText !== 'false') {
    throw apiErrors.invalidParameter('DryRun');
  }
  const dryRun = dryRunText === 'true';
  const token = checkClientToken(params);
  const idemKey = token === undefined ? undefined : `${key.accessKeyId}\n${action}\n${token}`;
  const fingerprint = JSON.stringify(
    [...params.map.entries()]
      .filter(([k]) => !SIGNING_PARAMS.has(k))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  if (idemKey !== undefined && !dryRun) {
    const previous = core.state.idempotency.find((e) => e.key === idemKey);
    if (previous !== undefined) {
      if (previous.fingerprint !== fingerprint) throw apiErrors.idempotentMismatch();
      return previous.body;
    }
  }
  const body = operation.run(makeContext(core, params, now, region, dryRun));
  if (idemKey !== undefined) {
    core.state.idempotency.push({ key: idemKey, fingerprint, body });
    if (core.state.idempotency.length > IDEMPOTENCY_LIMIT) core.state.idempotency.shift();
  }
  core.save();
  return body;
}
