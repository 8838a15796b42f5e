// Live status: ONE EventSource per tab. Every event is parsed with the contract's schema and
// written into the TanStack Query cache (no second store); components read it with useQuery.
import { apiHeaders, pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import {
  sseEventSchema,
  type ConnectionStatus,
  type GatewayRef,
  type GatewayStatusEntry,
  type SseEvent,
} from '@vpn-console/shared/api/events';
import type { Operation } from '@vpn-console/shared/api/operations';
import { skipToken, useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { apiRequest } from './api-client';
import { gatewayKeys } from './gateway-keys';

export interface StreamState {
  connected: boolean;
  streamId: string | null;
  /** ISO time since when the stream has been down (null while connected). */
  downSince: string | null;
}

export const liveKeys = {
  all: ['live'] as const,
  stream: () => ['live', 'stream'] as const,
  gateway: (regionId: string, vpnGatewayId: string) =>
    ['live', 'gateway', regionId, vpnGatewayId] as const,
  operation: (operationId: string) => ['live', 'operation', operationId] as const,
};

const sseEventTypes: readonly SseEvent['type'][] = [
  'hello',
  'snapshot',
  'gateway',
  'connections',
  'stale',
  'operation',
  'logout',
  'reconnect',
];

const emptyEntry = (ref: GatewayRef): GatewayStatusEntry => ({
  ...ref,
  gateway: null,
  connections: [],
  staleSince: null,
  notFound: false,
  pollIntervalMs: 0,
  observedAt: null,
});

const connectionShape = (connections: readonly ConnectionStatus[]): string =>
  connections
    .map((c) => `${c.id}|${c.name}|${c.state ?? ''}`)
    .sort()
    .join(',');

/**
 * The resources' data follows what the stream says, not only the badge (issue 17): a gateway
 * that changed state, a connection added, removed, renamed or done updating, and every step of
 * an operation on the gateway (someone else's write included) refetch the queries keyed by that
 * gateway (its detail, the region's list, its activity, its SSL-VPN clients…). The live entries
 * themselves are written, never refetched.
 */
const refreshGatewayData = (
  client: QueryClient,
  ref: GatewayRef,
  alsoMentioning?: string,
): void => {
  void client.invalidateQueries({ queryKey: gatewayKeys.detail(ref.regionId, ref.vpnGatewayId) });
  void client.invalidateQueries({ queryKey: gatewayKeys.list(ref.regionId) });
  void client.invalidateQueries({
    predicate: (query) => {
      const key = query.queryKey;
      if (key[0] === liveKeys.all[0]) return false;
      return key.some(
        (part) =>
          part === ref.vpnGatewayId || (alsoMentioning !== undefined && part === alsoMentioning),
      );
    },
  });
};

/** Applies one parsed event to the cache. Exported for the tests of the event handling. */
const applyEvent = (client: QueryClient, event: SseEvent, onLogout: () => void): void => {
  const previous = (ref: GatewayRef) =>
    client.getQueryData<GatewayStatusEntry>(liveKeys.gateway(ref.regionId, ref.vpnGatewayId));
  const update = (ref: GatewayRef, patch: (e: GatewayStatusEntry) => GatewayStatusEntry) => {
    client.setQueryData<GatewayStatusEntry>(
      liveKeys.gateway(ref.regionId, ref.vpnGatewayId),
      (old) => patch(old ?? emptyEntry(ref)),
    );
  };
  switch (event.type) {
    case 'hello':
      client.setQueryData<StreamState>(liveKeys.stream(), {
        connected: true,
        streamId: event.streamId,
        downSince: null,
      });
      return;
    case 'snapshot':
      for (const entry of event.gateways) {
        client.setQueryData(liveKeys.gateway(entry.regionId, entry.vpnGatewayId), entry);
      }
      return;
    case 'gateway': {
      // Events come only on change; the first observation of a gateway is no change to refetch.
      const before = previous(event)?.gateway;
      if (before != null) refreshGatewayData(client, event);
      update(event, (e) => ({
        ...e,
        gateway: event.gateway,
        notFound: event.notFound,
        pollIntervalMs: event.pollIntervalMs,
        observedAt: event.observedAt,
      }));
      return;
    }
    case 'connections': {
      const before = previous(event);
      if (
        before?.observedAt != null &&
        connectionShape(before.connections) !== connectionShape(event.connections)
      ) {
        refreshGatewayData(client, event);
      }
      update(event, (e) => ({
        ...e,
        connections: event.connections,
        observedAt: event.observedAt,
      }));
      return;
    }
    case 'stale':
      update(event, (e) => ({
        ...e,
        staleSince: event.staleSince,
        ...(event.staleReason === undefined ? {} : { staleReason: event.staleReason }),
      }));
      return;
    case 'operation': {
      const op = event.operation;
      client.setQueryData<Operation>(liveKeys.operation(op.id), op);
      // The audit records the intent before the call: activity moves at every step; the
      // resources move once the operation ended.
      if (op.vpnGatewayId === undefined) return;
      const ref = { regionId: op.regionId, vpnGatewayId: op.vpnGatewayId };
      if (op.state === 'succeeded' || op.state === 'failed') {
        refreshGatewayData(client, ref, op.resourceId);
      } else {
        void client.invalidateQueries({ queryKey: gatewayKeys.activity(op.vpnGatewayId) });
      }
      return;
    }
    case 'logout':
      onLogout();
      return;
    case 'reconnect':
      return;
  }
};

const watchCounts = new Map<string, { ref: GatewayRef; count: number }>();
let activeStream: { client: QueryClient; flush: () => void } | undefined;

const refKey = (ref: GatewayRef) => `${ref.regionId}/${ref.vpnGatewayId}`;

/** The gateways this tab currently shows. */
const watchedGateways = (): GatewayRef[] => [...watchCounts.values()].map((w) => w.ref);

/** Registers interest in a gateway for as long as the returned function is not called. */
const watchGateway = (ref: GatewayRef): (() => void) => {
  const key = refKey(ref);
  const current = watchCounts.get(key);
  watchCounts.set(key, { ref, count: (current?.count ?? 0) + 1 });
  activeStream?.flush();
  return () => {
    const entry = watchCounts.get(key);
    if (entry === undefined) return;
    if (entry.count <= 1) watchCounts.delete(key);
    else watchCounts.set(key, { ref, count: entry.count - 1 });
    activeStream?.flush();
  };
};

export interface EventStreamOptions {
  client: QueryClient;
  onLogout: () => void;
  /** The EventSource constructor (the browser's by default). */
  eventSource?: typeof EventSource | undefined;
}

/** Opens the tab's stream. Returns a function that closes it. */
export const startEventStream = ({
  client,
  onLogout,
  eventSource = globalThis.EventSource,
}: EventStreamOptions): (() => void) => {
  const markDown = () => {
    client.setQueryData<StreamState>(liveKeys.stream(), (old) => ({
      connected: false,
      streamId: null,
      downSince: old?.downSince ?? new Date().toISOString(),
    }));
  };
  if (typeof eventSource !== 'function') {
    markDown();
    return () => undefined;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = '';
  const sendWatch = () => {
    const state = client.getQueryData<StreamState>(liveKeys.stream());
    const gateways = watchedGateways().slice(0, 200);
    const body = JSON.stringify(gateways);
    if (state?.streamId == null || body === lastSent) return;
    lastSent = body;
    apiRequest(z.unknown(), pathTo(route.watch, state.streamId), {
      method: 'PUT',
      body: { gateways },
    }).catch(() => {
      lastSent = '';
    });
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(sendWatch, 50);
  };
  activeStream = { client, flush };

  const initial = watchedGateways().slice(0, 200).map(refKey).join(',');
  const url =
    initial === ''
      ? pathTo(route.events)
      : `${pathTo(route.events)}?gateways=${encodeURIComponent(initial)}`;
  const source = new eventSource(url, { withCredentials: true });

  const handle = (message: MessageEvent<unknown>) => {
    if (typeof message.data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(message.data);
    } catch {
      return;
    }
    const parsed = sseEventSchema.safeParse(json);
    if (!parsed.success) return;
    applyEvent(client, parsed.data, onLogout);
    if (parsed.data.type === 'hello') {
      lastSent = initial === '' ? '' : JSON.stringify(watchedGateways().slice(0, 200));
      flush();
    }
    if (parsed.data.type === 'logout') source.close();
  };
  for (const type of sseEventTypes) source.addEventListener(type, handle);
  source.addEventListener('error', markDown);

  return () => {
    if (timer !== undefined) clearTimeout(timer);
    source.close();
    if (activeStream?.client === client) activeStream = undefined;
  };
};

/** The header that routes a write's operation events to this tab's stream. */
export const eventStreamHeader = (client: QueryClient): Record<string, string> => {
  const id = client.getQueryData<StreamState>(liveKeys.stream())?.streamId;
  return id == null ? {} : { [apiHeaders.eventStream]: id };
};

export const useStreamState = () =>
  useQuery<StreamState>({ queryKey: liveKeys.stream(), queryFn: skipToken, staleTime: Infinity });

/** Live status of one gateway: watches it while mounted and reads the cache entry. */
export const useLiveGateway = (regionId: string, vpnGatewayId: string) => {
  useEffect(() => watchGateway({ regionId, vpnGatewayId }), [regionId, vpnGatewayId]);
  return useQuery<GatewayStatusEntry>({
    queryKey: liveKeys.gateway(regionId, vpnGatewayId),
    queryFn: skipToken,
    staleTime: Infinity,
  });
};
