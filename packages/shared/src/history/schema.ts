// Status history, stored tunnel logs, diagnosis and the health overview (issue 15): the HTTP
// contract between the BFF's recorder and the web's history view and health page.
import { z } from 'zod';

/**
 * What a history row records. `gateway-status` (`active`/`updating`/…) and `gateway-business`
 * (`Normal`/`FinancialLocked`) belong to a gateway; `negotiation` (the cloud's `Status`),
 * `bgp` and `health-check` (`success`/`failed`; empty when off) to a connection or a tunnel.
 */
export const historyLanes = [
  'gateway-status',
  'gateway-business',
  'negotiation',
  'bgp',
  'health-check',
] as const;
export const historyLaneSchema = z.enum(historyLanes);
export type HistoryLane = z.infer<typeof historyLaneSchema>;

export const historySubjectKinds = ['gateway', 'connection', 'tunnel'] as const;
export const historySubjectKindSchema = z.enum(historySubjectKinds);
export type HistorySubjectKind = z.infer<typeof historySubjectKindSchema>;

/** A subject's lane reduced to what a timeline draws. */
export const historyLevels = ['up', 'partial', 'down', 'off', 'unknown'] as const;
export type HistoryLevel = (typeof historyLevels)[number];

/** One change, as first seen by the recorder. */
export const historyChangeSchema = z.object({
  regionId: z.string(),
  vpnGatewayId: z.string(),
  kind: historySubjectKindSchema,
  /** The gateway, connection or tunnel id. */
  subjectId: z.string(),
  /** The connection a tunnel belongs to (the connection's own id for a connection). */
  vpnConnectionId: z.string().nullable(),
  lane: historyLaneSchema,
  /** The cloud's value (`ipsec_sa_established`, `success`, `active`, …); '' when off; `gone` once deleted. */
  value: z.string(),
  /** When the recorder first saw this value (ISO 8601). */
  at: z.iso.datetime(),
});
export type HistoryChange = z.infer<typeof historyChangeSchema>;

/** A subject's name as last seen, for labels. */
export const historySubjectSchema = z.object({
  kind: historySubjectKindSchema,
  subjectId: z.string(),
  vpnConnectionId: z.string().nullable(),
  name: z.string(),
  /** 1 or 2 for a tunnel of a dual-tunnel connection. */
  tunnelIndex: z.number().int().optional(),
});
export type HistorySubject = z.infer<typeof historySubjectSchema>;

/**
 * GET …/vpn-gateways/:id/history?from=&to=&vpnConnectionId=: the changes inside [from, to) and,
 * per subject and lane, the last change before `from` (where the timeline starts).
 */
export const historyResponseSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  subjects: z.array(historySubjectSchema),
  /** The value in force at `from`, per subject and lane (their `at` lies before `from`). */
  baseline: z.array(historyChangeSchema),
  changes: z.array(historyChangeSchema),
  /** When the recorder last looked at this gateway (null: never). */
  observedAt: z.iso.datetime().nullable(),
  /** Days the store keeps history. */
  retentionDays: z.number().int().positive(),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

/** One stored log line of a connection (tunnelId on a dual-tunnel connection). */
export const storedLogLineSchema = z.object({
  vpnConnectionId: z.string(),
  tunnelId: z.string().nullable(),
  /** The line's own time when it has one, else when the recorder fetched it (ISO 8601). */
  at: z.iso.datetime(),
  line: z.string(),
});
export type StoredLogLine = z.infer<typeof storedLogLineSchema>;

/** GET …/vpn-connections/:id/logs?from=&to=&tunnelId=&limit= (newest last). */
export const storedLogListSchema = z.object({
  items: z.array(storedLogLineSchema),
  /** True when more lines matched than `limit`: the oldest were left out. */
  truncated: z.boolean(),
});
export type StoredLogList = z.infer<typeof storedLogListSchema>;

export const diagnosisSeverities = ['Critical', 'Warn', 'Normal'] as const;

