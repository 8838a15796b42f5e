// The proof of issue 13: the console's strongSwan export negotiates with a real IKE daemon.
// For a matrix of connections created in the emulator, one charon plays Alibaba's gateway
// (configured from DescribeVpnConnection by ./cloud-side.ts, a mapping written for this test)
// and one the customer device (configured from the console's export, the same
// `renderPeerConfig('strongswan', …)` the BFF answers with). Success: IKE SA + CHILD SA on both
// tunnels and a ping across. Generated mismatches fail the way the console's hint says, and the
// emulator's simulated status agrees with what the daemons reach (except the disagreement listed
// below, with its reason).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import RPCClient from '@alicloud/pop-core';
import { peerConfigFrom, type PeerConfig } from '@vpn-console/shared/peer-config/model';
import { renderPeerConfig } from '@vpn-console/shared/peer-config/render';
import { vpnConnectionSchema } from '@vpn-console/shared/responses/vpn-connection';
import { downloadVpnConnectionConfigResponseSchema } from '@vpn-console/shared/responses/vpn-connection-config';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import {
  DEFAULT_ACCESS_KEY,
  startEmulator,
  type RunningEmulator,
} from '@vpn-console/vpc-emulator/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startCharon, type Charon } from '../charon';
import { createLab, type Lab } from '../lab';
import { daemonsRunnable } from '../support';
import { siteToSiteConf } from '../swanctl-conf';
import { cloudTunnels, describedConnectionSchema } from './cloud-side';

const HZ = 'cn-hangzhou';
const VPC = '198.51.100.0/26';
const IDC = '198.51.100.64/26';
const CLOUD_LAN_IP = '198.51.100.1';
const DEVICE_LAN_IP = '198.51.100.65';
const CUSTOMER_IPS = ['203.0.113.201', '203.0.113.202', '203.0.113.203'] as const;
const CUSTOMER_ASN = 65001;

type Status = 'ike_sa_not_established' | 'ipsec_sa_not_established' | 'ipsec_sa_established';
type Mismatch = 'none' | 'psk' | 'ike-proposal' | 'esp-proposal' | 'pfs';

interface Case {
  readonly version: 'ikev1' | 'ikev2';
  readonly enc: string;
  readonly auth: string;
  readonly dh: string;
  readonly pfs: boolean;
  readonly dual: boolean;
  readonly bgp: boolean;
  readonly mismatch: Mismatch;
}

const label = (c: Case) =>
  `${c.version} ${c.enc}/${c.auth}/${c.dh} pfs=${c.pfs ? 'on' : 'off'} ${c.dual ? 'dual' : 'single'}${c.bgp ? '+bgp' : ''}${c.mismatch === 'none' ? '' : ` mismatch=${c.mismatch}`}`;

/**
 * The matrix: every combination of IKE version, encryption, integrity, DH group and PFS (48),
 * each on one of the four topologies (single/dual tunnel × BGP off/on) chosen so each topology
 * meets every value of every other parameter (pairwise over topology; full product of the
 * cryptographic parameters). Plus, for each IKE version and tunnel count, the four generated
 * mismatches.
 */
function matrix(): Case[] {
  const cases: Case[] = [];
  const topologies = [
    { dual: false, bgp: false },
    { dual: false, bgp: true },
    { dual: true, bgp: false },
    { dual: true, bgp: true },
  ] as const;
  (['ikev1', 'ikev2'] as const).forEach((version, v) => {
    ['aes', 'aes192', 'aes256'].forEach((enc, e) => {
      ['sha1', 'sha256'].forEach((auth, a) => {
        ['group2', 'group14'].forEach((dh, d) => {
          [true, false].forEach((pfs, p) => {
            const topology = topologies[(v + e + 2 * a + d + 3 * p) % 4] ?? topologies[0];
            cases.push({ version, enc, auth, dh, pfs, ...topology, mismatch: 'none' });
          });
        });
      });
    });
  });
  for (const version of ['ikev1', 'ikev2'] as const) {
    for (const dual of [false, true]) {
      for (const mismatch of ['psk', 'ike-proposal', 'esp-proposal', 'pfs'] as const) {
        cases.push({
          version,
          enc: 'aes',
          auth: 'sha1',
          dh: 'group2',
          pfs: true,
          dual,
          bgp: false,
          mismatch,
        });
      }
    }
  }
  return cases;
}

