// The console's reading of each negotiation (issue 17): the cloud's `Status` says
// `ike_sa_not_established` both before the first attempt and after a failed one, which showed a
// new connection to a cooperative peer as a red failure for its first seconds. The hub remembers
// when each connection's and tunnel's negotiation (re)started, as it observed it (the end of an
// `updating`, or the creation of a connection it sees for the first time), and reads the status
// against a verdict window: short of `ipsec_sa_established` within the window is `negotiating`;
// `ipsec_sa_not_established` (phase 2 refused) or not up when the window closes is `failed`.
import type { ConnectionStatus, NegotiationVerdict } from '@vpn-console/shared/api/events';

/** Lifecycle states during which a connection or tunnel is being changed, not negotiating. */
export const CHANGING_CONNECTION_STATES: ReadonlySet<string> = new Set([
  'init',
  'provisioning',
  'updating',
  'attaching',
  'detaching',
  'upgrading',
]);

/** When each subject's negotiation started (epoch ms), or `null`: it is being changed now. */
export type NegotiationStarts = Map<string, number | null>;

interface Subject {
  status?: string | undefined;
  state?: string | undefined;
}

interface Reading {
  negotiation?: NegotiationVerdict;
  attemptAt?: string;
}

const verdictOf = (
  subject: Subject,
  startedAt: number | undefined,
  now: number,
  windowMs: number,
): NegotiationVerdict => {
  if (subject.status === 'ipsec_sa_established') return 'established';
  if (subject.status === 'ipsec_sa_not_established') return 'failed';
  if (startedAt !== undefined && now - startedAt < windowMs) return 'negotiating';
  return 'failed';
};

const readSubject = (
  key: string,
  subject: Subject,
  starts: NegotiationStarts,
  seen: Set<string>,
  now: number,
  windowMs: number,
  createdAt: number | undefined,
): Reading => {
  seen.add(key);
  if (subject.state !== undefined && CHANGING_CONNECTION_STATES.has(subject.state)) {
    starts.set(key, null);
    return {};
  }
  if (subject.status === undefined || subject.status === '') return {};
  let startedAt = starts.get(key);
  if (startedAt === null) {
    // The change just landed: negotiation starts now.
    startedAt = now;
    starts.set(key, now);
  } else if (startedAt === undefined) {
    // First sight: a connection created within the window started with its creation; an
    // older one has long had its verdict.
    if (createdAt !== undefined && now - createdAt < windowMs) {
      startedAt = Math.min(createdAt, now);
      starts.set(key, startedAt);
    } else {
      starts.set(key, Number.NEGATIVE_INFINITY);
    }
  }
  const known = startedAt !== undefined && Number.isFinite(startedAt) ? startedAt : undefined;
  return {
    negotiation: verdictOf(subject, known, now, windowMs),
    ...(known === undefined ? {} : { attemptAt: new Date(known).toISOString() }),
  };
};

/**
 * The connections as observed, each (and each tunnel) with the hub's reading. `starts` is the
 * gateway's memory between polls; subjects no longer listed are forgotten.
 */
export const readNegotiations = (
  connections: readonly ConnectionStatus[],
  starts: NegotiationStarts,
  now: number,
  windowMs: number,
): ConnectionStatus[] => {
  const seen = new Set<string>();
  const read = connections.map((c) => {
    const tunnels = c.tunnels?.map((t) => ({
      ...t,
      ...readSubject(`${c.id}/${t.tunnelId}`, t, starts, seen, now, windowMs, c.createTime),
    }));
    return {
      ...c,
      ...readSubject(c.id, c, starts, seen, now, windowMs, c.createTime),
      ...(tunnels === undefined ? {} : { tunnels }),
    };
  });
  for (const key of [...starts.keys()]) if (!seen.has(key)) starts.delete(key);
  return read;
};

/** Whether a reading may still change without the cloud changing (the hub keeps polling fast). */
export const awaitingVerdict = (connections: readonly ConnectionStatus[]): boolean =>
  connections.some(
    (c) =>
      c.negotiation === 'negotiating' ||
      (c.tunnels ?? []).some((t) => t.negotiation === 'negotiating'),
  );
