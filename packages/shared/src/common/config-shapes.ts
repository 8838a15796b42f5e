// The IKE (phase 1), IPsec (phase 2), BGP and health-check configurations, each described once:
// the console's form name → Alibaba's name (reference §6; seeds 001, 002, 004). Every mapper,
// response schema, view schema and presenter of these configurations derives from here.
import { defineShape } from './key-map';

/** IkeConfig. Connections send the Psk inside it, first (seed 002); responses give it last. */
export const ikeShape = defineShape(
  {
    ikeVersion: { wire: 'IkeVersion', kind: 'text' },
    ikeMode: { wire: 'IkeMode', kind: 'text' },
    ikeEncAlg: { wire: 'IkeEncAlg', kind: 'text' },
    ikeAuthAlg: { wire: 'IkeAuthAlg', kind: 'text' },
    ikePfs: { wire: 'IkePfs', kind: 'text' },
    ikeLifetime: { wire: 'IkeLifetime', kind: 'int' },
    localId: { wire: 'LocalId', kind: 'text' },
    remoteId: { wire: 'RemoteId', kind: 'text' },
    psk: { wire: 'Psk', kind: 'text', secret: true },
  },
  { valuesAsText: false, requestFirst: ['psk'] },
);

/** IpsecConfig. */
export const ipsecShape = defineShape(
  {
    ipsecEncAlg: { wire: 'IpsecEncAlg', kind: 'text' },
    ipsecAuthAlg: { wire: 'IpsecAuthAlg', kind: 'text' },
    ipsecPfs: { wire: 'IpsecPfs', kind: 'text' },
    ipsecLifetime: { wire: 'IpsecLifetime', kind: 'int' },
  },
  { valuesAsText: false },
);

/** BgpConfig (request) and VpnBgpConfig (response): string values on the wire, as in seed 002. */
export const bgpShape = defineShape(
  {
    enableBgp: { wire: 'EnableBgp', kind: 'bool' },
    localAsn: { wire: 'LocalAsn', kind: 'int' },
    tunnelCidr: { wire: 'TunnelCidr', kind: 'text' },
    localBgpIp: { wire: 'LocalBgpIp', kind: 'text' },
    peerAsn: { wire: 'PeerAsn', kind: 'int', readOnly: true },
    peerBgpIp: { wire: 'PeerBgpIp', kind: 'text', readOnly: true },
    authKey: { wire: 'AuthKey', kind: 'text', readOnly: true, secret: true },
    status: { wire: 'Status', kind: 'text', readOnly: true },
  },
  { valuesAsText: true },
);

/**
 * A dual-tunnel connection's TunnelBgpConfig: BgpConfig's names without the connection-wide
 * switch, and the tunnel's own session status (BgpStatus).
 */
export const tunnelBgpShape = defineShape(
  {
    localAsn: bgpShape.fields.localAsn,
    peerAsn: bgpShape.fields.peerAsn,
    localBgpIp: bgpShape.fields.localBgpIp,
    peerBgpIp: bgpShape.fields.peerBgpIp,
    tunnelCidr: bgpShape.fields.tunnelCidr,
    bgpStatus: { wire: 'BgpStatus', kind: 'text', readOnly: true },
  },
  { valuesAsText: true },
);

/**
 * HealthCheckConfig (request: lower-case keys, string values, seed 002) and VcoHealthCheck
 * (response: PascalCase).
 */
export const healthCheckShape = defineShape(
  {
    enable: { wire: 'Enable', request: 'enable', kind: 'bool' },
    dip: { wire: 'Dip', request: 'dip', kind: 'text' },
    sip: { wire: 'Sip', request: 'sip', kind: 'text' },
    interval: { wire: 'Interval', request: 'interval', kind: 'int' },
    retry: { wire: 'Retry', request: 'retry', kind: 'int' },
    policy: { wire: 'Policy', kind: 'text', readOnly: true },
    status: { wire: 'Status', kind: 'text', readOnly: true },
  },
  { valuesAsText: true },
);
