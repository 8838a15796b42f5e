// Console ⇔ cloud agreement harness: one table row = one form value. The console side is the shared
// zod schema (for the gateway type of the row's demo gateway) plus the shared server-side checks the
// BFF can chain; the cloud side is a real emulator on port 0 reached with pop-core over signed POSTs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import RPCClient from '@alicloud/pop-core';
import { expect } from 'vitest';
import { z } from 'zod';
import { gatewayTypeFromVpnType, type GatewayType } from '@vpn-console/shared/common/gateway-type';
import { collectIssues } from '@vpn-console/shared/errors/issues';
import { ISSUE_CODES, type IssueCode } from '@vpn-console/shared/errors/issue-codes';
import { describeVpnGatewayResponseSchema } from '@vpn-console/shared/responses/vpn-gateway';
import type { RpcParams, RpcRequest } from '@vpn-console/shared/rpc-types';
import { demoState, DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import {
  DEFAULT_ACCESS_KEY,
  startEmulator,
  type RunningEmulator,
} from '@vpn-console/vpc-emulator/server';
import type { EmulatorState } from '@vpn-console/vpc-emulator/state';

export { DEMO_IDS };

/** `ok`, or the code of the refusal (an IssueCode for the console, an Alibaba `Code` for the cloud). */
export type Verdict = 'ok' | (string & {});

/** Facts about the demo gateway a row is validated for (what the BFF reads before validating). */
export interface GatewayFacts {
  id: string;
  regionId: string;
  gatewayType: GatewayType;
  /** A dual-tunnel gateway (DescribeVpnGateway answers a DisasterRecoveryInternetIp). */
  dualTunnel: boolean;
  sslMaxConnections: number;
  createTime: number;
  /** The VPC's CIDR blocks (the BFF reads them from the VPC; here from the emulator's state). */
  vpcCidrs: string[];
}

export interface AgreementCase {
  /** What the row covers, with the rule it exercises. */
  name: string;
  /** The form value (the schema's input). Deliberately untyped: refused rows hold wrong values. */
  form: Record<string, unknown>;
  /** The demo gateway whose type (standard / SM) and facts the console validates against. */
  gateway: string;
  /** Expected console outcome: `ok`, or an issue code the console reports. */
  console: 'ok' | IssueCode;
  /** Expected cloud outcome: `ok`, or the Alibaba error code. */
  cloud: Verdict;
  /**
   * Raw RPC parameters built by hand, sent as they are. Required when the console refuses (proves the
   * cloud refuses them too); optional otherwise (e.g. the minimal request a script would send).
   */
  raw?: RpcParams;
  /** Set when console and cloud are expected to disagree: the documented reason. */
  known?: string;
}

type DryRunMode = { kind: 'dryRun'; dryRunWire: string | boolean };
type ResetMode = { kind: 'reset' };

/**
 * `dryRun`: the API takes DryRun, so every row is sent with DryRun=true (the console form gets
 * `dryRun: true`, raw rows `DryRun` = `dryRunWire`) and nothing changes.
 * `reset`: no DryRun; the emulator is reseeded before every call.
 */
export type TableMode = DryRunMode | ResetMode;

export interface AgreementTable {
  action: RpcRequest['action'];
  mode: TableMode;
  /** Console side: validate for the gateway, then map with the shared rpc.ts. */
  check(
    gateway: GatewayFacts,
    form: Record<string, unknown>,
  ): { ok: true; request: RpcRequest } | { ok: false; codes: IssueCode[] };
}

/** Declares a table: the console's schema for a gateway (with server-side checks) and its mapper. */
export function defineTable<S extends z.ZodType>(spec: {
  action: RpcRequest['action'];
  mode: TableMode;
  schema: (gateway: GatewayFacts) => S;
  toRpc: (value: NoInfer<z.output<S>>) => RpcRequest;
}): AgreementTable {
  return {
    action: spec.action,
    mode: spec.mode,
    check(gateway, form) {
      const parsed = spec.schema(gateway).safeParse(form);
      if (!parsed.success) {
        return { ok: false, codes: collectIssues(parsed.error).map((i) => i.code) };
      }
      return { ok: true, request: spec.toRpc(parsed.data) };
    },
  };
}

const popFailureSchema = z.object({
  code: z.string(),
  data: z.looseObject({ Code: z.string() }),
});

export interface Cloud {
  emulator: RunningEmulator;
  client: RPCClient;
  facts(gatewayId: string): Promise<GatewayFacts>;
  call(action: string, params: RpcParams): Promise<Verdict>;
  close(): Promise<void>;
}

/**
 * Starts an emulator on port 0 from the demo seed, optionally patched (e.g. an SM gateway with
 * SSL-VPN enabled, which the demo seed does not have), through a state file in a fresh temp folder.
 */
export async function startCloud(patch?: (state: EmulatorState) => void): Promise<Cloud> {
  const dir = mkdtempSync(join(tmpdir(), 'agreement-'));
  let stateFile: string | undefined;
  if (patch !== undefined) {
    const state = demoState(Date.now(), 3000);
    patch(state);
    stateFile = join(dir, 'state.json');
    writeFileSync(stateFile, JSON.stringify(state));
  }
  const emulator = await startEmulator({
    port: 0,
    seed: 'demo',
    faultControl: true,
    ...(stateFile === undefined ? {} : { stateFile }),
  });
  const client = new RPCClient({
    endpoint: emulator.url,
    apiVersion: '2016-04-28',
    accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
    accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret,
  });

  async function call(action: string, params: RpcParams): Promise<Verdict> {
    try {
      await client.request(action, params, { method: 'POST' });
      return 'ok';
    } catch (error: unknown) {
      const failure = popFailureSchema.parse(error);
      expect(failure.data.Code).toBe(failure.code);
      return failure.code === 'DryRunOperation' ? 'ok' : failure.code;
    }
  }

  const factsCache = new Map<string, GatewayFacts>();
  async function facts(gatewayId: string): Promise<GatewayFacts> {
    const hit = factsCache.get(gatewayId);
    if (hit !== undefined) return hit;
    const internal = emulator.snapshot().gateways.find((g) => g.VpnGatewayId === gatewayId);
    if (internal === undefined) throw new Error(`no demo gateway ${gatewayId}`);
    const body: unknown = await client.request(
      'DescribeVpnGateway',
      { RegionId: internal.RegionId, VpnGatewayId: gatewayId },
      { method: 'POST' },
    );
    const wire = describeVpnGatewayResponseSchema.parse(body);
    const out: GatewayFacts = {
      id: gatewayId,
      regionId: internal.RegionId,
      gatewayType: gatewayTypeFromVpnType(wire.VpnType),
      dualTunnel: (wire.DisasterRecoveryInternetIp ?? '') !== '',
      sslMaxConnections: wire.SslMaxConnections ?? 0,
      createTime: wire.CreateTime ?? 0,
      vpcCidrs: internal.VpcCidrs,
    };
    factsCache.set(gatewayId, out);
    return out;
  }

  return {
    emulator,
    client,
    facts,
    call,
    async close() {
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RowResult {
  console: 'ok' | IssueCode[];
  /** What the cloud said to the console's mapped params (accepted rows) or to `raw` (refused rows). */
  cloud: Verdict;
  /** What the cloud said to `raw` when the row has raw params and the console accepted. */
  cloudRaw?: Verdict;
  params?: RpcParams;
}

/** Runs one row on both sides and checks the expectations recorded in the table. */
export async function runRow(
  cloud: Cloud,
  table: AgreementTable,
  row: AgreementCase,
): Promise<RowResult> {
  if (table.mode.kind === 'reset') cloud.emulator.reset('demo');
  const gateway = await cloud.facts(row.gateway);
  const form = table.mode.kind === 'dryRun' ? { ...row.form, dryRun: true } : row.form;
  const raw =
    row.raw === undefined
      ? undefined
      : table.mode.kind === 'dryRun'
        ? { ...row.raw, DryRun: table.mode.dryRunWire }
        : row.raw;
  const verdict = table.check(gateway, form);
  const result: RowResult = { console: verdict.ok ? 'ok' : verdict.codes, cloud: 'ok' };

  if (verdict.ok) {
    const request = verdict.request;
    expect(request.action).toBe(table.action);
    result.params = request.params;
    result.cloud = await cloud.call(request.action, request.params);
    if (raw !== undefined) {
      if (table.mode.kind === 'reset') cloud.emulator.reset('demo');
      result.cloudRaw = await cloud.call(request.action, raw);
    }
  } else {
    if (raw === undefined) throw new Error(`row "${row.name}": a refused row needs raw params`);
    result.cloud = await cloud.call(table.action, raw);
  }
  return result;
}

/** Asserts a row's result against its recorded expectations and the agreement rule. */
export function expectRow(row: AgreementCase, result: RowResult): void {
  if (row.console === 'ok') {
    expect(result.console, `console should accept: ${row.name}`).toBe('ok');
  } else {
    expect(result.console, `console should refuse with ${row.console}: ${row.name}`).toContain(
      row.console,
    );
  }
  expect(result.cloud, `cloud verdict: ${row.name}`).toBe(row.cloud);
  if (result.cloudRaw !== undefined) {
    expect(result.cloudRaw, `cloud verdict on the raw params: ${row.name}`).toBe(row.cloud);
  }
  const consoleRefuses = row.console !== 'ok';
  const cloudRefuses = row.cloud !== 'ok';
  if (row.known === undefined) {
    expect(consoleRefuses, `console and cloud must agree: ${row.name}`).toBe(cloudRefuses);
  } else {
    // A known difference stays visible: if the two sides start agreeing, the mark must go.
    expect(consoleRefuses, `known difference no longer differs: ${row.name}`).not.toBe(
      cloudRefuses,
    );
  }
}

/** `n` copies of `s`. */
export function rep(s: string, n: number): string {
  return s.repeat(n);
}

type Patch = Record<string, unknown>;

function merge(base: Patch, patch: Patch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...base, ...patch })) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function mergeRaw(base: RpcParams, patch: Record<string, string | number | boolean | undefined>) {
  const out: RpcParams = {};
  for (const [key, value] of Object.entries({ ...base, ...patch })) {
    if (value !== undefined) out[key] = value;
  }
  return out;
}

type RawPatch = Record<string, string | number | boolean | undefined>;

/**
 * Row builder over a base form / base raw params for one demo gateway. Patches replace keys
 * (`undefined` removes one).
 */
export function rowsFor(base: { gateway: string; form: Patch; raw: RpcParams }) {
  return {
    /** Both sides accept; `raw` (optional) is also sent and must be accepted. */
    ok(name: string, form: Patch, raw?: RawPatch): AgreementCase {
      return {
        name,
        gateway: base.gateway,
        form: merge(base.form, form),
        console: 'ok',
        cloud: 'ok',
        ...(raw === undefined ? {} : { raw: mergeRaw(base.raw, raw) }),
      };
    },
    /** Both sides refuse: the console with `consoleCode`, the cloud (given `raw`) with `cloudCode`. */
    refused(
      name: string,
      form: Patch,
      consoleCode: IssueCode,
      cloudCode: string,
      raw: RawPatch,
    ): AgreementCase {
      return {
        name,
        gateway: base.gateway,
        form: merge(base.form, form),
        console: consoleCode,
        cloud: cloudCode,
        raw: mergeRaw(base.raw, raw),
      };
    },
    /** A documented difference: the expected outcome of each side and the reason. */
    known(
      name: string,
      form: Patch,
      expected: { console: 'ok' | IssueCode; cloud: Verdict },
      raw: RawPatch | undefined,
      reason: string,
    ): AgreementCase {
      return {
        name,
        gateway: base.gateway,
        form: merge(base.form, form),
        console: expected.console,
        cloud: expected.cloud,
        ...(raw === undefined ? {} : { raw: mergeRaw(base.raw, raw) }),
        known: reason,
      };
    },
  };
}

/** Form and raw patches of the IKE and IPsec phases (the raw side is the JSON the API takes). */
export const ike = (patch: Record<string, unknown>) => ({ ikeConfig: patch });
export const ikeRaw = (json: Record<string, unknown>) => ({ IkeConfig: JSON.stringify(json) });
export const ipsec = (patch: Record<string, unknown>) => ({ ipsecConfig: patch });
export const ipsecRaw = (json: Record<string, unknown>) => ({ IpsecConfig: JSON.stringify(json) });

/**
 * What an SM (国密) gateway refuses of the IKE/IPsec settings, on both sides: IKEv2, aggressive
 * mode, and an algorithm of the standard gateways in each phase (`notSm` names which).
 */
export function smAlgorithmRefusals(
  sm: ReturnType<typeof rowsFor>,
  notSm: { ikeAuthAlg: string; ipsecEncAlg: string; ipsecAuthAlg: string },
): AgreementCase[] {
  const C = ISSUE_CODES;
  const algorithm = (label: string, form: Patch, raw: RawPatch) =>
    sm.refused(`SM with ${label}`, form, C.ALGORITHM_NOT_FOR_GATEWAY_TYPE, 'InvalidParameter', raw);
  return [
    sm.refused(
      'SM with ikev2',
      ike({ ikeVersion: 'ikev2' }),
      C.SM_REQUIRES_IKEV1,
      'InvalidParameter',
      ikeRaw({ IkeVersion: 'ikev2' }),
    ),
    sm.refused(
      'SM with aggressive mode',
      ike({ ikeMode: 'aggressive' }),
      C.SM_REQUIRES_MAIN_MODE,
      'InvalidParameter',
      ikeRaw({ IkeMode: 'aggressive' }),
    ),
    algorithm('IkeEncAlg aes', ike({ ikeEncAlg: 'aes' }), ikeRaw({ IkeEncAlg: 'aes' })),
    algorithm(
      `IkeAuthAlg ${notSm.ikeAuthAlg}`,
      ike({ ikeAuthAlg: notSm.ikeAuthAlg }),
      ikeRaw({ IkeAuthAlg: notSm.ikeAuthAlg }),
    ),
    algorithm(
      `IpsecEncAlg ${notSm.ipsecEncAlg}`,
      ipsec({ ipsecEncAlg: notSm.ipsecEncAlg }),
      ipsecRaw({ IpsecEncAlg: notSm.ipsecEncAlg }),
    ),
    algorithm(
      `IpsecAuthAlg ${notSm.ipsecAuthAlg}`,
      ipsec({ ipsecAuthAlg: notSm.ipsecAuthAlg }),
      ipsecRaw({ IpsecAuthAlg: notSm.ipsecAuthAlg }),
    ),
  ];
}
