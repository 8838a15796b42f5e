// Proof with real clients (issue 14): a real OpenVPN server stands in for the cloud side of an
// SSL-VPN server, configured from the EMULATOR's view (its CA, server certificate and key, proto,
// port, cipher, compression, pool, which certificates exist), and a real OpenVPN client connects
// with the bundle the CONSOLE downloads; likewise a real charon as the IPsec server (from the
// emulator's state) accepts a charon client loaded with the console's swanctl.conf. Runs as root
// with TUN (skipped with the reason otherwise); prints the timings it measured.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { sslVpnClientCertListSchema } from '@vpn-console/shared/api/remote-access';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { contains } from '@vpn-console/shared/cidr';
import { startCharon } from '@vpn-console/real-daemons/charon';
import { withLab, type Lab } from '@vpn-console/real-daemons/lab';
import { CONNECTED, startOpenVpn } from '@vpn-console/real-daemons/openvpn';
import { openVpnServerConf } from '@vpn-console/real-daemons/openvpn-server-conf';
import { daemonsRunnable } from '@vpn-console/real-daemons/support';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const CLIENT_ADDRESS = '203.0.113.50';

let stack: TestStack;
const timings: string[] = [];

const runs = daemonsRunnable();

// Each test waits on real daemons (a server up within 10 s, a client's verdict within 20 s) after
// a write settles: more than vitest's 30 s when a loaded machine runs them (the first four timed
// out at 30 s at load ~17 on 2 cores).
vi.setConfig({ testTimeout: 120_000 });

