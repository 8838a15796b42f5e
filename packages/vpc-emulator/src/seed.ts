import {
  cooperativePeer,
  emptyState,
  type Connection,
  type CustomerGateway,
  type EmulatorState,
  type Gateway,
  type PeerProfile,
  type Tunnel,
} from './state';

/** Deterministic ids of the demo seed (documented in README.md). */
export const DEMO_IDS = {
  regions: { hangzhou: 'cn-hangzhou', shanghai: 'cn-shanghai', singapore: 'ap-southeast-1' },
  gateways: {
    /** cn-hangzhou, active, standard, SSL-VPN disabled, five connections (every negotiation state). */
    connections: 'vpn-bp1democonnections01',
    /** cn-hangzhou, active, standard, SSL-VPN enabled, holds the IPsec server and an SSL-VPN server. */
    servers: 'vpn-bp1demoservers000001',
    /** cn-hangzhou, free: active, SSL-VPN enabled, no IPsec server, no SSL server, no connection. */
    free1: 'vpn-bp1demofree00000001',
    /** cn-hangzhou, free (second one). */
    free2: 'vpn-bp1demofree00000002',
    /** cn-hangzhou, `updating` when the emulator starts, `active` after updatingMs. */
    updating: 'vpn-bp1demoupdating00001',
    /** cn-hangzhou, BusinessStatus FinancialLocked. */
    locked: 'vpn-bp1demolocked0000001',
    /** cn-hangzhou, SSL-VPN enabled but an old version: no IPsec server support. */
    old: 'vpn-bp1demooldversion001',
    /** cn-hangzhou, SSL-VPN disabled, otherwise free. */
    sslDisabled: 'vpn-bp1demossldisabled01',
    /** cn-shanghai, SM/国密 (NationalStandard), one SM connection. */
    sm: 'vpn-uf6demosm00000000001',
    /** cn-shanghai, free. */
    shanghaiFree: 'vpn-uf6demofree00000001',
    /** ap-southeast-1, free. */
    singaporeFree: 'vpn-t4ndemofree00000001',
    /** ap-southeast-1, with an SSL-VPN server. */
    singaporeSsl: 'vpn-t4ndemossl000000001',
    /** cn-hangzhou, dual-tunnel, standard: one dual-tunnel connection, both tunnels up, BGP on both. */
    dualTunnel: 'vpn-bp1demodualtunnel001',
    /** cn-hangzhou, dual-tunnel, standard, free (no connection). */
    dualTunnelFree: 'vpn-bp1demodualfree00001',
    /** cn-shanghai, dual-tunnel, standard: one dual-tunnel connection whose standby tunnel is down. */
    dualTunnelDown: 'vpn-uf6demodualdown00001',
    /** cn-shanghai, dual-tunnel, SM/国密 (NationalStandard), free. */
    dualTunnelSm: 'vpn-uf6demodualsm0000001',
  },
  customerGateways: {
    /** cn-hangzhou, cooperative peer (accepts everything). */
    cooperative: 'cgw-bp1democooperative01',
    /** cn-hangzhou, peer supports only IKEv2 with aes256/sha256: phase 1 fails on defaults. */
    ikeMismatch: 'cgw-bp1demoikemismatch001',
    /** cn-hangzhou, peer holds a different PSK: phase 1 fails. */
    pskMismatch: 'cgw-bp1demopskmismatch001',
    /** cn-hangzhou, peer accepts phase 1 but only aes256/sha256 in phase 2. */
    ipsecMismatch: 'cgw-bp1demoipsecmismatch1',
    /** cn-hangzhou, peer completes phase 1 and never answers phase 2. */
    stalled: 'cgw-bp1demostalled000001',
    /** cn-hangzhou, cooperative, no connection yet. */
    free: 'cgw-bp1demofree000000001',
    /** cn-shanghai, SM peer. */
    smPeer: 'cgw-uf6demosmpeer0000001',
    /** cn-shanghai, cooperative, no connection. */
    shanghaiFree: 'cgw-uf6demofree000000001',
    /** ap-southeast-1, cooperative, no connection. */
    singaporeFree: 'cgw-t4ndemofree000000001',
    /** cn-hangzhou, cooperative, ASN 65010: tunnel 1 (master) of the healthy dual-tunnel connection. */
    dualA: 'cgw-bp1demoduala00000001',
    /** cn-hangzhou, cooperative, ASN 65010: tunnel 2 (slave) of the healthy dual-tunnel connection. */
    dualB: 'cgw-bp1demodualb00000001',
    /** cn-hangzhou, cooperative, ASN 65020, no connection (for new dual-tunnel connections). */
    dualFreeA: 'cgw-bp1demodualfreea0001',
    /** cn-hangzhou, cooperative, ASN 65020, no connection (a second peer device). */
    dualFreeB: 'cgw-bp1demodualfreeb0001',
    /** cn-shanghai, cooperative: the up tunnel (master) of the one-tunnel-down connection. */
    dualDownA: 'cgw-uf6demodualdowna0001',
    /** cn-shanghai, holds another PSK: the down tunnel (slave) of the one-tunnel-down connection. */
    dualDownB: 'cgw-uf6demodualdownb0001',
  },
  connections: {
    established: 'vco-bp1demoestablished001',
    ikeNotEstablished: 'vco-bp1demoikefailed00001',
    pskMismatch: 'vco-bp1demopskfailed00001',
    ipsecNotEstablished: 'vco-bp1demoipsecfailed001',
    ikeEstablished: 'vco-bp1demoikeonly0000001',
    sm: 'vco-uf6demosm00000000001',
    /** Dual-tunnel, both tunnels `ipsec_sa_established`, BGP on both. */
    dualHealthy: 'vco-bp1demodualhealthy01',
    /** Dual-tunnel, master up, slave `ike_sa_not_established` (its peer holds another PSK). */
    dualOneTunnelDown: 'vco-uf6demodualonedown01',
  },
  tunnels: {
    dualHealthyMaster: 'tun-bp1demodualhealthy01',
    dualHealthySlave: 'tun-bp1demodualhealthy02',
    dualDownMaster: 'tun-uf6demodualonedown01',
    dualDownSlave: 'tun-uf6demodualonedown02',
  },
  ipsecServer: 'iss-bp1demoipsecserver001',
  sslServers: { hangzhou: 'vss-bp1demosslserver00001', singapore: 'vss-t4ndemosslserver00001' },
  /** SSL-VPN client certificates, one in each status; `normal`, `normal2`, `expiringSoon` are connected. */
  sslClientCerts: {
    /** cn-hangzhou server, `normal`, connected. */
    normal: 'vsc-bp1democertnormal0001',
    /** cn-hangzhou server, `normal`, connected. */
    normal2: 'vsc-bp1democertnormal0002',
    /** cn-hangzhou server, `expiring-soon` (ends 3 days after the seed's clock), connected. */
    expiringSoon: 'vsc-bp1democertexpiring01',
    /** cn-hangzhou server, `expired` (ended 10 days before the seed's clock). */
    expired: 'vsc-bp1democertexpired001',
    /** ap-southeast-1 server, `normal`, connected. */
    singapore: 'vsc-t4ndemocertnormal0001',
  },
  idaasInstance: 'idaas-cn-hangzhou-demo0001',
  /** Exists, but the VPN service has no RAM permission on it. */
  idaasNoPermission: 'idaas-cn-hangzhou-noperm01',
  /** The PSK the `pskMismatch` peer expects (the connection has another one). */
  peerPsk: 'PeerSide-Psk-2026',
} as const;

