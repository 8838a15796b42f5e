import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import {
  CreateSslVpnClientCertRequest,
  DescribeSslVpnClientCertRequest,
  DescribeSslVpnClientCertsRequest,
  DescribeSslVpnClientsRequest,
} from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  call,
  callError,
  list,
  manualClock,
  popClient,
  str,
  sdkClient,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';

const hz = { RegionId: 'cn-hangzhou' };
const server = DEMO_IDS.sslServers.hangzhou;
const DAY = 86_400_000;

let emulator: RunningEmulator;
let clock: ReturnType<typeof manualClock>;
let client: ReturnType<typeof popClient>;

beforeEach(async () => {
  clock = manualClock();
  emulator = await withEmulator({ updatingMs: 3000, clock: clock.now });
  client = popClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

const sdk = () => sdkClient(emulator.url);

describe('SSL-VPN client certificates', () => {
  it('creates a certificate signed by the server CA, with an OpenVPN config matching the server (official SDK)', async () => {
    const vpc = sdk();
    const created = await vpc.createSslVpnClientCert(
      new CreateSslVpnClientCertRequest({
        regionId: 'cn-hangzhou',
        sslVpnServerId: server,
        name: 'erin-laptop',
        clientToken: 'token-erin-1',
      }),
    );
    const id = created.body?.sslVpnClientCertId ?? '';
    expect(id).toMatch(/^vsc-bp1/);
    expect(created.body?.name).toBe('erin-laptop');

    const detail = (
      await vpc.describeSslVpnClientCert(
        new DescribeSslVpnClientCertRequest({ regionId: 'cn-hangzhou', sslVpnClientCertId: id }),
      )
    ).body;
    expect(detail?.status).toBe('normal');
    expect(detail?.sslVpnServerId).toBe(server);
    expect((detail?.endTime ?? 0) - (detail?.createTime ?? 0)).toBe(1095 * DAY);

    const ca = new X509Certificate(detail?.caCert ?? '');
    const cert = new X509Certificate(detail?.clientCert ?? '');
    expect(ca.ca).toBe(true);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subject).toContain(`CN=${id}`);
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.2'); // clientAuth
    expect(detail?.clientKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    const publicFromKey = createPublicKey(createPrivateKey(detail?.clientKey ?? ''));
    expect(publicFromKey.export({ format: 'pem', type: 'spki' })).toBe(
      cert.publicKey.export({ format: 'pem', type: 'spki' }),
    );
    expect(detail?.clientConfig?.split('\n')).toEqual([
      'client',
      'dev tun',
      'proto udp',
      'remote 192.0.2.21 1194',
      'resolv-retry infinite',
      'nobind',
      'persist-key',
      'persist-tun',
      'ca ca.crt',
      `cert ${id}.crt`,
      `key ${id}.key`,
      'cipher AES-128-CBC',
      ';comp-lzo',
      'verb 4',
    ]);

    // The same ClientToken returns the same certificate, not a second one.
    const again = await vpc.createSslVpnClientCert(
      new CreateSslVpnClientCertRequest({
        regionId: 'cn-hangzhou',
        sslVpnServerId: server,
        name: 'erin-laptop',
        clientToken: 'token-erin-1',
      }),
    );
    expect(again.body?.sslVpnClientCertId).toBe(id);

    // The server side the emulator exposes is signed by the same CA and names the new certificate.
    const pki = emulator.sslVpnServerPki(server);
    expect(pki.CaCert).toBe(detail?.caCert);
    expect(new X509Certificate(pki.ServerCert).checkIssued(ca)).toBe(true);
    expect(pki.ClientCertIds).toContain(id);
    expect(pki).toMatchObject({ InternetIp: '192.0.2.21', Proto: 'UDP', Port: 1194 });
  });

  it('follows the server: TCP, AES-256-CBC and compression in the config of the Singapore server', async () => {
    const sg = { RegionId: 'ap-southeast-1' };
    const detail = await call(client, 'DescribeSslVpnClientCert', {
      ...sg,
      SslVpnClientCertId: DEMO_IDS.sslClientCerts.singapore,
    });
    const config = str(detail, 'ClientConfig');
    expect(config).toContain('proto tcp\n');
    expect(config).toContain('cipher AES-256-CBC\ncomp-lzo\n');
    // A certificate of another region is not found from cn-hangzhou.
    expect(
      (
        await callError(client, 'DescribeSslVpnClientCert', {
          ...hz,
          SslVpnClientCertId: DEMO_IDS.sslClientCerts.singapore,
        })
      ).code,
    ).toBe('InvalidSslVpnClientCertId.NotFound');
  });

  it('lists pages without key material and with each status of the seed', async () => {
    const vpc = sdk();
    const page = (
      await vpc.describeSslVpnClientCerts(
        new DescribeSslVpnClientCertsRequest({
          regionId: 'cn-hangzhou',
          sslVpnServerId: server,
          pageSize: 3,
        }),
      )
    ).body;
    expect(page?.totalCount).toBe(4);
    expect(page?.sslVpnClientCertKeys?.sslVpnClientCertKey).toHaveLength(3);
    const all = list(
      await call(client, 'DescribeSslVpnClientCerts', { ...hz, SslVpnServerId: server }),
      'SslVpnClientCertKeys',
      'SslVpnClientCertKey',
    );
    expect(Object.fromEntries(all.map((c) => [c.SslVpnClientCertId, c.Status]))).toEqual({
      [DEMO_IDS.sslClientCerts.normal]: 'normal',
      [DEMO_IDS.sslClientCerts.normal2]: 'normal',
      [DEMO_IDS.sslClientCerts.expiringSoon]: 'expiring-soon',
      [DEMO_IDS.sslClientCerts.expired]: 'expired',
    });
    expect(JSON.stringify(all)).not.toMatch(/PRIVATE KEY|CERTIFICATE|ClientConfig/);
  });

  it('the expired certificate carries the dates it was issued with', async () => {
    const detail = await call(client, 'DescribeSslVpnClientCert', {
      ...hz,
      SslVpnClientCertId: DEMO_IDS.sslClientCerts.expired,
    });
    expect(detail.Status).toBe('expired');
    const cert = new X509Certificate(str(detail, 'ClientCert'));
    expect(Date.parse(cert.validTo)).toBe(Math.floor(Number(detail.EndTime) / 1000) * 1000);
    expect(Date.parse(cert.validTo)).toBeLessThan(clock.now());
  });

  it('renames, refuses bad names and unknown ids, honours DryRun, and deleting ends its session', async () => {
    const id = DEMO_IDS.sslClientCerts.normal2;
    expect(
      (
        await callError(client, 'ModifySslVpnClientCert', {
          ...hz,
          SslVpnClientCertId: id,
          Name: 'https://x',
        })
      ).code,
    ).toBe('InvalidName');
    expect(
      (
        await callError(client, 'ModifySslVpnClientCert', {
          ...hz,
          SslVpnClientCertId: id,
          Name: 'bob-tablet',
          DryRun: true,
        })
      ).code,
    ).toBe('DryRunOperation');
    expect(
      await call(client, 'ModifySslVpnClientCert', {
        ...hz,
        SslVpnClientCertId: id,
        Name: 'bob-tablet',
      }),
    ).toMatchObject({ SslVpnClientCertId: id, Name: 'bob-tablet' });

    const before = await call(client, 'DescribeSslVpnClients', {
      ...hz,
      VpnGatewayId: DEMO_IDS.gateways.servers,
    });
    expect(before.TotalCount).toBe(3);
    await call(client, 'DeleteSslVpnClientCert', { ...hz, SslVpnClientCertId: id });
    expect(
      (await callError(client, 'DescribeSslVpnClientCert', { ...hz, SslVpnClientCertId: id })).code,
    ).toBe('InvalidSslVpnClientCertId.NotFound');
    expect(
      (await callError(client, 'DeleteSslVpnClientCert', { ...hz, SslVpnClientCertId: id })).status,
    ).toBe(404);
    const after = await call(client, 'DescribeSslVpnClients', {
      ...hz,
      VpnGatewayId: DEMO_IDS.gateways.servers,
    });
    expect(after.TotalCount).toBe(2);
    expect(JSON.stringify(after)).not.toContain(id);
    expect(emulator.sslVpnServerPki(server).ClientCertIds).not.toContain(id);
    const [ssl] = list(
      await call(client, 'DescribeSslVpnServers', { ...hz, SslVpnServerId: server }),
      'SslVpnServers',
      'SslVpnServer',
    );
    expect(ssl?.Connections).toBe(2);
  });

  it('refuses a change while the gateway is configuring, and a certificate for an unknown server', async () => {
    emulator.setGatewayStatus(DEMO_IDS.gateways.servers, 'updating');
    expect(
      (await callError(client, 'CreateSslVpnClientCert', { ...hz, SslVpnServerId: server })).code,
    ).toBe('VpnGateway.Configuring');
    expect(
      (await callError(client, 'CreateSslVpnClientCert', { ...hz, SslVpnServerId: 'vss-nope' }))
        .code,
    ).toBe('InvalidSslVpnServerId.NotFound');
    expect((await callError(client, 'CreateSslVpnClientCert', hz)).code).toBe('MissingParameter');
  });
});

describe('DescribeSslVpnClients', () => {
  it('lists the connected clients of a gateway, newest first, paged (official SDK)', async () => {
    const body = (
      await sdk().describeSslVpnClients(
        new DescribeSslVpnClientsRequest({
          regionId: 'cn-hangzhou',
          vpnGatewayId: DEMO_IDS.gateways.servers,
          pageSize: 2,
        }),
      )
    ).body;
    expect(body?.totalCount).toBe(3);
    expect(body?.vpnGatewayId).toBe(DEMO_IDS.gateways.servers);
    const [first, second] = body?.clientInfoList ?? [];
    expect(first).toMatchObject({
      commonName: `CN=${DEMO_IDS.sslClientCerts.expiringSoon}`,
      ip: '198.51.100.150',
      privateIp: '10.210.0.14',
      status: 'online',
    });
    expect((first?.connectedTime ?? 0) > (second?.connectedTime ?? 0)).toBe(true);
    expect(typeof first?.sendBytes).toBe('number');
    expect(
      (await callError(client, 'DescribeSslVpnClients', { ...hz, VpnGatewayId: 'vpn-nope' })).code,
    ).toBe('InvalidVpnGatewayInstanceId.NotFound');
  });
});

describe('control API', () => {
  it('serves the server side of an SSL-VPN server (CA, server certificate and key, live certificates)', async () => {
    const res = await fetch(`${emulator.url}/__emulator/ssl-vpn-servers/${server}/pki`);
    expect(res.status).toBe(200);
    const pki = z
      .object({ ServerKey: z.string(), CaCert: z.string(), ClientCertIds: z.array(z.string()) })
      .parse(await res.json());
    expect(pki.ServerKey).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(pki.ClientCertIds).toHaveLength(4);
    const missing = await fetch(`${emulator.url}/__emulator/ssl-vpn-servers/vss-nope/pki`);
    expect(missing.status).toBe(404);
  });
});
