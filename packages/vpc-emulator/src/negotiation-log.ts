import {
  negotiationFailure,
  negotiationStatus,
  type NegotiatingSide,
  type NegotiationFailure,
} from './negotiation';
import type { Gateway, PeerProfile } from './state';

/**
 * The negotiation log of one tunnel (or single-tunnel connection), in the shape of strongSwan's
 * charon lines, derived from the same model as its `Status` (`negotiation.ts`): nothing is stored,
 * the lines of any window are computed. A failing phase 1 is retried every `RETRY_MS` (one
 * `initiating IKE_SA` line and the peer's notify each time); a failing phase 2 likewise with
 * `establishing CHILD_SA`; a tunnel that was up when its peer changed to one that refuses it shows
 * the DPD timeout first. Like the cloud, only the last `LOG_RETENTION_MS` are served.
 */
export const RETRY_MS = 30_000;
export const LOG_RETENTION_MS = 10 * 60_000;

export interface LogSubject {
  /** The connection's id (single-tunnel) or the tunnel's id: charon's connection name. */
  name: string;
  side: NegotiatingSide;
  gateway: Gateway | undefined;
  localIp: string;
  peerIp: string;
  peer: PeerProfile | undefined;
  /** The peer before its last change (0 / undefined: never changed). */
  previousPeer: PeerProfile | undefined;
  peerChangedAt: number;
}

export interface LogLine {
  at: number;
  line: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-30 02:14:03` (UTC). */
export function logTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A stable 8-hex-digit SPI from the tunnel's name and the attempt. */
function spi(name: string, salt: number): string {
  let h = 2166136261 ^ salt;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Grid instants `first + k·step` inside [lo, hi). */
function grid(first: number, step: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  const k0 = Math.max(0, Math.ceil((lo - first) / step));
  for (let t = first + k0 * step; t < hi; t += step) out.push(t);
  return out;
}

function failureLine(s: LogSubject, f: NegotiationFailure, n: number): string {
  if (f.notify === 'TIMEOUT') {
    return `13[IKE] <${s.name}|${n}> giving up after 5 retransmits, no CHILD_SA built`;
  }
  if (f.phase === 2) {
    return `13[IKE] <${s.name}|${n}> received ${f.notify} notify, no CHILD_SA built`;
  }
  return `13[IKE] <${s.name}|${n}> received ${f.notify} notify error`;
}

/** The lines of one stretch of time during which the peer did not change. */
function segmentLines(
  s: LogSubject,
  peer: PeerProfile,
  segStart: number,
  segEnd: number,
  wasUp: boolean,
  negotiationMs: number,
  lo: number,
  hi: number,
): LogLine[] {
  const out: LogLine[] = [];
  const emit = (at: number, text: string) => {
    if (at >= lo && at < hi && at >= segStart && at < segEnd) {
      out.push({ at, line: `${logTimestamp(at)} ${text}` });
    }
  };
  const base = s.side.NegotiationStartsAt;
  const ikeAt = Math.max(base + negotiationMs / 2, segStart);
  const childAt = Math.max(base + negotiationMs, segStart);
  const failure = negotiationFailure(s.side, peer);
  const ikeUp = (at: number) => {
    emit(at, `09[IKE] <${s.name}|1> initiating IKE_SA ${s.name}[1] to ${s.peerIp}`);
    emit(
      at + 1,
      `09[IKE] <${s.name}|1> IKE_SA ${s.name}[1] established between ${s.localIp}[${s.localIp}]...${s.peerIp}[${s.peerIp}]`,
    );
  };
  if (wasUp && failure !== undefined) {
    emit(segStart, `11[IKE] <${s.name}|1> sending DPD request`);
    emit(segStart + 1, `11[IKE] <${s.name}|1> giving up after 5 retransmits`);
    emit(
      segStart + 2,
      `11[IKE] <${s.name}|1> DPD timeout, deleting IKE_SA ${s.name}[1] between ${s.localIp}...${s.peerIp}`,
    );
  }
  if (failure === undefined) {
    if (wasUp) return out;
    ikeUp(ikeAt);
    emit(
      childAt + 2,
      `09[IKE] <${s.name}|1> CHILD_SA ${s.name}{1} established with SPIs ${spi(s.name, 1)}_i ${spi(s.name, 2)}_o`,
    );
    return out;
  }
  if (failure.phase === 1) {
    const first = base + negotiationMs / 2;
    for (const at of grid(first, RETRY_MS, Math.max(lo, segStart) - 2, Math.min(hi, segEnd))) {
      const n = Math.round((at - first) / RETRY_MS) + 1;
      emit(at, `09[IKE] <${s.name}|${n}> initiating IKE_SA ${s.name}[${n}] to ${s.peerIp}`);
      emit(at + 1, failureLine(s, failure, n));
    }
    return out;
  }
  // A DPD timeout took the IKE_SA down with the CHILD_SA: phase 1 comes back at once.
  ikeUp(wasUp ? segStart + 3 : ikeAt);
  const first = base + negotiationMs;
  for (const at of grid(first, RETRY_MS, Math.max(lo, segStart) - 2, Math.min(hi, segEnd))) {
    const n = Math.round((at - first) / RETRY_MS) + 1;
    emit(at, `09[IKE] <${s.name}|1> establishing CHILD_SA ${s.name}{${n}}`);
    emit(at + 1, failureLine(s, failure, 1));
  }
  return out;
}

/**
 * The log lines of `s` in [from, to), oldest first, clipped to the last `LOG_RETENTION_MS`
 * before `now` (nothing after `now`).
 */
export function negotiationLog(
  s: LogSubject,
  from: number,
  to: number,
  now: number,
  negotiationMs: number,
): LogLine[] {
  const { gateway, peer } = s;
  if (gateway === undefined || peer === undefined || gateway.BusinessStatus === 'FinancialLocked')
    return [];
  const lo = Math.max(from, now - LOG_RETENTION_MS);
  const hi = Math.min(to, now + 1);
  if (lo >= hi) return [];
  const base = s.side.NegotiationStartsAt;
  const changed = s.previousPeer !== undefined && s.peerChangedAt > base;
  const lines: LogLine[] = [];
  let wasUp = false;
  if (changed && s.previousPeer !== undefined) {
    lines.push(
      ...segmentLines(s, s.previousPeer, base, s.peerChangedAt, false, negotiationMs, lo, hi),
    );
    wasUp =
      negotiationStatus(s.side, gateway, s.previousPeer, s.peerChangedAt - 1, negotiationMs) ===
      'ipsec_sa_established';
  }
  const segStart = changed ? s.peerChangedAt : base;
  lines.push(...segmentLines(s, peer, segStart, Infinity, wasUp, negotiationMs, lo, hi));
  return lines.sort((a, b) => a.at - b.at);
}