const CREATED = Date.UTC(2025, 0, 15, 8, 0, 0);
const ENDS = Date.UTC(2027, 0, 15, 16, 0, 0);

export function gateway(id: string, regionId: string, n: number, patch: Partial<Gateway>): Gateway {
  return {
    VpnGatewayId: id,
    RegionId: regionId,
    Name: `demo-gw-${n}`,
    Description: '',
    VpcId: `vpc-demo${String(n).padStart(4, '0')}`,
    VpcCidrs: ['172.16.0.0/16'],
    VSwitchId: `vsw-demo${String(n).padStart(4, '0')}`,
    Spec: '10M',
    // Documentation range (RFC 5737) so tests can bind these addresses in their own namespaces.
    InternetIp: `192.0.2.${n * 10}`,
    SslVpnInternetIp: `192.0.2.${n * 10 + 1}`,
    DisasterRecoveryInternetIp: '',
    DisasterRecoveryVSwitchId: '',
    TunnelZones: [],
    IpsecVpn: 'enable',
    SslVpn: 'enable',
    SslMaxConnections: 5,
    EnableBgp: false,
    AutoPropagate: false,
    GatewayType: 'Traditional',
    VpnType: 'Normal',
    NetworkType: 'public',
    ChargeType: 'PREPAY',
    BusinessStatus: 'Normal',
    ResourceGroupId: 'rg-acfmdemo00000001',
    CreateTime: CREATED + n * 60_000,
    EndTime: ENDS,
    VpnVersion: 'v1.2.4',
    SupportsIpsecServer: true,
    UpdatingUntil: 0,
    ConnectionQuota: 10,
    RouteEntryQuota: 50,
    PolicyRouteQuota: 100,
    Tags: [],
    ...patch,
  };
}

