// Which IPsec connection contract applies is a fact of the gateway: a dual-tunnel gateway (it has a
// second IP) takes only TunnelOptionsSpecification, a single-tunnel one only the single-tunnel
// fields (reference §5.4). Browser and BFF choose the schema and the RPC mapping here, from the
// gateway's facts, and a field of the other mode gets its own issue code instead of "unknown key".
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import type { GatewayType, SchemaContext } from '../common/gateway-type';
import { addIssue } from '../common/issue';
import {
  createDualTunnelVpnConnectionSchema,
  modifyDualTunnelVpnConnectionSchema,
  type CreateDualTunnelVpnConnectionValue,
  type ModifyDualTunnelVpnConnectionValue,
} from './dual-tunnel';
import {
  toCreateDualTunnelVpnConnectionParams,
  toModifyDualTunnelVpnConnectionParams,
} from './dual-tunnel-rpc';
import { toCreateVpnConnectionParams, toModifyVpnConnectionAttributeParams } from './rpc';
import {
  createVpnConnectionSchema,
  modifyVpnConnectionAttributeSchema,
  type CreateVpnConnectionValue,
  type ModifyVpnConnectionAttributeValue,
} from './schema';
import type { RpcRequest } from '../rpc-types';

const C = ISSUE_CODES;

/** What decides the contract: the gateway's type and whether it is dual-tunnel. */
export type ConnectionGatewayFacts = SchemaContext & { dualTunnel: boolean };

/** Single-tunnel fields a dual-tunnel gateway refuses (the API reference's list). */
export const SINGLE_TUNNEL_FIELDS = [
  'customerGatewayId',
  'ikeConfig',
  'ipsecConfig',
  'bgpConfig',
  'healthCheckConfig',
  'enableDpd',
  'enableNatTraversal',
  'remoteCaCertificate',
] as const;

/** Dual-tunnel fields a single-tunnel gateway refuses. */
export const DUAL_TUNNEL_FIELDS = ['tunnels', 'enableTunnelsBgp'] as const;

/** Refuse the other mode's fields by name, then parse with the mode's schema. */
function guarded<O>(schema: z.ZodType<O, Record<string, unknown>>, dualTunnel: boolean) {
  return z
    .looseObject({})
    .superRefine((value, ctx) => {
      if (dualTunnel) {
        for (const field of SINGLE_TUNNEL_FIELDS) {
          if (field in value) {
            addIssue(ctx, C.SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY, [field], { field });
          }
        }
      } else {
        for (const field of DUAL_TUNNEL_FIELDS) {
          if (field in value) addIssue(ctx, C.TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY, [field]);
        }
      }
    })
    .pipe(schema);
}

function memoByFacts<T>(build: (facts: ConnectionGatewayFacts) => T) {
  const cache = new Map<string, T>();
  return (facts: ConnectionGatewayFacts): T => {
    const key = `${facts.gatewayType satisfies GatewayType}/${String(facts.dualTunnel)}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const built = build(facts);
    cache.set(key, built);
    return built;
  };
}

export type CreateAnyVpnConnectionValue =
  CreateVpnConnectionValue | CreateDualTunnelVpnConnectionValue;
export type ChangeAnyVpnConnectionValue =
  ModifyVpnConnectionAttributeValue | ModifyDualTunnelVpnConnectionValue;

/** CreateVpnConnection's schema for this gateway. */
export const vpnConnectionCreateSchemaFor = memoByFacts(
  (facts): z.ZodType<CreateAnyVpnConnectionValue> =>
    facts.dualTunnel
      ? guarded(createDualTunnelVpnConnectionSchema(facts), true)
      : guarded(createVpnConnectionSchema(facts), false),
);

/** ModifyVpnConnectionAttribute's schema for a connection on this gateway. */
export const vpnConnectionChangeSchemaFor = memoByFacts(
  (facts): z.ZodType<ChangeAnyVpnConnectionValue> =>
    facts.dualTunnel
      ? guarded(modifyDualTunnelVpnConnectionSchema(facts), true)
      : guarded(modifyVpnConnectionAttributeSchema(facts), false),
);

/**
 * A value is dual-tunnel when it names tunnels or tunnel BGP; a change of only the connection
 * fields (name, subnets, timing, routing) maps to the same parameters in both modes.
 */
const isDualCreate = (v: CreateAnyVpnConnectionValue): v is CreateDualTunnelVpnConnectionValue =>
  'tunnels' in v;
const isDualChange = (v: ChangeAnyVpnConnectionValue): v is ModifyDualTunnelVpnConnectionValue =>
  'tunnels' in v || 'enableTunnelsBgp' in v;

export function toCreateAnyVpnConnectionParams(v: CreateAnyVpnConnectionValue): RpcRequest {
  return isDualCreate(v)
    ? toCreateDualTunnelVpnConnectionParams(v)
    : toCreateVpnConnectionParams(v);
}

export function toChangeAnyVpnConnectionParams(v: ChangeAnyVpnConnectionValue): RpcRequest {
  return isDualChange(v)
    ? toModifyDualTunnelVpnConnectionParams(v)
    : toModifyVpnConnectionAttributeParams(v);
}
