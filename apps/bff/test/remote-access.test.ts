import { X509Certificate } from 'node:crypto';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { operationSchema } from '@vpn-console/shared/api/operations';
import {
  ipsecClientProfileSchema,
  sslVpnClientCertListSchema,
  sslVpnClientListSchema,
} from '@vpn-console/shared/api/remote-access';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestApi, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const server = DEMO_IDS.sslServers.hangzhou;
const certs = DEMO_IDS.sslClientCerts;

let stack: TestStack;
let viewer: TestApi;
beforeAll(async () => {
  stack = await startTestStack({ updatingMs: 200 });
  viewer = await stack.as('viewer');
});
afterAll(async () => {
  await stack.close();
});

const pemBlock = (text: string, tag: string) => {
  const match = new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(text);
  return match?.[1] ?? '';
};

describe('SSL-VPN client certificates', () => {
  it("lists a server's certificates with status and days left, readable by viewers, no key material", async () => {
    const res = await viewer.get(apiPaths.sslVpnClientCerts(HZ, server));
    expect(res.status).toBe(200);
    const list = sslVpnClientCertListSchema.parse(res.body);
    const byId = new Map(list.items.map((c) => [c.id, c]));
    expect(byId.get(certs.normal)).toMatchObject({ name: 'alice-laptop', status: 'normal' });
    expect(byId.get(certs.expiringSoon)).toMatchObject({ status: 'expiring-soon', daysLeft: 2 });
    expect(byId.get(certs.expired)).toMatchObject({ status: 'expired', daysLeft: 0 });
    expect(JSON.stringify(res.body)).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE/);
    expect((await viewer.get(apiPaths.sslVpnClientCerts(HZ, 'vss-nothere'))).status).toBe(404);
  });

  it('creates, renames and deletes a certificate through operations; bad names get issue codes', async () => {
    const bad = await stack.api.post(apiPaths.sslVpnClientCerts(HZ, server), {
      name: 'https://x',
    });
    expect(bad.status).toBe(400);
    expect(apiErrorBodySchema.parse(bad.body).error.issues?.[0]).toMatchObject({ path: 'name' });
    expect((await viewer.post(apiPaths.sslVpnClientCerts(HZ, server), { name: 'v' })).status).toBe(
      403,
    );

    const created = await stack.api.settled(
      operationSchema.parse(
        (await stack.api.post(apiPaths.sslVpnClientCerts(HZ, server), { name: 'erin-laptop' }))
          .body,
      ).id,
    );
    expect(created.state).toBe('succeeded');
    const id = created.resourceId ?? '';
    expect(id).toMatch(/^vsc-/);

    const renamed = await stack.api.settled(
      operationSchema.parse(
        (await stack.api.patch(apiPaths.sslVpnClientCert(HZ, id), { name: 'erin-tablet' })).body,
      ).id,
    );
    expect(renamed.state).toBe('succeeded');
    const list = sslVpnClientCertListSchema.parse(
      (await stack.api.get(apiPaths.sslVpnClientCerts(HZ, server))).body,
    );
    expect(list.items.find((c) => c.id === id)?.name).toBe('erin-tablet');

    const deleted = await stack.api.settled(
      operationSchema.parse((await stack.api.delete(apiPaths.sslVpnClientCert(HZ, id))).body).id,
    );
    expect(deleted.state).toBe('succeeded');
    expect((await stack.api.delete(apiPaths.sslVpnClientCert(HZ, id))).status).toBe(404);
  });

  it('downloads the bundle for operators only: inline CA/cert/key, no-store, audited as a reveal', async () => {
    const path = apiPaths.sslVpnClientBundle(HZ, certs.normal, 'ovpn');
    expect((await viewer.post(path)).status).toBe(403);
    const res = await stack.api.post(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="alice-laptop.ovpn"');
    expect(typeof res.body).toBe('string');
    const text = String(res.body);
    expect(text).toMatch(/^client\ndev tun\nproto udp\nremote 192\.0\.2\.21 1194\n/);
    expect(text).toContain(
      'cipher AES-128-CBC\nignore-unknown-option data-ciphers\ndata-ciphers AES-256-GCM:AES-128-GCM:CHACHA20-POLY1305:AES-128-CBC\n',
    );
    expect(text).not.toMatch(/^ca ca\.crt$/m);
    const ca = new X509Certificate(pemBlock(text, 'ca'));
    const cert = new X509Certificate(pemBlock(text, 'cert'));
    expect(cert.checkIssued(ca)).toBe(true);
    expect(pemBlock(text, 'key')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);

    const bad = await stack.api.post(path.replace('ovpn', 'exe'));
    expect(bad.status).toBe(400);
    expect((await stack.api.post(apiPaths.sslVpnClientBundle(HZ, 'vsc-nope', 'ovpn'))).status).toBe(
      404,
    );

    const admin = await stack.as('admin');
    const audit = auditPageSchema.parse(
      (await admin.get('/api/v1/audit?category=reveal&limit=50')).body,
    );
    expect(
      audit.items.find(
        (e) => e.action === 'downloadSslVpnClientBundle' && e.resourceId === certs.normal,
      ),
    ).toMatchObject({ outcome: 'success', vpnGatewayId: DEMO_IDS.gateways.servers });
    expect(JSON.stringify(audit)).not.toContain('PRIVATE KEY');
  });
});