export function customerGateway(
  id: string,
  regionId: string,
  ip: string,
  name: string,
  peer: PeerProfile,
  n: number,
): CustomerGateway {
  return {
    CustomerGatewayId: id,
    RegionId: regionId,
    Name: name,
    Description: `Demo peer: ${name}`,
    IpAddress: ip,
    AuthKey: '',
    CreateTime: CREATED + n * 60_000,
    ResourceGroupId: 'rg-acfmdemo00000001',
    Tags: [],
    Peer: peer,
    PeerChangedAt: 0,
  };
}

export function connection(
  id: string,
  gw: Gateway,
  cgw: CustomerGateway,
  n: number,
  patch: Partial<Connection>,
): Connection {
  const sm = gw.VpnType === 'NationalStandard';
  return {
    VpnConnectionId: id,
    RegionId: gw.RegionId,
    VpnGatewayId: gw.VpnGatewayId,
    CustomerGatewayId: cgw.CustomerGatewayId,
    Name: `demo-conn-${n}`,
    LocalSubnet: '172.16.0.0/16',
    RemoteSubnet: `10.${n}.0.0/16`,
    EffectImmediately: true,
    AutoConfigRoute: true,
    EnableDpd: true,
    EnableNatTraversal: true,
    RemoteCaCertificate: sm
      ? '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZWgAwIBAgIDEMO=\n-----END CERTIFICATE-----'
      : '',
    CreateTime: CREATED + n * 120_000,
    IkeConfig: {
      IkeVersion: 'ikev1',
      IkeMode: 'main',
      IkeEncAlg: sm ? 'sm4' : 'aes',
      IkeAuthAlg: sm ? 'sm3' : 'sha1',
      IkePfs: 'group2',
      IkeLifetime: 86400,
      LocalId: gw.InternetIp,
      RemoteId: sm ? 'CN=demo,OU=demo,O=demo,C=CHN' : cgw.IpAddress,
    },
    Psk: sm ? '' : `DemoPsk${String(n).padStart(9, '0')}`,
    IpsecConfig: {
      IpsecEncAlg: sm ? 'sm4' : 'aes',
      IpsecAuthAlg: sm ? 'sm3' : 'sha1',
      IpsecPfs: 'group2',
      IpsecLifetime: 86400,
    },
    HealthCheck: { Enable: false, Dip: '', Sip: '', Interval: 3, Retry: 3 },
    Bgp: { EnableBgp: false, LocalAsn: 45104, TunnelCidr: '', LocalBgpIp: '' },
    ResourceGroupId: gw.ResourceGroupId,
    Tags: [],
    NegotiationStartsAt: 0,
    Tunnels: [],
    EnableTunnelsBgp: false,
    ...patch,
  };
}

/** A dual-tunnel gateway's extra facts: its second IP (documentation range), vSwitch, zones. */
function dualTunnelFacts(n: number, zones: [string, string]): Partial<Gateway> {
  return {
    DisasterRecoveryInternetIp: `192.0.2.${n * 10 + 2}`,
    DisasterRecoveryVSwitchId: `vsw-demo${String(n).padStart(4, '0')}dr`,
    TunnelZones: zones,
  };
}

