// Auditing from inside other modules' handlers: the security guard attaches the audit log to
// each signed-in request; write and reveal handlers call these functions with the request.
// Without the security layer (no audit attached) they do nothing.
import type { Operation } from '@vpn-console/shared/api/operations';
import type { Request } from 'express';
import { principalOf, type Principal } from '../../auth/principal';
import { HttpError } from '../../http/errors';
import type { PskKeys } from '../secret-view';
import type { AuditChange } from '@vpn-console/shared/api/audit';
import { auditDiff, isSecretKey, type AuditLog } from './audit-log';

const auditOfRequest = new WeakMap<Request, AuditLog>();
const pskKeysOfRequest = new WeakMap<Request, PskKeys>();

export function attachAudit(req: Request, audit: AuditLog, pskKeys: PskKeys): void {
  auditOfRequest.set(req, audit);
  pskKeysOfRequest.set(req, pskKeys);
}

interface OperationSource {
  onChange(listener: (operation: Operation) => void): () => void;
}

interface PendingWrite {
  readonly audit: AuditLog;
  /** The intent's entry in the audit log. */
  readonly entryId: number;
  readonly changes: ReturnType<typeof auditDiff>;
  readonly log: Request['log'];
}

const pending = new Map<string, PendingWrite>();
const listening = new WeakSet<OperationSource>();

