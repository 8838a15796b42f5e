// Auditing from inside other modules' handlers: the security guard attaches the audit log to
// each signed-in request; write and reveal handlers call these functions with the request.
// Without the security layer (no audit attached) they do nothing.
import type { Operation } from '@vpn-console/shared/api/operations';
import type { Request } from 'express';
import { principalOf } from '../../auth/principal';
import { pskFingerprint } from '../secret-view';
import { auditDiff, isSecretKey, type AuditLog } from './audit-log';

const auditOfRequest = new WeakMap<Request, AuditLog>();

export function attachAudit(req: Request, audit: AuditLog): void {
  auditOfRequest.set(req, audit);
}

interface OperationSource {
  onChange(listener: (operation: Operation) => void): () => void;
}

interface PendingWrite {
  readonly audit: AuditLog;
  readonly actor: { id: string; username: string; role: 'viewer' | 'operator' | 'admin' };
  readonly changes: ReturnType<typeof auditDiff>;
  readonly clientIp: string | undefined;
}

const pending = new Map<string, PendingWrite>();
const listening = new WeakSet<OperationSource>();

function actionName(op: Operation): string {
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
      .record({
        category: 'config',
        action: actionName(op),
        outcome: op.state === 'succeeded' ? 'success' : 'failure',
        actor: write.actor,
        regionId: op.regionId,
        vpnGatewayId: op.vpnGatewayId,
        resourceType: op.resourceKind,
        resourceId: op.resourceId,
        requestId: op.requestId ?? op.error?.requestId,
        errorCode: op.error?.code,
        clientIp: write.clientIp,
        changes: write.changes,
      })
      .catch(() => undefined);
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Replaces a requested secret by the fingerprint view the `before` side shows, so an unchanged
 * key compares equal and no key value is kept.
 */
function fingerprinted(requested: unknown, resourceId: string | undefined): unknown {
  if (!isRecord(requested)) return requested;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (key === 'clientToken' || key === 'dryRun') continue;
    if (isSecretKey(key) && typeof value === 'string') {
      out[key] =
        resourceId === undefined
          ? { set: true }
          : { masked: 'masked', fingerprint: pskFingerprint(resourceId, value) };
    } else {
      out[key] = fingerprinted(value, resourceId);
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

/**
 * Records a configuration write once its operation settles (success or failure, with the
 * Alibaba RequestId). `before` is the resource as the console showed it (PSKs already masked
 * with fingerprints), `requested` the validated change; secrets appear only as changed or not.
 */
export function auditWrite(
  req: Request,
  operations: OperationSource,
  operation: Operation,
  details: { before?: unknown; requested?: unknown; resourceId?: string | undefined },
): void {
  const audit = auditOfRequest.get(req);
  const principal = principalOf(req);
  if (audit === undefined || principal === undefined) return;
  listen(operations);
  pending.set(operation.id, {
    audit,
    actor: { id: principal.accountId, username: principal.username, role: principal.role },
    changes: auditDiff(
      secretFingerprints(details.before),
      details.requested === undefined
        ? undefined
        : fingerprinted(details.requested, details.resourceId),
      { onlyAfterKeys: details.before !== undefined && details.requested !== undefined },
    ),
    clientIp: req.ip,
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