/** What DiagnoseVpnConnections says about a connection or one of its tunnels. */
export const diagnosisSchema = z.object({
  vpnConnectionId: z.string(),
  tunnelId: z.string().nullable(),
  /** The cloud's code (`Phase1NegotiationTimeout`, `IkeEncAlgMismatch`, …); the web words it. */
  code: z.string(),
  /** The cloud's own sentence, shown when the web has no words for the code. */
  reason: z.string(),
  severity: z.union([z.enum(diagnosisSeverities), z.string()]),
  /** The gateway's value and the peer device's value of the mismatching parameter. */
  localValue: z.string().nullable(),
  remoteValue: z.string().nullable(),
  sourceLog: z.string().nullable(),
  failedAt: z.iso.datetime().nullable(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/** GET …/vpn-connections/:id/diagnosis: live from the cloud (empty: nothing wrong). */
export const diagnosisListSchema = z.object({
  items: z.array(diagnosisSchema),
  checkedAt: z.iso.datetime(),
});
export type DiagnosisList = z.infer<typeof diagnosisListSchema>;

/** One thing not fully up, across all regions (the health page). */
export const healthItemSchema = z.object({
  regionId: z.string(),
  vpnGatewayId: z.string(),
  gatewayName: z.string(),
  kind: historySubjectKindSchema,
  subjectId: z.string(),
  vpnConnectionId: z.string().nullable(),
  name: z.string(),
  lane: historyLaneSchema,
  value: z.string(),
  /** Since when it has been in this state (first seen). */
  since: z.iso.datetime(),
});
export type HealthItem = z.infer<typeof healthItemSchema>;

/** GET /api/v1/health-overview?q=&regionId=&lane=: longest first. */
export const healthOverviewSchema = z.object({
  items: z.array(healthItemSchema),
  /** When the recorder finished its last round (null: not yet). */
  observedAt: z.iso.datetime().nullable(),
});
export type HealthOverview = z.infer<typeof healthOverviewSchema>;

/** The query of the history and log routes: ISO instants; from < to; at most the retention. */
export const historyRangeQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['from'],
  });

/**
 * Reduce a lane's value to a timeline level: a negotiation is `up` with IPsec SAs, `partial` with
 * phase 1 only, `down` otherwise; probes are `up` on success, `down` on failure, `off` when empty.
 */
export function historyLevel(lane: HistoryLane, value: string): HistoryLevel {
  if (value === 'gone') return 'off';
  switch (lane) {
    case 'negotiation':
      if (value === 'ipsec_sa_established') return 'up';
      if (value === 'ike_sa_established' || value === 'ipsec_sa_not_established') return 'partial';
      return value === '' ? 'unknown' : 'down';
    case 'bgp':
    case 'health-check':
      if (value === '') return 'off';
      return value === 'success' ? 'up' : 'down';
    case 'gateway-status':
      return value === 'active' ? 'up' : value === 'updating' ? 'partial' : 'down';
    case 'gateway-business':
      return value === 'Normal' ? 'up' : 'down';
  }
}

/** Fraction of [from, to) a lane was `up`, from its baseline and changes (null: nothing known). */
export function uptimeFraction(
  lane: HistoryLane,
  baseline: HistoryChange | undefined,
  changes: readonly HistoryChange[],
  from: number,
  to: number,
): number | null {
  let current = baseline === undefined ? undefined : historyLevel(lane, baseline.value);
  let cursor = from;
  let up = 0;
  let known = 0;
  for (const change of changes) {
    const at = Math.min(Math.max(Date.parse(change.at), from), to);
    if (current !== undefined && current !== 'off' && current !== 'unknown') {
      known += at - cursor;
      if (current === 'up') up += at - cursor;
    }
    cursor = at;
    current = historyLevel(lane, change.value);
  }
  if (current !== undefined && current !== 'off' && current !== 'unknown') {
    known += to - cursor;
    if (current === 'up') up += to - cursor;
  }
  return known === 0 ? null : up / known;
}
