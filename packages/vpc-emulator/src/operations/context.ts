import { apiErrors } from '../errors';
import type { Params } from '../params';
import type { GatewayKind } from '../rules';
import type { EmulatorState, Gateway } from '../state';

export interface OperationContext {
  readonly params: Params;
  readonly state: EmulatorState;
  /** Emulated wall clock, epoch ms. */
  readonly now: number;
  readonly updatingMs: number;
  readonly negotiationMs: number;
  readonly regionId: string;
  readonly dryRun: boolean;
  /** Call after every check and before changing state: a dry run stops here with `DryRunOperation`. */
  commit(): void;
}

export type WireObject = Record<string, unknown>;

export interface Operation {
  /** Writes honour `ClientToken` and `DryRun` and count as changes (state saved). */
  readonly write: boolean;
  run(ctx: OperationContext): WireObject;
}

export function gatewayStatus(gateway: Gateway, now: number): 'active' | 'updating' {
  return gateway.UpdatingUntil > now ? 'updating' : 'active';
}

export function gatewayKind(gateway: Gateway): GatewayKind {
  return gateway.VpnType === 'NationalStandard' ? 'sm' : 'standard';
}

/** The gateway in the call's region, or `InvalidVpnGatewayInstanceId.NotFound`. */
export function findGateway(ctx: OperationContext, id: string): Gateway {
  const gateway = ctx.state.gateways.find(
    (g) => g.VpnGatewayId === id && g.RegionId === ctx.regionId,
  );
  if (gateway === undefined) throw apiErrors.gatewayNotFound();
  return gateway;
}

/** Refuse a change on a financially locked (unless allowed) or busy gateway. */
export function assertWritable(
  ctx: OperationContext,
  gateway: Gateway,
  options: { allowFinancialLocked?: boolean } = {},
): void {
  if (gateway.BusinessStatus === 'FinancialLocked' && options.allowFinancialLocked !== true) {
    throw apiErrors.financialLocked();
  }
  if (gatewayStatus(gateway, ctx.now) === 'updating') throw apiErrors.configuring();
}

/** Start the asynchronous part of a change: the gateway is `updating` for `updatingMs`. */
export function markUpdating(ctx: OperationContext, gateway: Gateway): void {
  gateway.UpdatingUntil = ctx.now + ctx.updatingMs;
}

export interface Page<T> {
  items: T[];
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
}

/** PageNumber (default 1) / PageSize (default 10, 1–50) pagination of Describe* lists. */
export function paginate<T>(ctx: OperationContext, all: readonly T[]): Page<T> {
  const pageNumber = ctx.params.int('PageNumber', 1, 1_000_000) ?? 1;
  const pageSize = ctx.params.int('PageSize', 1, 50) ?? 10;
  const start = (pageNumber - 1) * pageSize;
  return {
    items: all.slice(start, start + pageSize),
    TotalCount: all.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
  };
}

/**
 * The Describe* filters whose request parameter and resource field share a name: an item
 * matches when every such parameter is absent or equals its field.
 */
export function matchesParams<T extends object>(
  ctx: OperationContext,
  names: readonly (keyof T & string)[],
): (item: T) => boolean {
  const wanted = names.flatMap((name) => {
    const value = ctx.params.str(name);
    return value === undefined ? [] : [[name, value] as const];
  });
  return (item) => wanted.every(([name, value]) => item[name] === value);
}

export function byNewest<T extends { CreateTime: number }>(a: T, b: T): number {
  return b.CreateTime - a.CreateTime;
}

export function tagsWire(tags: ReadonlyArray<{ Key: string; Value: string }>): WireObject {
  return { Tag: tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}

/** Filter by `Tag.N.Key`/`Tag.N.Value`: every given tag must be present. */
export function matchesTags(
  ctx: OperationContext,
  tags: ReadonlyArray<{ Key: string; Value: string }>,
): boolean {
  return ctx.params
    .tags('Tag')
    .every((want) =>
      tags.some((t) => t.Key === want.Key && (want.Value === '' || t.Value === want.Value)),
    );
}

/** A dual-tunnel gateway (it has a second public IP): it takes only dual-tunnel connections. */
export function isDualTunnel(gateway: Gateway): boolean {
  return gateway.DisasterRecoveryInternetIp !== '';
}
