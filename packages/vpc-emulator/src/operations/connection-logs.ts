/**
 * DescribeVpnConnectionLogs and DiagnoseVpnConnections: the negotiation log (`../negotiation-log.ts`)
 * and the first thing the simulated peer refuses (`negotiationFailure`), per single-tunnel
 * connection or per tunnel.
 */
import { apiErrors } from '../errors';
import { negotiationFailure } from '../negotiation';
import { logTimestamp, negotiationLog, type LogLine, type LogSubject } from '../negotiation-log';
import type { Connection, EmulatorState } from '../state';
import { findGateway, type Operation, type OperationContext, type WireObject } from './context';
import { findConnection } from './vpn-connections';
import { tunnelInternetIp } from './tunnels';

/** The log subjects of a connection: itself (single-tunnel) or each of its tunnels. */
function logSubjects(state: EmulatorState, conn: Connection): LogSubject[] {
  const gateway = state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const subject = (
    name: string,
    side: LogSubject['side'],
    customerGatewayId: string,
    localIp: string,
  ): LogSubject => {
    const cgw = state.customerGateways.find((c) => c.CustomerGatewayId === customerGatewayId);
    return {
      name,
      side,
      gateway,
      localIp,
      peerIp: cgw?.IpAddress ?? '',
      peer: cgw?.Peer,
      previousPeer: cgw?.PreviousPeer,
      peerChangedAt: cgw?.PeerChangedAt ?? 0,
    };
  };
  if (conn.Tunnels.length === 0) {
    return [subject(conn.VpnConnectionId, conn, conn.CustomerGatewayId, gateway?.InternetIp ?? '')];
  }
  return conn.Tunnels.map((t) =>
    subject(
      t.TunnelId,
      t,
      t.CustomerGatewayId,
      gateway === undefined ? '' : tunnelInternetIp(gateway, t.TunnelIndex),
    ),
  );
}

const MAX_WINDOW_S = 600;

/** From/To (Unix seconds), or one of them with MinutePeriod (1–10), or MinutePeriod alone. */
function logWindow(ctx: OperationContext): { from: number; to: number } {
  const p = ctx.params;
  const from = p.int('From', 0, 4_102_444_800);
  const to = p.int('To', 0, 4_102_444_800);
  const period = p.int('MinutePeriod', 1, 10);
  const nowS = Math.floor(ctx.now / 1000);
  let window: { from: number; to: number };
  if (from !== undefined && to !== undefined) window = { from, to };
  else if (from !== undefined && period !== undefined) window = { from, to: from + period * 60 };
  else if (to !== undefined && period !== undefined) window = { from: to - period * 60, to };
  else if (period !== undefined) window = { from: nowS - period * 60, to: nowS };
  else throw apiErrors.missingParameter(from === undefined ? 'From' : 'To');
  if (window.to <= window.from) throw apiErrors.invalidParameter('To');
  if (window.to - window.from > MAX_WINDOW_S) throw apiErrors.invalidParameter('MinutePeriod');
  return { from: window.from * 1000, to: window.to * 1000 };
}

export const describeVpnConnectionLogs: Operation = {
  write: false,
  run(ctx) {
    const p = ctx.params;
    const conn = findConnection(ctx, p.required('VpnConnectionId'));
    const tunnelId = p.str('TunnelId');
    const subjects = logSubjects(ctx.state, conn).filter(
      (s) => tunnelId === undefined || s.name === tunnelId,
    );
    if (tunnelId !== undefined && (conn.Tunnels.length === 0 || subjects.length === 0)) {
      throw apiErrors.invalidParameter('TunnelId');
    }
    const { from, to } = logWindow(ctx);
    const pageNumber = p.int('PageNumber', 1, 1_000_000) ?? 1;
    const pageSize = p.int('PageSize', 1, 50) ?? 50;
    const lines: LogLine[] = subjects
      .flatMap((s) => negotiationLog(s, from, to, ctx.now, ctx.negotiationMs))
      .sort((a, b) => a.at - b.at);
    const start = (pageNumber - 1) * pageSize;
    return {
      Count: lines.length,
      IsCompleted: start + pageSize >= lines.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      Data: { Logs: lines.slice(start, start + pageSize).map((l) => l.line) },
    };
  },
};

export const diagnoseVpnConnections: Operation = {
  write: false,
  run(ctx) {
    const p = ctx.params;
    const gateway = findGateway(ctx, p.required('VpnGatewayId'));
    const connectionIds = p.list('VpnConnectionIds');
    const tunnelIds = p.list('TunnelIds');
    const items: WireObject[] = [];
    for (const conn of ctx.state.connections) {
      if (conn.VpnGatewayId !== gateway.VpnGatewayId) continue;
      if (connectionIds.length > 0 && !connectionIds.includes(conn.VpnConnectionId)) continue;
      for (const s of logSubjects(ctx.state, conn)) {
        const tunnelId = conn.Tunnels.length > 0 ? s.name : undefined;
        if (tunnelIds.length > 0 && (tunnelId === undefined || !tunnelIds.includes(tunnelId)))
          continue;
        const item = diagnose(ctx, s);
        if (item === undefined) continue;
        items.push({
          VpnConnectionId: conn.VpnConnectionId,
          ...(tunnelId === undefined ? {} : { TunnelId: tunnelId }),
          ...item,
        });
      }
    }
    const pageNumber = p.int('PageNumber', 1, 1_000_000) ?? 1;
    const pageSize = p.int('PageSize', 1, 50) ?? 10;
    const start = (pageNumber - 1) * pageSize;
    return {
      TotalCount: items.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      VpnConnections: items.slice(start, start + pageSize),
    };
  },
};

/** What is wrong with one side now, once its negotiation has had time to fail. */
function diagnose(ctx: OperationContext, s: LogSubject): WireObject | undefined {
  if (s.peer === undefined || s.gateway === undefined) return undefined;
  const failure = negotiationFailure(s.side, s.peer);
  if (failure === undefined) return undefined;
  const base = s.side.NegotiationStartsAt;
  const reached = base + (failure.phase === 1 ? ctx.negotiationMs / 2 : ctx.negotiationMs);
  if (ctx.now < reached) return undefined;
  const failedTime = Math.max(reached, s.peerChangedAt > base ? s.peerChangedAt : 0);
  const recent = negotiationLog(s, ctx.now - 60_000, ctx.now + 1, ctx.now, ctx.negotiationMs);
  const lastFailure = [...recent].reverse().find((l) => /notify|giving up|timeout/i.test(l.line));
  return {
    FailedReasonCode: failure.code,
    FailedReason: failure.reason,
    FailedTime: failedTime,
    MismatchLocalParam: failure.local ?? '',
    MismatchRemoteParam: failure.remote ?? '',
    SourceLog:
      lastFailure?.line ??
      `${logTimestamp(failedTime)} ${s.name} negotiation failed: ${failure.reason}`,
    Severity: failure.phase === 1 ? 'Critical' : 'Warn',
  };
}
