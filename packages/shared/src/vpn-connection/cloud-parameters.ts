// A cloud refusal that names a parameter (`InvalidParameter` 'The specified parameter
// "BgpConfig.TunnelCidr" is not valid.', `IllegalParam.LocalSubnet`, a dual-tunnel
// `TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr`) mapped back to the request body's
// field, through the same key maps the requests are written with (config-shapes.ts), so the form
// can highlight it (issue 17 item 5).
import { bgpShape, healthCheckShape, ikeShape, ipsecShape } from '../common/config-shapes';
import type { KeyMap, KeyMapField } from '../common/key-map';

/** The JSON parameters of a connection request and their body field with the shape inside. */
const OBJECTS: Readonly<Record<string, readonly [string, KeyMap]>> = {
  IkeConfig: ['ikeConfig', ikeShape.fields],
  IpsecConfig: ['ipsecConfig', ipsecShape.fields],
  BgpConfig: ['bgpConfig', bgpShape.fields],
  HealthCheckConfig: ['healthCheckConfig', healthCheckShape.fields],
  TunnelIkeConfig: ['ikeConfig', ikeShape.fields],
  TunnelIpsecConfig: ['ipsecConfig', ipsecShape.fields],
  TunnelBgpConfig: ['bgpConfig', bgpShape.fields],
};

/** Top-level parameters (CreateVpnConnection / ModifyVpnConnectionAttribute, and per tunnel). */
const PLAIN: Readonly<Record<string, string>> = {
  Name: 'name',
  LocalSubnet: 'localSubnet',
  RemoteSubnet: 'remoteSubnet',
  CustomerGatewayId: 'customerGatewayId',
  RemoteCaCertificate: 'remoteCaCertificate',
  EnableDpd: 'enableDpd',
  EnableNatTraversal: 'enableNatTraversal',
  AutoConfigRoute: 'autoConfigRoute',
  EffectImmediately: 'effectImmediately',
  EnableTunnelsBgp: 'enableTunnelsBgp',
};

const fieldOf = (fields: KeyMap, name: string): string | undefined =>
  Object.entries<KeyMapField>(fields).find(
    ([, f]) => f.readOnly !== true && (f.wire === name || f.request === name),
  )?.[0];

const pathOf = (parts: readonly string[]): string | undefined => {
  const [head, inner, ...rest] = parts;
  if (head === undefined) return undefined;
  const object = OBJECTS[head];
  if (object !== undefined) {
    if (inner === undefined || rest.length > 0) return object[0];
    const field = fieldOf(object[1], inner);
    return field === undefined ? undefined : `${object[0]}.${field}`;
  }
  return inner === undefined ? PLAIN[head] : undefined;
};

/**
 * The body path of a parameter the cloud named (`bgpConfig.tunnelCidr`,
 * `tunnels.1.bgpConfig.tunnelCidr`), or undefined when the console has no field for it.
 */
export function bodyPathOfCloudParameter(parameter: string): string | undefined {
  const parts = parameter.split('.');
  if (parts[0] === 'TunnelOptionsSpecification') {
    const n = Number(parts[1]);
    if (!Number.isInteger(n) || n < 1 || n > 2) return undefined;
    const inner = pathOf(parts.slice(2));
    return inner === undefined ? undefined : `tunnels.${String(n - 1)}.${inner}`;
  }
  return pathOf(parts);
}

/**
 * The parameter a refusal names: for `IllegalParam.X` the code's X; for `InvalidParameter` /
 * `MissingParameter` the quoted name in the message, when it is a parameter name (nothing else of
 * the upstream text is kept).
 */
export function cloudParameterOf(code: string, message: string | undefined): string | undefined {
  const illegal = /^IllegalParam\.([A-Za-z]+)$/.exec(code);
  if (illegal?.[1] !== undefined && illegal[1] !== 'AuthMethod') return illegal[1];
  if (code !== 'InvalidParameter' && code !== 'MissingParameter') return undefined;
  const quoted = /"([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)"/.exec(message ?? '');
  return quoted?.[1];
}
