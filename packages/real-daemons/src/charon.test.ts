import { describe, expect, it } from 'vitest';
import { startCharon } from './charon';
import { withLab, type Lab } from './lab';
import { daemonsRunnable } from './support';
import { siteToSiteConf, type SiteToSitePeer } from './swanctl-conf';

const CLOUD = '192.0.2.1';
const DEVICE = '203.0.113.1';
const CLOUD_LAN = '198.51.100.0/26';
const DEVICE_LAN = '198.51.100.64/26';

function peers(
  version: 1 | 2,
  overrides: { devicePsk?: string; deviceIke?: string } = {},
): { cloud: SiteToSitePeer; device: SiteToSitePeer } {
  const base = {
    connection: 'vco',
    version,
    psk: 'correct horse battery',
    ikeProposal: 'aes128-sha1-modp1024',
  } as const;
  return {
    cloud: {
      ...base,
      localAddrs: [CLOUD],
      remoteAddrs: [DEVICE],
      localId: CLOUD,
      remoteId: DEVICE,
      children: [
        {
          name: 'tun',
          localTs: [CLOUD_LAN],
          remoteTs: [DEVICE_LAN],
          espProposal: 'aes128-sha1-modp1024',
        },
      ],
    },
    device: {
      ...base,
      psk: overrides.devicePsk ?? base.psk,
      ikeProposal: overrides.deviceIke ?? base.ikeProposal,
      localAddrs: [DEVICE],
      remoteAddrs: [CLOUD],
      localId: DEVICE,
      remoteId: CLOUD,
      children: [
        {
          name: 'tun',
          localTs: [DEVICE_LAN],
          remoteTs: [CLOUD_LAN],
          espProposal: 'aes128-sha1-modp1024',
        },
      ],
    },
  };
}

async function twoPeers(
  lab: Lab,
  version: 1 | 2,
  overrides: { devicePsk?: string; deviceIke?: string } = {},
) {
  const cloudNs = await lab.namespace('cloud');
  const deviceNs = await lab.namespace('device');
  await lab.wire({ ns: cloudNs, addresses: [CLOUD] }, { ns: deviceNs, addresses: [DEVICE] });
  await lab.lan(cloudNs, '198.51.100.1/26');
  await lab.lan(deviceNs, '198.51.100.65/26');
  const cloud = await startCharon(lab, cloudNs, { name: 'cloud' });
  const device = await startCharon(lab, deviceNs, { name: 'device' });
  const conf = peers(version, overrides);
  await cloud.load(siteToSiteConf([conf.cloud]));
  await device.load(siteToSiteConf([conf.device]));
  return { cloud, device, deviceNs };
}

describe.runIf(daemonsRunnable())('two charons in two namespaces', () => {
  for (const version of [1, 2] as const) {
    it(`IKEv${String(version)}: IKE SA and CHILD SA come up and a ping crosses the tunnel`, async () => {
      await withLab(async (lab) => {
        const { cloud, device, deviceNs } = await twoPeers(lab, version);
        const outcome = await device.initiate('tun');
        expect(outcome.ok, outcome.output).toBe(true);
        const { ike, child } = await cloud.waitForChildSa('tun');
        expect(ike.version).toBe(String(version));
        expect(ike.dhGroup).toBe('MODP_1024');
        expect(child.encrAlg).toBe('AES_CBC');
        expect(child.encrKeysize).toBe('128');
        expect(child.localTs).toEqual([CLOUD_LAN]);
        expect(await lab.ping(deviceNs, '198.51.100.65', '198.51.100.1')).toBe(true);
      });
    });
  }

  it('IKEv2 with a wrong PSK fails with AUTHENTICATION_FAILED', async () => {
    await withLab(async (lab) => {
      const { device, cloud } = await twoPeers(lab, 2, { devicePsk: 'wrong' });
      const outcome = await device.initiate('tun');
      expect(outcome.ok).toBe(false);
      expect(outcome.output).toContain('AUTHENTICATION_FAILED');
      expect(await cloud.waitForLog(/MAC mismatched/)).toBe(true);
    });
  });

  it('a proposal the other side lacks fails with NO_PROPOSAL_CHOSEN', async () => {
    await withLab(async (lab) => {
      const { device } = await twoPeers(lab, 2, { deviceIke: 'aes256-sha256-modp2048' });
      const outcome = await device.initiate('tun');
      expect(outcome.ok).toBe(false);
      expect(outcome.output).toContain('NO_PROPOSAL_CHOSEN');
    });
  });
});