/** One tunnel of a demo dual-tunnel connection (index 1 is the master). */
export function tunnel(
  id: string,
  gw: Gateway,
  cgw: CustomerGateway,
  index: 1 | 2,
  n: number,
  bgp: { TunnelCidr: string; LocalBgpIp: string } | undefined,
): Tunnel {
  const sm = gw.VpnType === 'NationalStandard';
  return {
    TunnelId: id,
    TunnelIndex: index,
    Role: index === 1 ? 'master' : 'slave',
    CustomerGatewayId: cgw.CustomerGatewayId,
    ZoneNo: gw.TunnelZones[index - 1] ?? '',
    EnableDpd: true,
    EnableNatTraversal: true,
    RemoteCaCertificate: '',
    IkeConfig: {
      IkeVersion: 'ikev2',
      IkeMode: 'main',
      IkeEncAlg: sm ? 'sm4' : 'aes256',
      IkeAuthAlg: sm ? 'sm3' : 'sha256',
      IkePfs: 'group14',
      IkeLifetime: 86400,
      LocalId: index === 1 ? gw.InternetIp : gw.DisasterRecoveryInternetIp,
      RemoteId: cgw.IpAddress,
    },
    Psk: `DemoTunnelPsk${String(n * 10 + index).padStart(3, '0')}`,
    IpsecConfig: {
      IpsecEncAlg: sm ? 'sm4' : 'aes256',
      IpsecAuthAlg: sm ? 'sm3' : 'sha256',
      IpsecPfs: 'group14',
      IpsecLifetime: 86400,
    },
    Bgp: { LocalAsn: 65530, TunnelCidr: bgp?.TunnelCidr ?? '', LocalBgpIp: bgp?.LocalBgpIp ?? '' },
    NegotiationStartsAt: 0,
  };
}

/**
 * The demo seed. `startedAt` and `updatingMs` place the `updating` gateway's end of update; every
 * other timestamp is fixed, so the same call gives the same state.
 */
