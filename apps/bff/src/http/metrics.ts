// Prometheus metrics at /metrics, one registry per app instance (tests run several).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GatewayRef } from '@vpn-console/shared/api/events';
import type { CloudObserver } from '../cloud/client';
import type { RecorderMetrics } from '../history/recorder';

export interface Metrics extends CloudObserver {
  readonly registry: Registry;
  /** The history recorder's (issue 15): rounds, its upstream calls, rows, prunes, lease. */
  readonly history: RecorderMetrics;
  poll(outcome: 'success' | 'failure'): void;
  interval(ref: GatewayRef, ms: number): void;
  forget(ref: GatewayRef): void;
  httpRequest(method: string, route: string, status: number, seconds: number): void;
  /** Live values read at scrape time. */
  setLiveSources(sources: {
    openStreams(): number;
    watchedGateways(): number;
    laneDepth(): number;
  }): void;
}

export const createMetrics = (withDefaults = true): Metrics => {
  const registry = new Registry();
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'bff_' });
  const upstreamCalls = new Counter({
    name: 'bff_upstream_calls_total',
    help: 'Cloud API calls by action and outcome',
    labelNames: ['action', 'outcome'] as const,
    registers: [registry],
  });
  const upstreamSeconds = new Histogram({
    name: 'bff_upstream_call_seconds',
    help: 'Cloud API call latency',
    labelNames: ['action'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'bff_upstream_retries_total',
    help: 'Retries of cloud API calls by action and reason',
    labelNames: ['action', 'reason'] as const,
    registers: [registry],
  });
  const polls = new Counter({
    name: 'bff_status_polls_total',
    help: 'Status hub polls by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const pollInterval = new Gauge({
    name: 'bff_status_poll_interval_seconds',
    help: 'Current poll interval per watched gateway',
    labelNames: ['region', 'gateway'] as const,
    registers: [registry],
  });
  const http = new Histogram({
    name: 'bff_http_request_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  let live = { openStreams: () => 0, watchedGateways: () => 0, laneDepth: () => 0 };
  new Gauge({
    name: 'bff_sse_open_streams',
    help: 'Open SSE streams',
    registers: [registry],
    collect() {
      this.set(live.openStreams());
    },
  });
  new Gauge({
    name: 'bff_status_watched_gateways',
    help: 'Gateways watched by at least one stream',
    registers: [registry],
    collect() {
      this.set(live.watchedGateways());
    },
  });
  new Gauge({
    name: 'bff_write_lane_operations',
    help: 'Operations queued or running in write lanes',
    registers: [registry],
    collect() {
      this.set(live.laneDepth());
    },
  });
  const history = historyMetrics(registry);
  return {
    registry,
    history,
    call(action, outcome, seconds) {
      upstreamCalls.inc({ action, outcome });
      upstreamSeconds.observe({ action }, seconds);
    },
    retry(action, reason) {
      retries.inc({ action, reason });
    },
    poll(outcome) {
      polls.inc({ outcome });
    },
    interval(ref, ms) {
      pollInterval.set({ region: ref.regionId, gateway: ref.vpnGatewayId }, ms / 1000);
    },
    forget(ref) {
      pollInterval.remove({ region: ref.regionId, gateway: ref.vpnGatewayId });
    },
    httpRequest(method, route, status, seconds) {
      http.observe({ method, route, status: String(status) }, seconds);
    },
    setLiveSources(sources) {
      live = sources;
    },
  };
};

const historyMetrics = (registry: Registry): RecorderMetrics => {
  const rounds = new Counter({
    name: 'bff_history_rounds_total',
    help: 'History recorder rounds by outcome (partial: cut short by its call budget or a region failing)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const roundSeconds = new Gauge({
    name: 'bff_history_last_round_seconds',
    help: 'How long the history recorder’s last round took',
    registers: [registry],
  });
  const calls = new Counter({
    name: 'bff_history_upstream_calls_total',
    help: 'Cloud API calls the history recorder made, by action',
    labelNames: ['action'] as const,
    registers: [registry],
  });
  const changes = new Counter({
    name: 'bff_history_changes_total',
    help: 'Status changes the history recorder stored (rows written)',
    registers: [registry],
  });
  const logLines = new Counter({
    name: 'bff_history_log_lines_total',
    help: 'Negotiation log lines the history recorder stored (new lines only)',
    registers: [registry],
  });
  const pruned = new Counter({
    name: 'bff_history_pruned_rows_total',
    help: 'Rows the history recorder pruned past the retention, by table',
    labelNames: ['table'] as const,
    registers: [registry],
  });
  const lease = new Gauge({
    name: 'bff_history_recorder_lease_held',
    help: '1 when this replica holds the history recorder lease (one per deployment)',
    registers: [registry],
  });
  lease.set(0);
  return {
    round(outcome, seconds, stored) {
      rounds.inc({ outcome });
      roundSeconds.set(seconds);
      changes.inc(stored.changes);
      logLines.inc(stored.logLines);
    },
    upstreamCall(action) {
      calls.inc({ action });
    },
    pruned(rows) {
      pruned.inc({ table: 'changes' }, rows.changes);
      pruned.inc({ table: 'logs' }, rows.logs);
    },
    leaseHeld(held) {
      lease.set(held ? 1 : 0);
    },
  };
};
