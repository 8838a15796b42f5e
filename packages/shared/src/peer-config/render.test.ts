import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnsupportedAlgorithmError } from './algorithm-names';
import { PEER_DEVICES } from './devices';
import { dualTunnelBgp, singleTunnelStatic } from './fixtures';
import { renderPeerConfig } from './render';

const expected = (name: string) =>
  readFileSync(new URL(`./templates/expected/${name}`, import.meta.url), 'utf8');

describe('each device template renders the reviewed expected file', () => {
  for (const device of PEER_DEVICES) {
    it(`${device}: single tunnel, IKEv1, static routes`, () => {
      expect(renderPeerConfig(device, singleTunnelStatic())).toBe(
        expected(`${device}.single-static.txt`),
      );
    });
    it(`${device}: dual tunnel, IKEv2, BGP, PFS off`, () => {
      expect(renderPeerConfig(device, dualTunnelBgp())).toBe(expected(`${device}.dual-bgp.txt`));
    });
  }
});

describe('rendering rules every template follows', () => {
  it('a header names the console, the connection and the tunnel', () => {
    for (const device of PEER_DEVICES.filter((d) => d !== 'json')) {
      const text = renderPeerConfig(device, dualTunnelBgp(), 'tun-example000000002');
      expect(text).toContain('VPN Gateway Console');
      expect(text).toContain('dc-shanghai (vco-uf6example000000002)');
      expect(text).toContain('Tunnel: 2 (tun-example000000002)');
      expect(text).not.toContain('192.0.2.21');
    }
  });

  it('with a mask, no PSK appears in any file', () => {
    for (const device of PEER_DEVICES) {
      for (const text of [
        renderPeerConfig(device, singleTunnelStatic('••••••••')),
        renderPeerConfig(device, dualTunnelBgp('••••••••')),
      ]) {
        expect(text).not.toMatch(/Example-Psk-1|Tunnel-Psk-[12]/);
        expect(text).toContain('••••••••');
      }
    }
  });

  it('an unknown tunnel id is refused', () => {
    expect(() => renderPeerConfig('strongswan', dualTunnelBgp(), 'tun-nope')).toThrow(RangeError);
  });

  it('an algorithm the device cannot express is refused, not guessed', () => {
    const model = singleTunnelStatic();
    const sm = {
      ...model,
      tunnels: model.tunnels.map((t) => ({ ...t, ike: { ...t.ike, encAlg: 'sm4' } })),
    };
    expect(() => renderPeerConfig('fortigate', sm)).toThrow(UnsupportedAlgorithmError);
    expect(renderPeerConfig('huawei', sm)).toContain('encryption-algorithm sm4');
  });
});
