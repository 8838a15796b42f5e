// Contract-shaped answers for component tests (each is parsed by the app with the shared schemas).
import type { AuditPage } from '@vpn-console/shared/api/audit';
import type { GatewayPage } from '@vpn-console/shared/api/gateway-list';
import type { SslVpnClientCertList, SslVpnClientList } from '@vpn-console/shared/api/remote-access';
import type { Role, SessionView } from '@vpn-console/shared/api/session';
import type { Operation } from '@vpn-console/shared/api/operations';
import type { VpnGatewayDetailView, VpnGatewayView } from '@vpn-console/shared/api/views';
import type { MockRoute } from './fetch-mock';

export const sessionOf = (role: Role, demo = true): SessionView => ({
  account: { id: `u-${role}`, username: role, role },
  demo,
  expiresAt: '2030-01-01T00:00:00.000Z',
  idleTimeoutSeconds: 1800,
});

const regions = {
  items: [
    { regionId: 'cn-hangzhou', localName: '华东1（杭州）' },
    { regionId: 'cn-shanghai', localName: '华东2（上海）' },
  ],
  totalCount: 2,
};

export const gatewayStandard: VpnGatewayView = {
  id: 'vpn-std001',
  regionId: 'cn-hangzhou',
  name: 'hq-gateway',
  description: '',
  vpcId: 'vpc-001',
  status: 'active',
  businessStatus: 'Normal',
  spec: '10M',
  internetIp: '192.0.2.1',
  ipsecVpn: true,
  sslVpn: true,
  enableBgp: false,
  vpnType: 'Normal',
  dualTunnel: false,
};

const gatewaySm: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-sm002',
  name: 'gm-gateway',
  vpnType: 'NationalStandard',
  internetIp: '192.0.2.2',
};

const gatewayShanghai: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-sh003',
  regionId: 'cn-shanghai',
  name: 'sh-gateway',
  status: 'updating',
};

/** A gateway list page as the BFF answers it (one page, fresh, nothing throttled). */
export const gatewayPageOf = (
  items: VpnGatewayView[],
  extra: Partial<GatewayPage> = {},
): GatewayPage => {
  const statusCounts: Record<string, number> = {};
  for (const g of items) statusCounts[g.status] = (statusCounts[g.status] ?? 0) + 1;
  return {
    items,
    totalCount: items.length,
    page: 1,
    pageSize: 50,
    statusCounts,
    failedRegions: [],
    listedSecondsAgo: 0,
    statusMayBeOldSeconds: null,
    ...extra,
  };
};

export const detailOf = (g: VpnGatewayView): VpnGatewayDetailView => ({
  ...g,
  ipsecServer: {
    id: 'iss-001',
    regionId: g.regionId,
    vpnGatewayId: g.id,
    name: 'clients',
    localSubnet: ['192.168.0.0/16'],
    clientIpPool: '10.10.0.0/24',
    effectImmediately: false,
    pskEnabled: true,
    psk: { masked: '••••••••', fingerprint: 'a1b2c3d4e5f6' },
    ikeConfig: {
      ikeVersion: 'ikev2',
      ikeMode: 'main',
      ikeEncAlg: 'aes',
      ikeAuthAlg: 'sha1',
      ikePfs: 'group2',
      ikeLifetime: 86400,
    },
    ipsecConfig: {
      ipsecEncAlg: 'aes',
      ipsecAuthAlg: 'sha1',
      ipsecPfs: 'group2',
      ipsecLifetime: 86400,
    },
  },
  sslVpnServers: [
    {
      id: 'vss-001',
      regionId: g.regionId,
      vpnGatewayId: g.id,
      name: 'remote-staff',
      clientIpPool: '10.20.0.0/16',
      localSubnet: ['192.168.0.0/16'],
      proto: 'UDP',
      port: 1194,
      cipher: 'AES-128-CBC',
      compress: false,
      enableMultiFactorAuth: false,
    },
  ],
  vpnConnections: [
    {
      id: 'vco-001',
      regionId: g.regionId,
      vpnGatewayId: g.id,
      customerGatewayId: 'cgw-001',
      name: 'branch-office',
      localSubnet: ['192.168.0.0/16'],
      remoteSubnet: ['172.16.0.0/16'],
      state: 'active',
      status: 'ike_sa_not_established',
      psk: { masked: '••••••••', fingerprint: '0f9e8d7c6b5a' },
      enableDpd: true,
      enableNatTraversal: true,
      ikeConfig: {
        ikeVersion: 'ikev1',
        ikeMode: 'main',
        ikeEncAlg: 'aes',
        ikeAuthAlg: 'md5',
        ikePfs: 'group2',
        ikeLifetime: 86400,
      },
      ipsecConfig: {
        ipsecEncAlg: 'aes',
        ipsecAuthAlg: 'md5',
        ipsecPfs: 'group2',
        ipsecLifetime: 86400,
      },
    },
  ],
});

