// Server-sent events on GET /api/v1/events (one stream per browser tab).
//
// Wire format: `id: <n>` / `event: <name>` / `data: <json>`. `<name>` is the `type` below and
// `data` parses with the matching schema (sseEventSchema discriminates on `type`, which is
// repeated inside the data). Heartbeats are `:hb` comment lines every 15 s.
import { z } from 'zod';
import { operationSchema } from './operations';
import { vpnGatewayViewSchema } from './views';

export const gatewayRefSchema = z.object({ regionId: z.string(), vpnGatewayId: z.string() });
export type GatewayRef = z.infer<typeof gatewayRefSchema>;

/**
 * The console's reading of a negotiation (issue 17), beside the cloud's own `status`: the cloud
 * says `ike_sa_not_established` both before its first attempt and after a failed one, so the
 * status hub reads it with the time the negotiation (re)started (the end of the last `updating`,
 * or the creation of a new connection). `negotiating`: no verdict yet (within the verdict window,
 * still short of `ipsec_sa_established`); `established`: up; `failed`: a verdict (phase 2
 * refused, or still not up when the window closed). Absent: the hub has no reading (a lifecycle
 * change in progress, or an older BFF).
 */
export const negotiationVerdicts = ['negotiating', 'established', 'failed'] as const;
export const negotiationVerdictSchema = z.enum(negotiationVerdicts);
export type NegotiationVerdict = z.infer<typeof negotiationVerdictSchema>;

const negotiationReading = {
  negotiation: negotiationVerdictSchema.optional(),
  /** When the last negotiation attempt began (ISO 8601); absent when the hub never saw it start. */
  attemptAt: z.iso.datetime().optional(),
};

/** Status of one tunnel of a dual-tunnel connection (DescribeVpnConnections' TunnelOptions). */
export const tunnelStatusSchema = z.object({
  tunnelId: z.string(),
  /** `master` (active) or `slave` (standby). */
  role: z.string().optional(),
  /** Negotiation status of this tunnel (the connection's values, per tunnel). */
  status: z.string().optional(),
  /** Lifecycle state of this tunnel (`active`, `updating`, `deleting`). */
  state: z.string().optional(),
  /** BGP session of this tunnel (`success`/`failed`; absent with BGP off). */
  bgpStatus: z.string().optional(),
  customerGatewayId: z.string().optional(),
  internetIp: z.string().optional(),
  ...negotiationReading,
});
export type TunnelStatus = z.infer<typeof tunnelStatusSchema>;

/** Status of one connection on a watched gateway (negotiation + lifecycle). */
export const connectionStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Negotiation status (`ike_sa_not_established` … `ipsec_sa_established`). */
  status: z.string().optional(),
  /** Lifecycle state (`active`, `updating`, …). */
  state: z.string().optional(),
  /** Dual-tunnel connections: each tunnel's status, in tunnel order. */
  tunnels: z.array(tunnelStatusSchema).optional(),
  /** The cloud's CreateTime (epoch ms), as in the connection's view. */
  createTime: z.number().optional(),
  ...negotiationReading,
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** Everything the hub knows about one watched gateway. */
export const gatewayStatusEntrySchema = gatewayRefSchema.extend({
  /** null until the first poll succeeded, or when the gateway no longer exists. */
  gateway: vpnGatewayViewSchema.nullable(),
  connections: z.array(connectionStatusSchema),
  /** ISO time since which the cloud could not be reached for this gateway; null when fresh. */
  staleSince: z.iso.datetime().nullable(),
  /** The mapped error code of the last failed poll while stale. */
  staleReason: z.string().optional(),
  /** True when the cloud said the gateway does not exist. */
  notFound: z.boolean(),
  /** Current poll interval in ms (fast while changing, slow when stable). */
  pollIntervalMs: z.number().int(),
  /** ISO time of the last successful poll. */
  observedAt: z.iso.datetime().nullable(),
});
export type GatewayStatusEntry = z.infer<typeof gatewayStatusEntrySchema>;

export const helloEventSchema = z.object({
  type: z.literal('hello'),
  /** Use with PUT /api/v1/events/{streamId}/watch and the `X-Event-Stream` header on writes. */
  streamId: z.string(),
  heartbeatMs: z.number().int(),
});

export const snapshotEventSchema = z.object({
  type: z.literal('snapshot'),
  gateways: z.array(gatewayStatusEntrySchema),
});

export const gatewayEventSchema = z.object({
  type: z.literal('gateway'),
  regionId: z.string(),
  vpnGatewayId: z.string(),
  gateway: vpnGatewayViewSchema.nullable(),
  notFound: z.boolean(),
  pollIntervalMs: z.number().int(),
  /** ISO time (ms precision) of the poll that saw the change. */
  observedAt: z.iso.datetime(),
});

export const connectionsEventSchema = z.object({
  type: z.literal('connections'),
  regionId: z.string(),
  vpnGatewayId: z.string(),
  connections: z.array(connectionStatusSchema),
  /** ISO time (ms precision) of the poll that saw the change. */
  observedAt: z.iso.datetime(),
});

export const staleEventSchema = z.object({
  type: z.literal('stale'),
  regionId: z.string(),
  vpnGatewayId: z.string(),
  /** null means fresh again. */
  staleSince: z.iso.datetime().nullable(),
  staleReason: z.string().optional(),
});

export const operationEventSchema = z.object({
  type: z.literal('operation'),
  operation: operationSchema,
});

/** The session ended: the tab should go to the login page (sent before the stream closes). */
export const logoutEventSchema = z.object({ type: z.literal('logout') });

/** The server is shutting down: reconnect after the `retry` delay it sent. */
export const reconnectEventSchema = z.object({ type: z.literal('reconnect') });

export const sseEventSchema = z.discriminatedUnion('type', [
  helloEventSchema,
  snapshotEventSchema,
  gatewayEventSchema,
  connectionsEventSchema,
  staleEventSchema,
  operationEventSchema,
  logoutEventSchema,
  reconnectEventSchema,
]);
export type SseEvent = z.infer<typeof sseEventSchema>;
export type SseEventType = SseEvent['type'];

/** Body of PUT /api/v1/events/{streamId}/watch: replaces the set of watched gateways. */
export const watchRequestSchema = z.strictObject({
  gateways: z.array(gatewayRefSchema).max(200),
});
export type WatchRequest = z.infer<typeof watchRequestSchema>;
