import { apiErrors } from '../errors';
import { createCa, issueClientCert, issueServerCert, type CertifiedKey } from '../pki';
import { isValidLabel } from '../rules';
import {
  nextResourceId,
  type EmulatorState,
  type Gateway,
  type SslClientCert,
  type SslServer,
} from '../state';
import {
  assertWritable,
  byNewest,
  findGateway,
  matchesParams,
  paginate,
  type Operation,
  type OperationContext,
  type WireObject,
} from './context';
import { findSslServer } from './ssl-vpn-servers';

const DAY_MS = 86_400_000;
/** Alibaba's client certificates are valid for 1095 days (the documented example: 2019-03-14 → 2022-03-13). */
export const CLIENT_CERT_VALIDITY_MS = 1095 * DAY_MS;
/** `expiring-soon`: the certificate expires within one week. */
const EXPIRING_SOON_MS = 7 * DAY_MS;

export type ClientCertStatus = 'normal' | 'expiring-soon' | 'expired';

export function clientCertStatus(
  cert: Pick<SslClientCert, 'EndTime'>,
  now: number,
): ClientCertStatus {
  if (cert.EndTime <= now) return 'expired';
  return cert.EndTime - now <= EXPIRING_SOON_MS ? 'expiring-soon' : 'normal';
}

/** The server's CA and certificate, made (and kept in the state) the first time anything needs them. */
export function serverPki(server: SslServer): { ca: CertifiedKey; server: CertifiedKey } {
  if (server.Pki === undefined) {
    const ca = createCa(server.SslVpnServerId, server.CreateTime);
    server.Pki = { ca, server: issueServerCert(ca, server.SslVpnServerId, server.CreateTime) };
  }
  return server.Pki;
}

function clientMaterial(server: SslServer, cert: SslClientCert): CertifiedKey {
  if (cert.Material === undefined) {
    cert.Material = issueClientCert(
      serverPki(server).ca,
      cert.SslVpnClientCertId,
      cert.CreateTime,
      cert.EndTime,
    );
  }
  return cert.Material;
}

/**
 * The OpenVPN client configuration in the form Alibaba returns it (the documented example): the
 * server's protocol, port, cipher and compression, the gateway's SSL-VPN address, and the CA,
 * certificate and key as file names beside it (`ca.crt`, `<id>.crt`, `<id>.key`).
 */
export function openVpnClientConfig(server: SslServer, gateway: Gateway, certId: string): string {
  return [
    'client',
    'dev tun',
    `proto ${server.Proto.toLowerCase()}`,
    `remote ${gateway.SslVpnInternetIp} ${String(server.Port)}`,
    'resolv-retry infinite',
    'nobind',
    'persist-key',
    'persist-tun',
    'ca ca.crt',
    `cert ${certId}.crt`,
    `key ${certId}.key`,
    `cipher ${server.Cipher}`,
    server.Compress ? 'comp-lzo' : ';comp-lzo',
    'verb 4',
  ].join('\n');
}

function findCert(ctx: OperationContext, id: string): SslClientCert {
  const cert = ctx.state.sslClientCerts.find(
    (c) => c.SslVpnClientCertId === id && c.RegionId === ctx.regionId,
  );
  if (cert === undefined) throw apiErrors.sslClientCertNotFound();
  return cert;
}

function serverOf(state: EmulatorState, cert: SslClientCert): SslServer {
  const server = state.sslServers.find((s) => s.SslVpnServerId === cert.SslVpnServerId);
  if (server === undefined) throw apiErrors.sslServerNotFound();
  return server;
}

function summaryWire(cert: SslClientCert, now: number): WireObject {
  return {
    SslVpnClientCertId: cert.SslVpnClientCertId,
    SslVpnServerId: cert.SslVpnServerId,
    RegionId: cert.RegionId,
    Name: cert.Name,
    Status: clientCertStatus(cert, now),
    CreateTime: cert.CreateTime,
    EndTime: cert.EndTime,
    ResourceGroupId: cert.ResourceGroupId,
  };
}

function checkName(name: string | undefined): void {
  if (name !== undefined && !isValidLabel(name)) throw apiErrors.invalidName();
}