/** What the customer's device really runs: the console's export, or a mistyped variant of it. */
function deviceModel(model: PeerConfig, mismatch: Mismatch): PeerConfig {
  return {
    ...model,
    tunnels: model.tunnels.map((t) => {
      switch (mismatch) {
        case 'psk':
          return { ...t, psk: `${t.psk}-typo` };
        case 'ike-proposal':
          return { ...t, ike: { ...t.ike, encAlg: t.ike.encAlg === 'aes256' ? 'aes' : 'aes256' } };
        case 'esp-proposal':
          return {
            ...t,
            ipsec: { ...t.ipsec, encAlg: t.ipsec.encAlg === 'aes256' ? 'aes' : 'aes256' },
          };
        case 'pfs':
          return {
            ...t,
            ipsec: { ...t.ipsec, pfs: t.ipsec.pfs === 'disabled' ? 'group14' : 'disabled' },
          };
        case 'none':
          return t;
      }
    }),
  };
}

/** The emulator's simulated peer, told exactly what the device accepts. */
function peerProfileOf(device: PeerConfig) {
  const t = device.tunnels[0];
  if (t === undefined) throw new Error('no tunnel');
  return {
    ikeVersions: [t.ike.version],
    ikeModes: [t.ike.mode],
    ikeEncAlgs: [t.ike.encAlg],
    ikeAuthAlgs: [t.ike.authAlg],
    ikePfs: [t.ike.dhGroup],
    ipsecEncAlgs: [t.ipsec.encAlg],
    ipsecAuthAlgs: [t.ipsec.authAlg],
    ipsecPfs: [t.ipsec.pfs],
    psk: t.psk,
  };
}

/** The BGP tunnel addresses of each tunnel: the device's and the cloud's. */
function bgpPairs(model: PeerConfig): { device: string; cloud: string }[] {
  return model.tunnels.flatMap((t) =>
    t.bgp === undefined ? [] : [{ device: t.bgp.localBgpIp, cloud: t.bgp.peerBgpIp }],
  );
}

/** The console's "what to check" hints, read from the SPA's English dictionary. */
function consoleHint(status: Status): string {
  const text = readFileSync(
    new URL('../../../../apps/web/src/lib/messages-en.ts', import.meta.url),
    'utf8',
  );
  const match = new RegExp(`'connection\\.hint\\.${status}':\\s*(?:"([^"]+)"|'([^']+)')`).exec(
    text,
  );
  return match?.[1] ?? match?.[2] ?? '';
}

const FAILED =
  /giving up after|AUTHENTICATION_FAILED|NO_PROPOSAL_CHOSEN|failed to establish CHILD_SA|INVALID_KE_PAYLOAD|received .*error notify/;

interface Outcome {
  readonly real: Status[];
  readonly emulator: string[];
  readonly ping: boolean | undefined;
  readonly deviceLog: string;
  readonly cloudLog: string;
  readonly rekeyLog: string;
  readonly ms: number;
}