/** What the audit names a write by: `createIpsecServer`, `deleteVpnConnection`, … */
function actionName(op: Pick<Operation, 'action' | 'resourceKind'>): string {
  const kind = op.resourceKind
    .split('-')
    .map((w) =>
      w === 'ipsec'
        ? 'Ipsec'
        : w === 'vpn'
          ? 'Vpn'
          : w === 'ssl'
            ? 'Ssl'
            : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  return `${op.action}${kind}`;
}

function listen(source: OperationSource): void {
  if (listening.has(source)) return;
  listening.add(source);
  source.onChange((op) => {
    if (op.state !== 'succeeded' && op.state !== 'failed') return;
    const write = pending.get(op.id);
    if (write === undefined) return;
    pending.delete(op.id);
    write.audit
      .complete(write.entryId, {
        outcome: op.state === 'succeeded' ? 'success' : 'failure',
        resourceId: op.resourceId,
        requestId: op.requestId ?? op.error?.requestId,
        errorCode: op.error?.code,
        changes: write.changes,
      })
      .catch((error: unknown) => {
        // The intent stays `pending` (it still says who asked for what); logged for support.
        write.log.error({ err: error, operationId: op.id }, 'audit outcome not stored');
      });
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Replaces a requested secret by the fingerprint view the `before` side shows, so an unchanged
 * key compares equal and no key value is kept.
 */
function fingerprinted(
  requested: unknown,
  resourceId: string | undefined,
  keys: PskKeys | undefined,
): unknown {
  if (!isRecord(requested)) return requested;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (key === 'clientToken' || key === 'dryRun') continue;
    if (isSecretKey(key) && typeof value === 'string') {
      out[key] =
        resourceId === undefined || keys === undefined
          ? { set: true }
          : { masked: 'masked', fingerprint: keys.fingerprint(resourceId, value) };
    } else {
      out[key] = fingerprinted(value, resourceId, keys);
    }
  }
  return out;
}

function secretFingerprints(view: unknown): unknown {
  if (!isRecord(view)) return view;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) {
    out[key] =
      isSecretKey(key) && isRecord(value) && typeof value.fingerprint === 'string'
        ? { masked: 'masked', fingerprint: value.fingerprint }
        : secretFingerprints(value);
  }
  return out;
}

/** A request's `<resource>Name` (`ipsecServerName`, `vpnConnectionName`…) is the view's `name`. */
function viewNamed(requested: unknown): unknown {
  if (!isRecord(requested)) return requested;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(requested)) {
    out[/^[a-z][A-Za-z]*Name$/.test(key) && key !== 'userName' ? 'name' : key] = value;
  }
  return out;
}

function nameOf(v: unknown): string | undefined {
  if (!isRecord(v)) return undefined;
  const named = viewNamed(v);
  const name = isRecord(named) ? named.name : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * The rows a person reads as the change (issue 17): not the ids that say where it happened
 * (`ipsecServerId — → iss-…`, `vpnGatewayId — → vpn-…`; the entry names those already), and
 * for a delete not every field of the resource as it was (25 rows down to `onlineClientCount`)
 * but only its name.
 */
function meaningfulChanges(
  changes: readonly AuditChange[],
  intent: WriteIntent,
  resourceId: string | undefined,
): AuditChange[] {
  const ids = new Set(
    [intent.regionId, intent.vpnGatewayId, intent.resourceId, resourceId].filter(
      (id): id is string => id !== undefined,
    ),
  );
  const rows = changes.filter(
    (c) => c.secret || !(c.before === null && typeof c.after === 'string' && ids.has(c.after)),
  );
  if (intent.action === 'delete') return rows.filter((c) => !c.secret && c.path === 'name');
  return rows;
}

/** The audit log cannot take the intent of a write: the write is refused, nothing is sent. */
export const auditUnavailable = (): HttpError =>
  new HttpError(
    503,
    'AuditUnavailable',
    'The audit log cannot be written: the change was not sent to the cloud.',
  );

/** The operation a write intent is recorded for (before the operation exists). */
export interface WriteIntent {
  readonly operationId: string;
  readonly action: Operation['action'];
  readonly resourceKind: Operation['resourceKind'];
  readonly regionId: string;
  readonly vpnGatewayId?: string | undefined;
  readonly resourceId?: string | undefined;
}

/**
 * Stores the intent of a configuration write BEFORE anything goes to the cloud, and completes
 * it with the outcome (success or failure, Alibaba RequestId) once the operation settles.
 * `before` is the resource as the console showed it (PSKs masked with fingerprints),
 * `requested` the validated change; secrets appear only as changed or not. Throws
 * `AuditUnavailable` (503) when the store cannot take the intent: the caller must not write.
 */
export async function recordWriteIntent(
  req: Request,
  operations: OperationSource,
  intent: WriteIntent,
  details: { before?: unknown; requested?: unknown; resourceId?: string | undefined },
): Promise<void> {
  const audit = auditOfRequest.get(req);
  const principal = principalOf(req);
  // Only the bench's explicitly permissive layer has no audit (every guarded write has one).
  if (audit === undefined || principal === undefined) return;
  listen(operations);
  const changes = auditDiff(
    secretFingerprints(details.before),
    details.requested === undefined
      ? undefined
      : viewNamed(fingerprinted(details.requested, details.resourceId, pskKeysOfRequest.get(req))),
    { onlyAfterKeys: details.before !== undefined && details.requested !== undefined },
  );
  const shown = meaningfulChanges(changes, intent, details.resourceId);
  const resourceName = nameOf(details.requested) ?? nameOf(details.before);
  let entryId: number;
  try {
    entryId = await audit.recordIntent(
      {
        category: 'config',
        action: actionName(intent),
        actor: { id: principal.accountId, username: principal.username, role: principal.role },
        regionId: intent.regionId,
        vpnGatewayId: intent.vpnGatewayId,
        resourceType: intent.resourceKind,
        resourceId: intent.resourceId,
        resourceName,
        clientIp: req.ip,
        changes: shown,
      },
      intent.operationId,
    );
  } catch (error) {
    req.log.error({ err: error }, 'audit intent not stored: write refused');
    throw auditUnavailable();
  }
  pending.set(intent.operationId, { audit, entryId, changes: shown, log: req.log });
}

/**
 * The write of `operationId` was never made: its Idempotency-Key was taken a moment earlier by
 * another replica's operation, which answers the request (issue 16). Its intent goes, as a
 * resend answered before any intent is stored leaves none: the winner's entry records the one
 * write. A failure is logged (the entry then stays `pending`).
 */
export async function withdrawWriteIntent(operationId: string): Promise<void> {
  const write = pending.get(operationId);
  if (write === undefined) return;
  pending.delete(operationId);
  await write.audit.withdraw(write.entryId).catch((error: unknown) => {
    write.log.error({ err: error, operationId }, 'audit intent of an unmade write not withdrawn');
  });
}

/**
 * Records a reveal (never the secret): a PSK shown (`revealPsk`), or a download that carries key
 * material (`downloadSslVpnClientBundle`, `downloadIpsecClientProfile`).
 */
export async function auditReveal(
  req: Request,
  target: {
    regionId: string;
    vpnGatewayId?: string | undefined;
    resourceType: string;
    resourceId: string;
  },
  outcome: 'success' | 'failure',
  errorCode?: string,
  action = 'revealPsk',
): Promise<void> {
  const audit = auditOfRequest.get(req);
  const principal = principalOf(req);
  if (audit === undefined || principal === undefined) return;
  await audit.record({
    category: 'reveal',
    action,
    outcome,
    actor: { id: principal.accountId, username: principal.username, role: principal.role },
    regionId: target.regionId,
    vpnGatewayId: target.vpnGatewayId,
    resourceType: target.resourceType,
    resourceId: target.resourceId,
    errorCode,
    clientIp: req.ip,
  });
}

/**
 * Records a peer-configuration export (issue 13): which device and tunnel, and whether the PSK
 * was put in the file (`exportPeerConfigWithPsk`, a reveal) or masked (`exportPeerConfig`).
 * Awaited before any byte of the file is sent: no file leaves without its record.
 */
export async function auditPeerConfigExport(
  req: Request,
  target: {
    regionId: string;
    vpnGatewayId?: string | undefined;
    resourceId: string;
    device: string;
    tunnelId?: string | undefined;
    revealPsk: boolean;
  },
  outcome: 'success' | 'failure',
  errorCode?: string,
): Promise<void> {
  const audit = auditOfRequest.get(req);
  const principal = principalOf(req);
  if (audit === undefined || principal === undefined) return;
  await audit.record({
    category: 'reveal',
    action: target.revealPsk ? 'exportPeerConfigWithPsk' : 'exportPeerConfig',
    outcome,
    actor: { id: principal.accountId, username: principal.username, role: principal.role },
    regionId: target.regionId,
    vpnGatewayId: target.vpnGatewayId,
    resourceType: 'vpn-connection',
    resourceId: target.resourceId,
    errorCode,
    clientIp: req.ip,
    changes: [
      { path: 'device', secret: false, before: null, after: target.device },
      ...(target.tunnelId === undefined
        ? []
        : [{ path: 'tunnelId', secret: false as const, before: null, after: target.tunnelId }]),
    ],
  });
}

/**
 * Records a request refused by role on a route whose refusals are audited (a viewer's PSK
 * reveal or key-material download): who, what, from where, `Forbidden`. The route's path names
 * the resource.
 */
export async function auditRefusal(
  req: Request,
  principal: Principal,
  action: string,
): Promise<void> {
  const audit = auditOfRequest.get(req);
  if (audit === undefined) return;
  const match = /^\/api\/v1\/regions\/([^/]+)\/([^/]+)\/([^/]+)\//.exec(req.originalUrl);
  const decode = (part: string | undefined) => {
    if (part === undefined) return undefined;
    try {
      // Control characters never reach the store (a NUL would make the insert fail).
      return decodeURIComponent(part)
        .replace(/[\p{Cc}\p{Cf}]/gu, '')
        .slice(0, 128);
    } catch {
      return undefined;
    }
  };
  await audit
    .record({
      category: 'reveal',
      action,
      outcome: 'failure',
      actor: { id: principal.accountId, username: principal.username, role: principal.role },
      regionId: decode(match?.[1]),
      // `ipsec-servers` → `ipsec-server`, `ssl-vpn-client-certs` → `ssl-vpn-client-cert`.
      resourceType: decode(match?.[2])?.replace(/s$/, ''),
      resourceId: decode(match?.[3]),
      errorCode: 'Forbidden',
      clientIp: req.ip,
    })
    .catch((error: unknown) => {
      // Refused either way; the missing entry is logged for support.
      req.log.error({ err: error }, 'refusal not audited');
    });
}

/**
 * Records a write the BFF refused before any cloud call because the gateway cannot take it
 * (issue 17: locked, SSL-VPN off, a version without IPsec server, its one server there), with the
 * shared catalog's reason code. A failure to store it is logged: the write is refused either way.
 */
export async function auditRefusedWrite(
  req: Request,
  target: Pick<WriteIntent, 'action' | 'resourceKind' | 'regionId' | 'vpnGatewayId' | 'resourceId'>,
  errorCode: string,
  requested: unknown,
): Promise<void> {
  const audit = auditOfRequest.get(req);
  const principal = principalOf(req);
  if (audit === undefined || principal === undefined) return;
  await audit
    .record({
      category: 'config',
      action: actionName(target),
      outcome: 'failure',
      actor: { id: principal.accountId, username: principal.username, role: principal.role },
      regionId: target.regionId,
      vpnGatewayId: target.vpnGatewayId,
      resourceType: target.resourceKind,
      resourceId: target.resourceId,
      resourceName: nameOf(requested),
      errorCode,
      clientIp: req.ip,
    })
    .catch((error: unknown) => {
      req.log.error({ err: error }, 'refused write not audited');
    });
}

/** Records an admin's demo-mode action (`resetDemo`, `startDemoScenario` with its name). */
export async function auditDemoAction(
  req: Request,
  action: 'resetDemo' | 'startDemoScenario',
  scenario?: string,
): Promise<void> {
  const audit = auditOfRequest.get(req);
  const principal = principalOf(req);
  if (audit === undefined || principal === undefined) return;
  await audit.record({
    category: 'config',
    action,
    outcome: 'success',
    actor: { id: principal.accountId, username: principal.username, role: principal.role },
    clientIp: req.ip,
    changes:
      scenario === undefined
        ? []
        : [{ path: 'scenario', secret: false, before: null, after: scenario }],
  });
}