export function demoState(startedAt: number, updatingMs: number): EmulatorState {
  const state = emptyState();
  const ids = DEMO_IDS;
  const hz = ids.regions.hangzhou;
  const sh = ids.regions.shanghai;
  const sg = ids.regions.singapore;
  const g = {
    connections: gateway(ids.gateways.connections, hz, 1, {
      Name: 'hz-site-to-site',
      SslVpn: 'disable',
      VpcCidrs: ['172.16.0.0/16'],
    }),
    servers: gateway(ids.gateways.servers, hz, 2, {
      Name: 'hz-remote-access',
      VpcCidrs: ['192.168.0.0/16'],
      SslMaxConnections: 50,
    }),
    free1: gateway(ids.gateways.free1, hz, 3, { Name: 'hz-free-1', VpcCidrs: ['172.20.0.0/16'] }),
    free2: gateway(ids.gateways.free2, hz, 4, { Name: 'hz-free-2', VpcCidrs: ['172.21.0.0/16'] }),
    updating: gateway(ids.gateways.updating, hz, 5, {
      Name: 'hz-updating',
      UpdatingUntil: startedAt + updatingMs,
    }),
    locked: gateway(ids.gateways.locked, hz, 6, {
      Name: 'hz-overdue',
      BusinessStatus: 'FinancialLocked',
      ChargeType: 'PREPAY',
    }),
    old: gateway(ids.gateways.old, hz, 7, {
      Name: 'hz-legacy',
      VpnVersion: 'v1.0.0',
      SupportsIpsecServer: false,
    }),
    sslDisabled: gateway(ids.gateways.sslDisabled, hz, 8, {
      Name: 'hz-ipsec-only',
      SslVpn: 'disable',
    }),
    sm: gateway(ids.gateways.sm, sh, 9, {
      Name: 'sh-guomi',
      VpnType: 'NationalStandard',
      SslVpn: 'disable',
      SslVpnInternetIp: '',
    }),
    shanghaiFree: gateway(ids.gateways.shanghaiFree, sh, 10, {
      Name: 'sh-free',
    }),
    singaporeFree: gateway(ids.gateways.singaporeFree, sg, 11, {
      Name: 'sg-free',
      ChargeType: 'POSTPAY',
    }),
    singaporeSsl: gateway(ids.gateways.singaporeSsl, sg, 12, {
      Name: 'sg-remote-access',
    }),
    dualTunnel: gateway(ids.gateways.dualTunnel, hz, 13, {
      Name: 'hz-dual-tunnel',
      SslVpn: 'disable',
      VpcCidrs: ['172.22.0.0/16'],
      ...dualTunnelFacts(13, ['cn-hangzhou-k', 'cn-hangzhou-j']),
    }),
    dualTunnelFree: gateway(ids.gateways.dualTunnelFree, hz, 14, {
      Name: 'hz-dual-tunnel-free',
      VpcCidrs: ['172.23.0.0/16'],
      ...dualTunnelFacts(14, ['cn-hangzhou-i', 'cn-hangzhou-h']),
    }),
    dualTunnelDown: gateway(ids.gateways.dualTunnelDown, sh, 15, {
      Name: 'sh-dual-tunnel',
      SslVpn: 'disable',
      VpcCidrs: ['172.24.0.0/16'],
      ...dualTunnelFacts(15, ['cn-shanghai-l', 'cn-shanghai-m']),
    }),
    dualTunnelSm: gateway(ids.gateways.dualTunnelSm, sh, 16, {
      Name: 'sh-dual-tunnel-guomi',
      VpnType: 'NationalStandard',
      SslVpn: 'disable',
      SslVpnInternetIp: '',
      VpcCidrs: ['172.25.0.0/16'],
      ...dualTunnelFacts(16, ['cn-shanghai-n', 'cn-shanghai-b']),
    }),
  };
  state.gateways.push(...Object.values(g));

  const strictIke: PeerProfile = {
    ...cooperativePeer,
    ikeVersions: ['ikev2'],
    ikeEncAlgs: ['aes256'],
    ikeAuthAlgs: ['sha256'],
  };
  const strictIpsec: PeerProfile = {
    ...cooperativePeer,
    ipsecEncAlgs: ['aes256'],
    ipsecAuthAlgs: ['sha256'],
  };
  const c = {
    cooperative: customerGateway(
      ids.customerGateways.cooperative,
      hz,
      '203.0.113.10',
      'branch-cooperative',
      cooperativePeer,
      1,
    ),
    ikeMismatch: customerGateway(
      ids.customerGateways.ikeMismatch,
      hz,
      '203.0.113.20',
      'branch-ikev2-only',
      strictIke,
      2,
    ),
    pskMismatch: customerGateway(
      ids.customerGateways.pskMismatch,
      hz,
      '203.0.113.30',
      'branch-other-psk',
      { ...cooperativePeer, psk: ids.peerPsk },
      3,
    ),
    ipsecMismatch: customerGateway(
      ids.customerGateways.ipsecMismatch,
      hz,
      '203.0.113.40',
      'branch-strict-phase2',
      strictIpsec,
      4,
    ),
    stalled: customerGateway(
      ids.customerGateways.stalled,
      hz,
      '203.0.113.50',
      'branch-silent-phase2',
      { ...cooperativePeer, stallPhase2: true },
      5,
    ),
    free: customerGateway(
      ids.customerGateways.free,
      hz,
      '198.51.100.10',
      'branch-new',
      cooperativePeer,
      6,
    ),
    smPeer: customerGateway(
      ids.customerGateways.smPeer,
      sh,
      '203.0.113.60',
      'sh-guomi-peer',
      cooperativePeer,
      7,
    ),
    shanghaiFree: customerGateway(
      ids.customerGateways.shanghaiFree,
      sh,
      '198.51.100.20',
      'sh-branch-new',
      cooperativePeer,
      8,
    ),
    singaporeFree: customerGateway(
      ids.customerGateways.singaporeFree,
      sg,
      '198.51.100.30',
      'sg-branch-new',
      cooperativePeer,
      9,
    ),
    dualA: customerGateway(
      ids.customerGateways.dualA,
      hz,
      '203.0.113.70',
      'branch-dual-a',
      cooperativePeer,
      10,
    ),
    dualB: customerGateway(
      ids.customerGateways.dualB,
      hz,
      '203.0.113.71',
      'branch-dual-b',
      cooperativePeer,
      11,
    ),
    dualFreeA: customerGateway(
      ids.customerGateways.dualFreeA,
      hz,
      '198.51.100.40',
      'branch-dual-new-a',
      cooperativePeer,
      12,
    ),
    dualFreeB: customerGateway(
      ids.customerGateways.dualFreeB,
      hz,
      '198.51.100.41',
      'branch-dual-new-b',
      cooperativePeer,
      13,
    ),
    dualDownA: customerGateway(
      ids.customerGateways.dualDownA,
      sh,
      '203.0.113.80',
      'sh-branch-dual-a',
      cooperativePeer,
      14,
    ),
    dualDownB: customerGateway(
      ids.customerGateways.dualDownB,
      sh,
      '203.0.113.81',
      'sh-branch-dual-b-other-psk',
      { ...cooperativePeer, psk: ids.peerPsk },
      15,
    ),
  };
  c.dualA.Asn = 65010;
  c.dualB.Asn = 65010;
  c.dualFreeA.Asn = 65020;
  c.dualFreeB.Asn = 65020;
  state.customerGateways.push(...Object.values(c));

  state.connections.push(
    connection(ids.connections.established, g.connections, c.cooperative, 1, {
      Name: 'to-branch-ok',
    }),
    connection(ids.connections.ikeNotEstablished, g.connections, c.ikeMismatch, 2, {
      Name: 'to-branch-ike-mismatch',
    }),
    connection(ids.connections.pskMismatch, g.connections, c.pskMismatch, 3, {
      Name: 'to-branch-psk-mismatch',
    }),
    connection(ids.connections.ipsecNotEstablished, g.connections, c.ipsecMismatch, 4, {
      Name: 'to-branch-phase2-mismatch',
    }),
    connection(ids.connections.ikeEstablished, g.connections, c.stalled, 5, {
      Name: 'to-branch-phase2-silent',
    }),
    connection(ids.connections.sm, g.sm, c.smPeer, 6, {
      Name: 'to-guomi-branch',
      LocalSubnet: '172.16.0.0/16',
      RemoteSubnet: '10.60.0.0/16',
    }),
    connection(ids.connections.dualHealthy, g.dualTunnel, c.dualA, 7, {
      Name: 'to-branch-dual',
      CustomerGatewayId: '',
      LocalSubnet: '172.22.0.0/16',
      RemoteSubnet: '10.70.0.0/16',
      EnableTunnelsBgp: true,
      Tunnels: [
        tunnel(ids.tunnels.dualHealthyMaster, g.dualTunnel, c.dualA, 1, 7, {
          TunnelCidr: '169.254.20.0/30',
          LocalBgpIp: '169.254.20.1',
        }),
        tunnel(ids.tunnels.dualHealthySlave, g.dualTunnel, c.dualB, 2, 7, {
          TunnelCidr: '169.254.21.0/30',
          LocalBgpIp: '169.254.21.1',
        }),
      ],
    }),
    connection(ids.connections.dualOneTunnelDown, g.dualTunnelDown, c.dualDownA, 8, {
      Name: 'to-branch-dual-standby-down',
      CustomerGatewayId: '',
      LocalSubnet: '172.24.0.0/16',
      RemoteSubnet: '10.80.0.0/16',
      Tunnels: [
        tunnel(ids.tunnels.dualDownMaster, g.dualTunnelDown, c.dualDownA, 1, 8, undefined),
        tunnel(ids.tunnels.dualDownSlave, g.dualTunnelDown, c.dualDownB, 2, 8, undefined),
      ],
    }),
  );

  state.ipsecServers.push({
    IpsecServerId: ids.ipsecServer,
    IpsecServerName: 'hz-roadwarriors',
    VpnGatewayId: g.servers.VpnGatewayId,
    RegionId: hz,
    CreationTime: '2025-01-15T09:00:00Z',
    LocalSubnet: '192.168.0.0/16',
    ClientIpPool: '10.200.0.0/24',
    EffectImmediately: false,
    Psk: 'DemoIpsecServer1',
    PskEnabled: true,
    MultiFactorAuthEnabled: false,
    IDaaSInstanceId: '',
    IkeConfig: {
      IkeVersion: 'ikev2',
      IkeMode: 'main',
      IkeEncAlg: 'aes',
      IkeAuthAlg: 'sha1',
      IkePfs: 'group2',
      IkeLifetime: 86400,
      LocalId: g.servers.InternetIp,
      RemoteId: '',
    },
    IpsecConfig: {
      IpsecEncAlg: 'aes',
      IpsecAuthAlg: 'sha1',
      IpsecPfs: 'group2',
      IpsecLifetime: 86400,
    },
    OnlineClientCount: 3,
    ResourceGroupId: g.servers.ResourceGroupId,
  });

  const ssl = (
    id: string,
    gw: Gateway,
    pool: string,
    local: string,
    n: number,
    wire: { Proto: string; Cipher: string; Compress: boolean },
  ) => ({
    SslVpnServerId: id,
    VpnGatewayId: gw.VpnGatewayId,
    RegionId: gw.RegionId,
    Name: `ssl-demo-${n}`,
    ClientIpPool: pool,
    LocalSubnet: local,
    Port: 1194,
    ...wire,
    CreateTime: CREATED + n * 180_000,
    EnableMultiFactorAuth: false,
    IDaaSInstanceId: '',
    IDaaSRegionId: '',
    IDaaSApplicationId: '',
    DnsServers: '',
    ResourceGroupId: gw.ResourceGroupId,
  });
  state.sslServers.push(
    ssl(ids.sslServers.hangzhou, g.servers, '10.210.0.0/24', '192.168.0.0/16', 1, {
      Proto: 'UDP',
      Cipher: 'AES-128-CBC',
      Compress: false,
    }),
    ssl(ids.sslServers.singapore, g.singaporeSsl, '10.220.0.0/24', '172.16.0.0/16', 2, {
      Proto: 'TCP',
      Cipher: 'AES-256-CBC',
      Compress: true,
    }),
  );
  seedSslClients(state, startedAt, g.servers, g.singaporeSsl);
  state.idaasInstances.push(ids.idaasInstance, ids.idaasNoPermission);
  state.idaasWithoutRamPermission.push(ids.idaasNoPermission);
  state.nextId = 1000;
  return state;
}