export const createSslVpnClientCert: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const server = findSslServer(ctx, p.required('SslVpnServerId'));
    const gateway = findGateway(ctx, server.VpnGatewayId);
    assertWritable(ctx, gateway);
    const name = p.str('Name');
    checkName(name);
    ctx.commit();
    const cert: SslClientCert = {
      SslVpnClientCertId: nextResourceId(ctx.state, 'vsc', ctx.regionId),
      SslVpnServerId: server.SslVpnServerId,
      RegionId: ctx.regionId,
      Name: name ?? '',
      CreateTime: ctx.now,
      EndTime: ctx.now + CLIENT_CERT_VALIDITY_MS,
      ResourceGroupId: server.ResourceGroupId,
    };
    clientMaterial(server, cert);
    ctx.state.sslClientCerts.push(cert);
    return { SslVpnClientCertId: cert.SslVpnClientCertId, Name: cert.Name };
  },
};

export const describeSslVpnClientCert: Operation = {
  write: false,
  run(ctx) {
    const cert = findCert(ctx, ctx.params.required('SslVpnClientCertId'));
    const server = serverOf(ctx.state, cert);
    const gateway = findGateway(ctx, server.VpnGatewayId);
    const material = clientMaterial(server, cert);
    return {
      ...summaryWire(cert, ctx.now),
      CaCert: serverPki(server).ca.cert,
      ClientCert: material.cert,
      ClientKey: material.key,
      ClientConfig: openVpnClientConfig(server, gateway, cert.SslVpnClientCertId),
    };
  },
};

export const describeSslVpnClientCerts: Operation = {
  write: false,
  run(ctx) {
    const matches = matchesParams<SslClientCert>(ctx, [
      'SslVpnServerId',
      'SslVpnClientCertId',
      'Name',
      'ResourceGroupId',
    ]);
    const all = ctx.state.sslClientCerts
      .filter((c) => c.RegionId === ctx.regionId && matches(c))
      .sort(byNewest);
    const page = paginate(ctx, all);
    return {
      SslVpnClientCertKeys: {
        SslVpnClientCertKey: page.items.map((c) => summaryWire(c, ctx.now)),
      },
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
    };
  },
};

export const modifySslVpnClientCert: Operation = {
  write: true,
  run(ctx) {
    const cert = findCert(ctx, ctx.params.required('SslVpnClientCertId'));
    const gateway = findGateway(ctx, serverOf(ctx.state, cert).VpnGatewayId);
    assertWritable(ctx, gateway);
    const name = ctx.params.str('Name');
    checkName(name);
    ctx.commit();
    if (name !== undefined) cert.Name = name;
    return { SslVpnClientCertId: cert.SslVpnClientCertId, Name: cert.Name };
  },
};

export const deleteSslVpnClientCert: Operation = {
  write: true,
  run(ctx) {
    const cert = findCert(ctx, ctx.params.required('SslVpnClientCertId'));
    const gateway = findGateway(ctx, serverOf(ctx.state, cert).VpnGatewayId);
    assertWritable(ctx, gateway);
    ctx.commit();
    ctx.state.sslClientCerts = ctx.state.sslClientCerts.filter((c) => c !== cert);
    // A deleted certificate is revoked: its sessions end.
    ctx.state.sslClients = ctx.state.sslClients.filter(
      (c) => c.SslVpnClientCertId !== cert.SslVpnClientCertId,
    );
    return {};
  },
};

export const describeSslVpnClients: Operation = {
  write: false,
  run(ctx) {
    const gateway = findGateway(ctx, ctx.params.required('VpnGatewayId'));
    const all = ctx.state.sslClients
      .filter((c) => c.VpnGatewayId === gateway.VpnGatewayId)
      .sort((a, b) => b.ConnectedTime - a.ConnectedTime);
    const page = paginate(ctx, all);
    return {
      VpnGatewayId: gateway.VpnGatewayId,
      RegionId: gateway.RegionId,
      ClientInfoList: page.items.map((c) => ({
        // As in the documented example: `CN=<certificate id>`.
        CommonName: `CN=${c.SslVpnClientCertId}`,
        Ip: c.Ip,
        Port: String(c.Port),
        PrivateIp: c.PrivateIp,
        Status: 'online',
        ConnectedTime: c.ConnectedTime,
        SendBytes: c.SendBytes,
        ReceiveBytes: c.ReceiveBytes,
      })),
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
    };
  },
};
