import { describe, expect, it } from 'vitest';
import { dualConnection, dualGateway, dualTunnel } from '../../../test/dual-tunnel-fixtures';
import {
  changesOf,
  createBodyOf,
  dualTunnelStepSchema,
  dualTunnelValuesOf,
  effectiveTunnels,
} from './dual-tunnel-form';

const ctx = { gatewayType: 'standard' } as const;

describe('dual-tunnel wizard value', () => {
  it('reads an edit from the tunnels, never from defaults: an unknown cloud value stays out and is listed', () => {
    const odd = dualTunnel(2);
    const connection = {
      ...dualConnection,
      tunnels: [
        dualTunnel(1),
        { ...odd, ikeConfig: { ...odd.ikeConfig, ikeEncAlg: 'aes999' }, enableDpd: undefined },
      ],
    };
    const { value, unknown } = dualTunnelValuesOf(dualGateway, ctx, connection);
    expect(value.sameTunnels).toBe(false);
    expect(value.tunnels[0]).toMatchObject({
      tunnelId: 'tun-dual001',
      role: 'master',
      customerGatewayId: 'cgw-dual001',
      bgpConfig: { localAsn: 65530, tunnelCidr: '169.254.21.0/30', localBgpIp: '169.254.21.1' },
    });
    expect(value.tunnels[1].ikeConfig).not.toHaveProperty('ikeEncAlg');
    expect(value.tunnels[1]).not.toHaveProperty('enableDpd');
    expect(unknown).toEqual([{ path: 'tunnels.1.ikeConfig.ikeEncAlg', value: 'aes999' }]);
  });

  it('reads a tunnel without BGP as not set, not as values the console does not know (issue 17)', () => {
    const bare = {
      ...dualTunnel(1),
      bgpConfig: { tunnelCidr: '', localBgpIp: '', localAsn: null },
    };
    const connection = {
      ...dualConnection,
      enableTunnelsBgp: false,
      tunnels: [bare, dualTunnel(2)],
    };
    const { value, unknown } = dualTunnelValuesOf(dualGateway, ctx, connection as never);
    expect(unknown).toEqual([]);
    expect(value.tunnels[0].bgpConfig).toEqual({});
  });

  it("keeps both tunnels the same except tunnel 2's own peer, identities and BGP addresses", () => {
    const { value } = dualTunnelValuesOf(dualGateway, ctx, undefined);
    value.tunnels[0].ikeConfig = { ...value.tunnels[0].ikeConfig, ikeAuthAlg: 'sha256', psk: 'k1' };
    value.tunnels[0].bgpConfig = { localAsn: 65001, tunnelCidr: '169.254.1.0/30' };
    value.tunnels[1].customerGatewayId = 'cgw-b';
    value.tunnels[1].ikeConfig = { ...value.tunnels[1].ikeConfig, remoteId: 'peer-b' };
    value.tunnels[1].bgpConfig = { tunnelCidr: '169.254.2.0/30' };
    const [, two] = effectiveTunnels(value);
    expect(two).toMatchObject({
      role: 'slave',
      customerGatewayId: 'cgw-b',
      ikeConfig: { ikeAuthAlg: 'sha256', psk: 'k1', remoteId: 'peer-b' },
      bgpConfig: { localAsn: 65001, tunnelCidr: '169.254.2.0/30' },
    });
    // Turned off, tunnel 2 is its own.
    expect(effectiveTunnels({ ...value, sameTunnels: false })[1].ikeConfig).not.toHaveProperty(
      'psk',
    );
  });

  it('sends no tunnel BGP with BGP off, and the single-tunnel fields never', () => {
    const { value } = dualTunnelValuesOf(dualGateway, ctx, undefined);
    value.localSubnet = ['172.22.0.0/16'];
    value.remoteSubnet = ['10.70.0.0/16'];
    value.tunnels[0].customerGatewayId = 'cgw-a';
    value.tunnels[1].customerGatewayId = 'cgw-b';
    const body = createBodyOf(value);
    expect(body.tunnels.map((t) => t.customerGatewayId)).toEqual(['cgw-a', 'cgw-b']);
    expect(body.tunnels[0]).not.toHaveProperty('bgpConfig');
    expect(body).not.toHaveProperty('ikeConfig');
    expect(dualTunnelStepSchema(ctx, 'review').safeParse(value).success).toBe(true);
    // BGP on: each tunnel's addresses are required, on that tunnel's step.
    const bgp = dualTunnelStepSchema(ctx, 1).safeParse({ ...value, enableTunnelsBgp: true });
    expect(bgp.success).toBe(false);
    expect(bgp.error?.issues.map((i) => i.path.join('.'))).toContain(
      'tunnels.1.bgpConfig.tunnelCidr',
    );
  });

  it('an edit of one tunnel names only that tunnel', () => {
    const { value: before } = dualTunnelValuesOf(dualGateway, ctx, dualConnection);
    const after = structuredClone(before);
    after.tunnels[1].ikeConfig = { ...after.tunnels[1].ikeConfig, ikePfs: 'group5' };
    expect(changesOf(before, after)).toEqual({
      connection: {},
      tunnels: [{}, { ikeConfig: { ikePfs: 'group5' } }],
    });
  });

  it('asks an SM gateway for a CA certificate per tunnel, copied to tunnel 2 while both are the same', () => {
    const sm = { gatewayType: 'sm' } as const;
    const gateway = { ...dualGateway, vpnType: 'NationalStandard' };
    const { value } = dualTunnelValuesOf(gateway, sm, undefined);
    value.localSubnet = ['172.22.0.0/16'];
    value.remoteSubnet = ['10.70.0.0/16'];
    value.tunnels[0].customerGatewayId = 'cgw-a';
    value.tunnels[1].customerGatewayId = 'cgw-b';
    expect(value.tunnels[0].ikeConfig).toMatchObject({ ikeEncAlg: 'sm4', ikeAuthAlg: 'sm3' });
    const missing = dualTunnelStepSchema(sm, 0).safeParse(value);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toContain(
      'tunnels.0.remoteCaCertificate',
    );
    value.tunnels[0].remoteCaCertificate = '-----BEGIN CERTIFICATE-----\nMIIB';
    expect(effectiveTunnels(value)[1].remoteCaCertificate).toBe(
      value.tunnels[0].remoteCaCertificate,
    );
  });
});
