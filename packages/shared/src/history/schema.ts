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

/** Milliseconds spent in each timeline level (a level never held is left out). */
const levelDurationsSchema = z.partialRecord(z.enum(historyLevels), z.number().int().nonnegative());
export type LevelDurations = z.infer<typeof levelDurationsSchema>;

/** One subject's lane over the whole window, computed from every stored row (never reduced). */
const historyLaneSummarySchema = z.object({
  kind: historySubjectKindSchema,
  subjectId: z.string(),
  lane: historyLaneSchema,
  /** Changes inside the range asked for. */
  changeCount: z.number().int().nonnegative(),
  /** Time in each level inside the window: what the uptime is computed from. */
  levels: levelDurationsSchema,
  /** The value in force at `to` ('' when nothing is known). */
  value: z.string(),
  /** Since when the lane has been down or phase 1 only without a break, as of `to` (else null). */
  downSince: z.iso.datetime().nullable(),
});
export type HistoryLaneSummary = z.infer<typeof historyLaneSummarySchema>;

/**
 * A lane with more changes than a chart can draw, reduced to fixed buckets: bucket `i` covers
 * [from + i·bucketMs, from + (i+1)·bucketMs) (the last one ends at `to`); a bucket lists the time
 * each level held inside it and how many changes it holds. Buckets are in order, none left out.
 */
const historyBucketLaneSchema = z.object({
  kind: historySubjectKindSchema,
  subjectId: z.string(),
  lane: historyLaneSchema,
  buckets: z.array(
    z.object({ levels: levelDurationsSchema, changes: z.number().int().nonnegative() }),
  ),
});
export type HistoryBucketLane = z.infer<typeof historyBucketLaneSchema>;

/**
 * GET …/vpn-gateways/:id/history?from=&to=&vpnConnectionId=: per subject and lane the exact
 * summary (uptime, down since); the changes inside [from, to) and the value in force at `from`
 * of lanes with few changes; lanes with many (a month of a connection flapping every minute)
 * come reduced to `bucketMs` buckets instead. The CSV export has every row.
 */
export const historyResponseSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  subjects: z.array(historySubjectSchema),
  summaries: z.array(historyLaneSummarySchema),
  /** The value in force at `from`, per subject and lane (their `at` lies before `from`). */
  baseline: z.array(historyChangeSchema),
  /** Every change inside the window of the lanes not in `reduced`. */
  changes: z.array(historyChangeSchema),
  /** Width of the buckets of `reduced` lanes. */
  bucketMs: z.number().int().positive(),
  reduced: z.array(historyBucketLaneSchema),
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

/** Fraction of the known time (up, phase 1 only, down) a lane was up (null: nothing known). */
export function uptimeOf(levels: LevelDurations): number | null {
  const up = levels.up ?? 0;
  const known = up + (levels.partial ?? 0) + (levels.down ?? 0);
  return known === 0 ? null : up / known;
}