const DAY_MS = 86_400_000;
const CERT_VALIDITY_MS = 1095 * DAY_MS;

/** Client certificates in every status and the clients connected with them (key material is made when first read). */
function seedSslClients(state: EmulatorState, now: number, hz: Gateway, sg: Gateway): void {
  const certs = DEMO_IDS.sslClientCerts;
  const cert = (id: string, serverId: string, gw: Gateway, name: string, endTime: number) => ({
    SslVpnClientCertId: id,
    SslVpnServerId: serverId,
    RegionId: gw.RegionId,
    Name: name,
    CreateTime: endTime - CERT_VALIDITY_MS,
    EndTime: endTime,
    ResourceGroupId: gw.ResourceGroupId,
  });
  const hzServer = DEMO_IDS.sslServers.hangzhou;
  state.sslClientCerts.push(
    cert(certs.normal, hzServer, hz, 'alice-laptop', now + 700 * DAY_MS),
    cert(certs.normal2, hzServer, hz, 'bob-phone', now + 400 * DAY_MS),
    cert(certs.expiringSoon, hzServer, hz, 'carol-laptop', now + 3 * DAY_MS),
    cert(certs.expired, hzServer, hz, 'dave-old-laptop', now - 10 * DAY_MS),
    cert(certs.singapore, DEMO_IDS.sslServers.singapore, sg, 'sg-ops', now + 900 * DAY_MS),
  );
  const client = (
    gw: Gateway,
    certId: string,
    ip: string,
    privateIp: string,
    minutesAgo: number,
    bytes: number,
  ) => ({
    VpnGatewayId: gw.VpnGatewayId,
    SslVpnClientCertId: certId,
    Ip: ip,
    Port: 40_000 + minutesAgo,
    PrivateIp: privateIp,
    ConnectedTime: now - minutesAgo * 60_000,
    SendBytes: bytes,
    ReceiveBytes: Math.round(bytes * 0.4),
  });
  state.sslClients.push(
    client(hz, certs.normal, '198.51.100.101', '10.210.0.6', 95, 48_213_004),
    client(hz, certs.normal2, '203.0.113.77', '10.210.0.10', 12, 1_204_551),
    client(hz, certs.expiringSoon, '198.51.100.150', '10.210.0.14', 3, 88_012),
    client(sg, certs.singapore, '203.0.113.201', '10.220.0.6', 240, 310_775_120),
  );
}