describe.runIf(runs)('real OpenVPN and strongSwan clients with what the console hands out', () => {
  beforeAll(async () => {
    stack = await startTestStack({ updatingMs: 100 });
  });
  afterAll(async () => {
    await stack.close();
    if (timings.length > 0) process.stdout.write(`\nreal-client timings:\n${timings.join('\n')}\n`);
  });

  const settled = async (res: { body: unknown }) => {
    const op = await stack.api.settled(operationSchema.parse(res.body).id);
    expect(op.state, JSON.stringify(op)).toBe('succeeded');
    return op;
  };

  const bundle = async (regionId: string, certId: string) => {
    const res = await stack.api.post(apiPaths.sslVpnClientBundle(regionId, certId, 'ovpn'));
    expect(res.status).toBe(200);
    return String(res.body);
  };

  /** The gateway side in one namespace, from the emulator's view of the server. */
  const startServer = async (lab: Lab, serverId: string, lanAddress: string) => {
    const pki = stack.emulator.sslVpnServerPki(serverId);
    const gw = await lab.namespace('gw');
    const client = await lab.namespace('client');
    await lab.wire(
      { ns: gw, addresses: [pki.InternetIp] },
      { ns: client, addresses: [CLIENT_ADDRESS] },
    );
    await lab.lan(gw, lanAddress);
    const ccd = join(lab.dir, 'ccd');
    await mkdir(ccd, { recursive: true });
    for (const id of pki.ClientCertIds) await writeFile(join(ccd, id), '');
    const server = await startOpenVpn(lab, gw, {
      name: 'server',
      config: openVpnServerConf({
        listenAddress: pki.InternetIp,
        proto: pki.Proto,
        port: pki.Port,
        cipher: pki.Cipher,
        compress: pki.Compress,
        clientIpPool: pki.ClientIpPool,
        localSubnets: pki.LocalSubnet.split(','),
        caCert: pki.CaCert,
        serverCert: pki.ServerCert,
        serverKey: pki.ServerKey,
        clientConfigDir: ccd,
      }),
    });
    const listening =
      pki.Proto === 'TCP'
        ? /TCPv4_SERVER link local|Listening for incoming TCP/
        : /UDPv4 link local/;
    expect(await server.waitForLog(listening, 10_000), await server.logTail()).toBe(true);
    return { pki, gw, client, server };
  };

  const tunAddress = async (lab: Lab, ns: string) => {
    const out = await lab.exec(ns, ['ip', '-4', '-o', 'addr', 'show', 'dev', 'tun0']);
    return /inet (\d+\.\d+\.\d+\.\d+)/.exec(out.stdout)?.[1] ?? '';
  };

  // The seed's SSL-VPN servers: cn-hangzhou AES-128-CBC (UDP, no compression) and ap-southeast-1
  // AES-256-CBC (TCP, compression); each is run over both protocols.
  const seedServers = [
    {
      regionId: 'cn-hangzhou',
      serverId: DEMO_IDS.sslServers.hangzhou,
      certId: DEMO_IDS.sslClientCerts.normal,
      lan: '192.168.0.1/16',
    },
    {
      regionId: 'ap-southeast-1',
      serverId: DEMO_IDS.sslServers.singapore,
      certId: DEMO_IDS.sslClientCerts.singapore,
      lan: '172.16.0.1/16',
    },
  ] as const;

  for (const seed of seedServers) {
    for (const proto of ['UDP', 'TCP'] as const) {
      it(`connects a real OpenVPN client with the console's bundle: ${seed.serverId} over ${proto}`, async () => {
        // Put the server on this protocol through the console, like an operator would.
        await settled(
          await stack.api.patch(apiPaths.sslVpnServer(seed.regionId, seed.serverId), { proto }),
        );
        const ovpn = await bundle(seed.regionId, seed.certId);
        await withLab(async (lab) => {
          const { pki, client } = await startServer(lab, seed.serverId, seed.lan);
          expect(pki.Proto).toBe(proto);
          const started = performance.now();
          const vpn = await startOpenVpn(lab, client, { name: 'client', config: ovpn });
          expect(await vpn.waitForLog(CONNECTED, 20_000), await vpn.logTail()).toBe(true);
          const connectedMs = performance.now() - started;
          const log = await vpn.log();
          expect(log).toContain(`Data Channel: cipher '${pki.Cipher}'`);
          const address = await tunAddress(lab, client);
          expect(contains(pki.ClientIpPool, address), address).toBe(true);
          const lanIp = seed.lan.split('/')[0] ?? '';
          expect(await lab.ping(client, address, lanIp)).toBe(true);
          const pingedMs = performance.now() - started;
          timings.push(
            `  openvpn ${pki.Cipher.padEnd(11)} ${proto} compress=${String(pki.Compress).padEnd(5)} connected ${connectedMs.toFixed(0).padStart(5)} ms, ping across ${pingedMs.toFixed(0).padStart(5)} ms (client ${address})`,
          );
        });
      });
    }
  }

  it('refuses an expired certificate (the server says why)', async () => {
    const ovpn = await bundle('cn-hangzhou', DEMO_IDS.sslClientCerts.expired);
    await withLab(async (lab) => {
      const { server, client } = await startServer(
        lab,
        DEMO_IDS.sslServers.hangzhou,
        '192.168.0.1/16',
      );
      const vpn = await startOpenVpn(lab, client, { name: 'client', config: ovpn });
      expect(
        await server.waitForLog(/VERIFY ERROR: depth=0, error=certificate has expired/, 20_000),
        await server.logTail(),
      ).toBe(true);
      expect(CONNECTED.test(await vpn.log())).toBe(false);
    });
  });

  it('refuses a certificate deleted in the console (revoked), with a bundle downloaded before', async () => {
    const server = DEMO_IDS.sslServers.hangzhou;
    const created = await settled(
      await stack.api.post(apiPaths.sslVpnClientCerts('cn-hangzhou', server), { name: 'leaver' }),
    );
    const id = created.resourceId ?? '';
    const ovpn = await bundle('cn-hangzhou', id);
    await settled(await stack.api.delete(apiPaths.sslVpnClientCert('cn-hangzhou', id)));
    const list = sslVpnClientCertListSchema.parse(
      (await stack.api.get(apiPaths.sslVpnClientCerts('cn-hangzhou', server))).body,
    );
    expect(list.items.some((c) => c.id === id)).toBe(false);
    await withLab(async (lab) => {
      const side = await startServer(lab, server, '192.168.0.1/16');
      const vpn = await startOpenVpn(lab, side.client, {
        name: 'client',
        config: ovpn,
        args: ['--auth-retry', 'none'],
      });
      expect(
        await side.server.waitForLog(
          new RegExp(`client-config-dir authentication failed for common name '${id}'`),
          20_000,
        ),
        await side.server.logTail(),
      ).toBe(true);
      expect(await vpn.waitForLog(/AUTH_FAILED/, 20_000), await vpn.logTail()).toBe(true);
      expect(CONNECTED.test(await vpn.log())).toBe(false);
    });
  });

  it("gives a real charon client an address from the IPsec server's pool with the console's swanctl.conf", async () => {
    const id = DEMO_IDS.ipsecServer;
    const res = await stack.api.post(
      apiPaths.ipsecClientProfileDownload('cn-hangzhou', id, 'swanctl'),
    );
    expect(res.status).toBe(200);
    const clientConf = String(res.body);
    // The cloud side from the emulator's state (written here, not by the code under test).
    const state = stack.emulator.snapshot();
    const ipsec = state.ipsecServers.find((s) => s.IpsecServerId === id);
    const gateway = state.gateways.find((g) => g.VpnGatewayId === ipsec?.VpnGatewayId);
    if (ipsec === undefined || gateway === undefined) throw new Error('seed changed');
    expect(ipsec.IkeConfig).toMatchObject({
      IkeEncAlg: 'aes',
      IkeAuthAlg: 'sha1',
      IkePfs: 'group2',
    });
    expect(ipsec.IpsecConfig).toMatchObject({
      IpsecEncAlg: 'aes',
      IpsecAuthAlg: 'sha1',
      IpsecPfs: 'group2',
    });
    const serverConf = `connections {
  rw {
    version = ${ipsec.IkeConfig.IkeVersion === 'ikev1' ? '1' : '2'}
    local_addrs = ${gateway.InternetIp}
    pools = rw-pool
    proposals = aes128-sha1-modp1024
    local {
      auth = psk
      id = ${ipsec.IkeConfig.LocalId === '' ? gateway.InternetIp : ipsec.IkeConfig.LocalId}
    }
    remote {
      auth = psk
    }
    children {
      rw {
        local_ts = ${ipsec.LocalSubnet}
        esp_proposals = aes128-sha1-modp1024
      }
    }
  }
}
pools {
  rw-pool {
    addrs = ${ipsec.ClientIpPool}
  }
}
secrets {
  ike-rw {
    secret = "${ipsec.Psk}"
  }
}
`;
    await withLab(async (lab) => {
      const gw = await lab.namespace('gw');
      const device = await lab.namespace('laptop');
      await lab.wire(
        { ns: gw, addresses: [gateway.InternetIp] },
        { ns: device, addresses: [CLIENT_ADDRESS] },
      );
      await lab.lan(gw, '192.168.0.1/16');
      const server = await startCharon(lab, gw, { name: 'cloud' });
      await server.load(serverConf);
      const client = await startCharon(lab, device, { name: 'laptop' });
      const started = performance.now();
      await client.load(clientConf); // start_action = start: loading initiates
      const name = `alibaba-${id}`;
      await client.waitForChildSa(name, 20_000);
      const upMs = performance.now() - started;
      const addresses = await lab.exec(device, ['ip', '-4', '-o', 'addr', 'show']);
      const vip = [...addresses.stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)/g)]
        .map((m) => m[1] ?? '')
        .find((a) => contains(ipsec.ClientIpPool, a));
      expect(vip, addresses.stdout).toBeDefined();
      expect(await lab.ping(device, vip ?? '', '192.168.0.1')).toBe(true);
      timings.push(
        `  charon  IKEv2 aes128-sha1-modp1024 PSK road warrior: CHILD_SA ${upMs.toFixed(0).padStart(5)} ms, virtual IP ${vip ?? ''} from ${ipsec.ClientIpPool}, ping across ${(performance.now() - started).toFixed(0).padStart(5)} ms`,
      );
    });
  });
});