describe('connected clients', () => {
  it('shows viewers who is connected, from where, with which address and certificate name', async () => {
    const res = await viewer.get(apiPaths.sslVpnClients(HZ, DEMO_IDS.gateways.servers));
    expect(res.status).toBe(200);
    const list = sslVpnClientListSchema.parse(res.body);
    expect(list.items.find((c) => c.commonName === certs.normal)).toMatchObject({
      certName: 'alice-laptop',
      ip: '198.51.100.101',
      privateIp: '10.210.0.6',
      status: 'online',
    });
    expect(list.items[0]?.connectedAt).toMatch(/Z$/);
  });
});

describe('IPsec server client profile', () => {
  const id = DEMO_IDS.ipsecServer;

  it('gives viewers the settings and a swanctl.conf with the PSK masked', async () => {
    const res = await viewer.get(apiPaths.ipsecClientProfile(HZ, id));
    expect(res.status).toBe(200);
    const profile = ipsecClientProfileSchema.parse(res.body);
    expect(profile.settings).toMatchObject({
      serverAddress: '192.0.2.20',
      remoteId: '192.0.2.20',
      ikeVersion: 'ikev2',
      ikeProposal: 'aes128-sha1-modp1024',
      espProposal: 'aes128-sha1-modp1024',
      remoteSubnets: ['192.168.0.0/16'],
      clientIpPool: '10.200.0.0/24',
    });
    expect(profile.psk?.masked).toMatch(/^•+$/);
    expect(JSON.stringify(res.body)).not.toContain('DemoIpsecServer1');
    expect(profile.swanctlConf).toContain('vips = 0.0.0.0');
    expect((await viewer.post(apiPaths.ipsecClientProfileDownload(HZ, id, 'swanctl'))).status).toBe(
      403,
    );
  });

  it('downloads swanctl.conf and the native settings with the PSK for operators, audited', async () => {
    const conf = await stack.api.post(apiPaths.ipsecClientProfileDownload(HZ, id, 'swanctl'));
    expect(conf.status).toBe(200);
    expect(conf.headers.get('cache-control')).toBe('no-store');
    expect(String(conf.body)).toContain('secret = "DemoIpsecServer1"');
    const settings = await stack.api.post(apiPaths.ipsecClientProfileDownload(HZ, id, 'settings'));
    expect(String(settings.body)).toMatch(/Pre-shared key\s+DemoIpsecServer1/);
    const admin = await stack.as('admin');
    const audit = auditPageSchema.parse(
      (await admin.get('/api/v1/audit?category=reveal&limit=50')).body,
    );
    const downloads = audit.items.filter(
      (e) => e.action === 'downloadIpsecClientProfile' && e.resourceId === id,
    );
    expect(downloads.filter((e) => e.outcome === 'success')).toHaveLength(2);
    // The viewer's refused download is audited too (issue 10).
    const refused = downloads.filter((e) => e.outcome === 'failure');
    expect(refused.map((e) => [e.errorCode, e.actor?.role])).toEqual([['Forbidden', 'viewer']]);
  });
});