export const auditPage: AuditPage = {
  items: [
    {
      id: 7,
      at: '2026-11-21T10:00:00.000Z',
      category: 'config',
      action: 'changeVpnConnection',
      outcome: 'success',
      actor: { id: 'u-operator', username: 'operator', role: 'operator' },
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-std001',
      vpnGatewayName: 'hq-gateway',
      resourceType: 'vpn-connection',
      resourceId: 'vco-001',
      resourceName: 'branch-office',
      requestId: 'REQ-1',
      errorCode: null,
      changes: [
        { path: 'name', secret: false, before: 'branch', after: 'branch-office' },
        { path: 'ikeConfig.psk', secret: true, changed: true },
      ],
    },
  ],
  nextCursor: null,
};

export const operation = (
  state: Operation['state'],
  extra: Partial<Operation> = {},
): Operation => ({
  id: 'op-1',
  state,
  action: 'create',
  resourceKind: 'ipsec-server',
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-std001',
  attempts: 1,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  ...extra,
});

/** The reads every signed-in page makes. */
const clientCerts: SslVpnClientCertList = {
  items: [
    {
      id: 'vsc-001',
      regionId: 'cn-hangzhou',
      sslVpnServerId: 'vss-001',
      name: 'alice-laptop',
      status: 'normal',
      createdAt: '2026-01-10T08:00:00.000Z',
      expiresAt: '2029-01-09T08:00:00.000Z',
      daysLeft: 771,
    },
    {
      id: 'vsc-002',
      regionId: 'cn-hangzhou',
      sslVpnServerId: 'vss-001',
      name: 'carol-laptop',
      status: 'expiring-soon',
      createdAt: '2023-11-24T08:00:00.000Z',
      expiresAt: '2026-11-24T08:00:00.000Z',
      daysLeft: 3,
    },
    {
      id: 'vsc-003',
      regionId: 'cn-hangzhou',
      sslVpnServerId: 'vss-001',
      name: 'dave-old',
      status: 'expired',
      createdAt: '2023-11-01T08:00:00.000Z',
      expiresAt: '2026-11-01T08:00:00.000Z',
      daysLeft: 0,
    },
  ],
  totalCount: 3,
};

const connectedClients: SslVpnClientList = {
  items: [
    {
      commonName: 'vsc-001',
      certName: 'alice-laptop',
      ip: '198.51.100.101',
      port: '40095',
      privateIp: '10.20.0.6',
      status: 'online',
      connectedAt: '2026-11-21T08:25:00.000Z',
      sendBytes: 48_213_004,
      receiveBytes: 19_285_202,
    },
  ],
  totalCount: 1,
};

/** The region's customer gateways (the connection cards name each peer by them). */
const customerGatewayList = {
  items: [
    {
      id: 'cgw-001',
      regionId: 'cn-hangzhou',
      name: 'branch',
      description: '',
      ipAddress: '198.51.100.7',
      hasAuthKey: false,
      usedBy: [],
    },
  ],
  totalCount: 1,
};

export const baseRoutes = (role: Role, opts: { demo?: boolean } = {}): MockRoute[] => [
  {
    method: 'GET',
    path: '/api/v1/session',
    respond: () => ({ status: 200, body: sessionOf(role, opts.demo ?? true) }),
  },
  { method: 'GET', path: '/api/v1/regions', respond: () => ({ status: 200, body: regions }) },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-gateways',
    respond: () => ({ status: 200, body: gatewayPageOf([gatewayStandard, gatewaySm]) }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-shanghai/vpn-gateways',
    respond: () => ({ status: 200, body: gatewayPageOf([gatewayShanghai]) }),
  },
  {
    method: 'GET',
    path: '/api/v1/vpn-gateways',
    respond: () => ({
      status: 200,
      body: gatewayPageOf([gatewayStandard, gatewaySm, gatewayShanghai]),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
    respond: () => ({ status: 200, body: detailOf(gatewayStandard) }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-sm002',
    respond: () => ({ status: 200, body: detailOf(gatewaySm) }),
  },
  { method: 'GET', path: '/api/v1/audit', respond: () => ({ status: 200, body: auditPage }) },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/ssl-vpn-servers/vss-001/client-certs',
    respond: () => ({ status: 200, body: clientCerts }),
  },
  {
    method: 'GET',
    path: /^\/api\/v1\/regions\/cn-hangzhou\/vpn-gateways\/[^/]+\/ssl-vpn-clients$/,
    respond: () => ({ status: 200, body: connectedClients }),
  },
  { method: 'PUT', path: /^\/api\/v1\/events\/[^/]+\/watch$/, respond: () => ({ status: 204 }) },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/customer-gateways',
    respond: () => ({ status: 200, body: customerGatewayList }),
  },
];