describe.runIf(daemonsRunnable())('the strongSwan export negotiates with a real IKE daemon', () => {
  let emulator: RunningEmulator;
  let client: RPCClient;
  let lab: Lab;
  let cloudNs = '';
  let deviceNs = '';
  const cgw: Record<string, string> = {};
  const cgwIp = new Map<string, string>();
  const outcomes: { c: Case; o: Outcome }[] = [];
  let totalMs = 0;

  const call = async (action: string, params: Record<string, string | number | boolean>) =>
    z
      .record(z.string(), z.unknown())
      .parse(await client.request(action, params, { method: 'POST' }));

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      seed: 'demo',
      updatingMs: 0,
      negotiationMs: 0,
      faultControl: true,
    });
    client = new RPCClient({
      endpoint: emulator.url,
      apiVersion: '2016-04-28',
      accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
      accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret,
    });
    for (const [i, ip] of CUSTOMER_IPS.entries()) {
      const created = await call('CreateCustomerGateway', {
        RegionId: HZ,
        IpAddress: ip,
        Asn: String(CUSTOMER_ASN),
        Name: `proof-${String(i + 1)}`,
      });
      const id = z.string().parse(created.CustomerGatewayId);
      cgw[String(i)] = id;
      cgwIp.set(id, ip);
    }
    const gatewayIps: string[] = [];
    for (const id of [DEMO_IDS.gateways.free1, DEMO_IDS.gateways.dualTunnelFree]) {
      const gw = await call('DescribeVpnGateway', { RegionId: HZ, VpnGatewayId: id });
      for (const key of ['InternetIp', 'DisasterRecoveryInternetIp']) {
        const ip = gw[key];
        if (typeof ip === 'string' && ip !== '') gatewayIps.push(ip);
      }
    }
    lab = await createLab();
    cloudNs = await lab.namespace('cloud');
    deviceNs = await lab.namespace('device');
    await lab.wire(
      { ns: cloudNs, addresses: gatewayIps },
      { ns: deviceNs, addresses: [...CUSTOMER_IPS] },
    );
    await lab.lan(cloudNs, `${CLOUD_LAN_IP}/26`);
    await lab.lan(deviceNs, `${DEVICE_LAN_IP}/26`);
  }, 60_000);

  afterAll(async () => {
    await lab.teardown();
    await emulator.close();
  }, 60_000);

  function createParams(c: Case, psk: string): Record<string, string | number | boolean> {
    const ike = {
      IkeVersion: c.version,
      IkeMode: 'main',
      IkeEncAlg: c.enc,
      IkeAuthAlg: c.auth,
      IkePfs: c.dh,
      Psk: psk,
    };
    const ipsec = { IpsecEncAlg: c.enc, IpsecAuthAlg: c.auth, IpsecPfs: c.pfs ? c.dh : 'disabled' };
    const base = { RegionId: HZ, LocalSubnet: VPC, RemoteSubnet: IDC, Name: 'proof' };
    if (!c.dual) {
      return {
        ...base,
        VpnGatewayId: DEMO_IDS.gateways.free1,
        CustomerGatewayId: cgw['0'] ?? '',
        IkeConfig: JSON.stringify(ike),
        IpsecConfig: JSON.stringify(ipsec),
        ...(c.bgp
          ? {
              BgpConfig: JSON.stringify({
                EnableBgp: true,
                LocalAsn: 45104,
                TunnelCidr: '169.254.10.0/30',
                LocalBgpIp: '169.254.10.1',
              }),
            }
          : {}),
      };
    }
    const tunnel = (n: 1 | 2) => {
      const prefix = `TunnelOptionsSpecification.${String(n)}.`;
      const entries: [string, string | number][] = [
        ['Role', n === 1 ? 'master' : 'slave'],
        ['CustomerGatewayId', cgw[String(n)] ?? ''],
        ...Object.entries(ike).map(([k, v]): [string, string] => [
          `TunnelIkeConfig.${k}`,
          `${v}${k === 'Psk' ? String(n) : ''}`,
        ]),
        ...Object.entries(ipsec).map(([k, v]): [string, string] => [`TunnelIpsecConfig.${k}`, v]),
        ...(c.bgp
          ? ([
              ['TunnelBgpConfig.LocalAsn', 45104],
              ['TunnelBgpConfig.TunnelCidr', `169.254.${String(10 + n)}.0/30`],
              ['TunnelBgpConfig.LocalBgpIp', `169.254.${String(10 + n)}.1`],
            ] as [string, number | string][])
          : []),
      ];
      return Object.fromEntries(entries.map(([k, v]) => [`${prefix}${k}`, v]));
    };
    return {
      ...base,
      VpnGatewayId: DEMO_IDS.gateways.dualTunnelFree,
      EnableTunnelsBgp: c.bgp,
      ...tunnel(1),
      ...tunnel(2),
    };
  }

  async function realStatuses(cloud: Charon, count: number): Promise<Status[]> {
    const sas = await cloud.listSas();
    return Array.from({ length: count }, (_, i) => {
      const ike = sas.find(
        (s) => s.name === `cloud-tunnel${String(i + 1)}` && s.state === 'ESTABLISHED',
      );
      if (ike === undefined) return 'ike_sa_not_established';
      return ike.children.some((ch) => ch.name === 'vpc' && ch.state === 'INSTALLED')
        ? 'ipsec_sa_established'
        : 'ipsec_sa_not_established';
    });
  }

  async function run(c: Case): Promise<Outcome> {
    const started = performance.now();
    const created = await call('CreateVpnConnection', createParams(c, 'Proof-Psk-1'));
    const id = z.string().parse(created.VpnConnectionId);
    try {
      const connection = await call('DescribeVpnConnection', { RegionId: HZ, VpnConnectionId: id });
      const download = downloadVpnConnectionConfigResponseSchema.parse(
        await call('DownloadVpnConnectionConfig', { RegionId: HZ, VpnConnectionId: id }),
      );
      const exported = peerConfigFrom({
        download,
        connection: vpnConnectionSchema.parse(connection),
        regionId: HZ,
      });
      const device = deviceModel(exported, c.mismatch);
      const profile = peerProfileOf(device);
      for (const t of device.tunnels) {
        const owner = [...cgwIp.entries()].find(([, ip]) => ip === t.local)?.[0];
        if (owner !== undefined) emulator.setPeerProfile(owner, { ...profile, psk: t.psk });
      }
      const described = describedConnectionSchema.parse(
        await call('DescribeVpnConnection', { RegionId: HZ, VpnConnectionId: id }),
      );
      const cloudSide = cloudTunnels(described, (cgwId) => cgwIp.get(cgwId) ?? '');
      // BGP: each side holds its tunnel address on its loopback, as the export tells the
      // customer to (`ip addr add … dev lo`). Alibaba requires 169.254.0.0/16 for tunnel CIDRs;
      // these addresses exist only on the loopback of namespaces that have no route out.
      const bgpAddresses = c.bgp ? bgpPairs(device) : [];
      for (const pair of bgpAddresses) {
        await lab.exec(deviceNs, ['ip', 'addr', 'add', `${pair.device}/32`, 'dev', 'lo']);
        await lab.exec(cloudNs, ['ip', 'addr', 'add', `${pair.cloud}/32`, 'dev', 'lo']);
      }
      const cloud = await startCharon(lab, cloudNs, { name: 'cloud' });
      const dev = await startCharon(lab, deviceNs, { name: 'device' });
      try {
        await cloud.load(siteToSiteConf(cloudSide.map((t) => t.peer)));
        // The console's export, loaded as the customer would (start_action = start initiates).
        await dev.load(renderPeerConfig('strongswan', device));
        const deadline = Date.now() + 15_000;
        for (;;) {
          const real = await realStatuses(cloud, cloudSide.length);
          if (real.every((s) => s === 'ipsec_sa_established')) break;
          if (FAILED.test(await dev.log()) || Date.now() > deadline) {
            await new Promise((resolve) => setTimeout(resolve, 500));
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const real = await realStatuses(cloud, cloudSide.length);
        let rekeyLog = '';
        if (c.mismatch === 'pfs' && c.version === 'ikev2') {
          // IKEv2 carries no DH in IKE_AUTH: the PFS mismatch shows only when the CHILD_SA rekeys.
          await dev.rekey('vpc');
          await dev.waitForLog(
            /NO_PROPOSAL_CHOSEN|INVALID_KE_PAYLOAD|CHILD_SA rekeying failed/,
            10_000,
          );
          rekeyLog = await dev.log();
        }
        const up = real.every((s) => s === 'ipsec_sa_established');
        let ping = up ? await lab.ping(deviceNs, DEVICE_LAN_IP, CLOUD_LAN_IP) : undefined;
        // With BGP, the BGP session's path crosses too (device tunnel address to the cloud's).
        for (const pair of up ? bgpAddresses.slice(0, 1) : []) {
          ping = ping === true && (await lab.ping(deviceNs, pair.device, pair.cloud));
        }
        return {
          real,
          emulator: cloudSide.map((t) => t.emulatorStatus),
          ping,
          deviceLog: await dev.log(),
          cloudLog: await cloud.log(),
          rekeyLog,
          ms: performance.now() - started,
        };
      } finally {
        await dev.stop();
        await cloud.stop();
        for (const pair of bgpAddresses) {
          await lab.exec(deviceNs, ['ip', 'addr', 'del', `${pair.device}/32`, 'dev', 'lo']);
          await lab.exec(cloudNs, ['ip', 'addr', 'del', `${pair.cloud}/32`, 'dev', 'lo']);
        }
      }
    } finally {
      await call('DeleteVpnConnection', { RegionId: HZ, VpnConnectionId: id });
    }
  }

  const cases = matrix();
  for (const c of cases) {
    it(label(c), async () => {
      const o = await run(c);
      outcomes.push({ c, o });
      totalMs += o.ms;
      const context = `${label(c)}\nreal=${o.real.join(',')} emulator=${o.emulator.join(',')}\n--- device log tail ---\n${o.deviceLog.split('\n').slice(-25).join('\n')}\n--- cloud log tail ---\n${o.cloudLog.split('\n').slice(-25).join('\n')}`;
      switch (c.mismatch) {
        case 'none':
          expect(
            o.real.every((s) => s === 'ipsec_sa_established'),
            context,
          ).toBe(true);
          expect(o.ping, context).toBe(true);
          expect(o.emulator, context).toEqual(o.real);
          break;
        case 'psk':
          expect(
            o.real.every((s) => s === 'ike_sa_not_established'),
            context,
          ).toBe(true);
          expect(consoleHint('ike_sa_not_established')).toContain('pre-shared key');
          if (c.version === 'ikev2') {
            expect(o.deviceLog, context).toContain('AUTHENTICATION_FAILED');
            expect(o.cloudLog, context).toMatch(/MAC mismatched/);
          } else {
            expect(o.cloudLog, context).toMatch(/decryption failed|invalid HASH_V1|payload length/);
          }
          expect(o.emulator, context).toEqual(o.real);
          break;
        case 'ike-proposal':
          expect(
            o.real.every((s) => s === 'ike_sa_not_established'),
            context,
          ).toBe(true);
          expect(o.deviceLog, context).toContain('NO_PROPOSAL_CHOSEN');
          expect(consoleHint('ike_sa_not_established')).toContain('phase-1 algorithms');
          expect(o.emulator, context).toEqual(o.real);
          break;
        case 'esp-proposal':
          expect(
            o.real.every((s) => s === 'ipsec_sa_not_established'),
            context,
          ).toBe(true);
          expect(o.deviceLog, context).toContain('NO_PROPOSAL_CHOSEN');
          expect(consoleHint('ipsec_sa_not_established')).toContain('phase-2 algorithms and PFS');
          expect(o.emulator, context).toEqual(o.real);
          break;
        case 'pfs':
          expect(consoleHint('ipsec_sa_not_established')).toContain('PFS');
          expect(
            o.emulator.every((s) => s === 'ipsec_sa_not_established'),
            context,
          ).toBe(true);
          if (c.version === 'ikev1') {
            // Quick mode carries the DH group: the CHILD_SA fails at once, as the emulator says.
            expect(o.real, context).toEqual(o.emulator);
          } else {
            // KNOWN DISAGREEMENT (kept, not hidden): IKEv2 builds the first CHILD_SA inside
            // IKE_AUTH without a DH exchange, so the real tunnel is up until its first rekey;
            // the emulator reports the state after that rekey. The rekey fails here.
            expect(
              o.real.every((s) => s === 'ipsec_sa_established'),
              context,
            ).toBe(true);
            expect(o.rekeyLog, context).toMatch(
              /NO_PROPOSAL_CHOSEN|INVALID_KE_PAYLOAD|rekeying failed/,
            );
          }
          break;
      }
    });
  }

  afterAll(() => {
    const negotiated = outcomes.filter(
      ({ o }) => o.real.every((s) => s === 'ipsec_sa_established') && o.ping === true,
    );
    const agree = outcomes.filter(({ o }) => o.real.join() === o.emulator.join());
    process.stdout.write(
      [
        '',
        `peer-config proof: ${String(outcomes.length)} pairs run (${String(cases.filter((c) => c.mismatch === 'none').length)} matrix + ${String(cases.filter((c) => c.mismatch !== 'none').length)} mismatches)`,
        `  negotiated with ping: ${String(negotiated.length)}; emulator agrees: ${String(agree.length)}/${String(outcomes.length)}`,
        `  disagreements: ${
          outcomes
            .filter(({ o }) => o.real.join() !== o.emulator.join())
            .map(({ c }) => label(c))
            .join('; ') || 'none'
        }`,
        `  daemon time: ${(totalMs / 1000).toFixed(1)} s (${(totalMs / Math.max(1, outcomes.length)).toFixed(0)} ms per pair)`,
        '',
      ].join('\n'),
    );
  });
});
