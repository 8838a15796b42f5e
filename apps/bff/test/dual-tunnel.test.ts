// Dual-tunnel IPsec connections through the whole stack (real emulator, real security layer):
// create on a dual-tunnel gateway, show both tunnels, change one tunnel (ModifyTunnelAttribute) and
// the whole connection by TunnelId, reveal one tunnel's key (audited as that tunnel), refuse the
// other mode's fields by name before any cloud call.
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { pskRevealSchema } from '@vpn-console/shared/api/psk';
import { vpnConnectionViewSchema } from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestApi, type TestStack } from './harness';

const HZ = '/api/v1/regions/cn-hangzhou';
const SH = '/api/v1/regions/cn-shanghai';
const G = DEMO_IDS.gateways;
const CGW = DEMO_IDS.customerGateways;
const T = DEMO_IDS.tunnels;

describe('dual-tunnel connections through the BFF', () => {
  let stack: TestStack;
  let operator: TestApi;
  let viewer: TestApi;
  beforeAll(async () => {
    stack = await startTestStack({ updatingMs: 300 });
    operator = await stack.as('operator');
    viewer = await stack.as('viewer');
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  const settle = async (res: { status: number; body: unknown }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const op = await operator.settled(operationSchema.parse(res.body).id);
    expect(op.state, JSON.stringify(op)).toBe('succeeded');
    return op;
  };

  it('creates a dual-tunnel connection with BGP on both tunnels and shows both tunnels', async () => {
    const op = await settle(
      await operator.post(`${HZ}/vpn-connections`, {
        vpnGatewayId: G.dualTunnelFree,
        name: 'dual via bff',
        localSubnet: ['172.23.0.0/16'],
        remoteSubnet: ['10.95.0.0/16'],
        enableTunnelsBgp: true,
        tunnels: [
          {
            role: 'master',
            customerGatewayId: CGW.dualFreeA,
            ikeConfig: { psk: 'tunnel-one-key', ikeVersion: 'ikev2' },
            bgpConfig: {
              localAsn: 65001,
              tunnelCidr: '169.254.60.0/30',
              localBgpIp: '169.254.60.1',
            },
          },
          {
            role: 'slave',
            customerGatewayId: CGW.dualFreeB,
            bgpConfig: {
              localAsn: 65001,
              tunnelCidr: '169.254.61.0/30',
              localBgpIp: '169.254.61.1',
            },
          },
        ],
      }),
    );
    const view = vpnConnectionViewSchema.parse(
      (await operator.get(`${HZ}/vpn-connections/${op.resourceId ?? ''}`)).body,
    );
    expect(
      view.tunnels?.map((t) => [t.role, t.customerGatewayId, t.ikeConfig?.ikeVersion]),
    ).toEqual([
      ['master', CGW.dualFreeA, 'ikev2'],
      ['slave', CGW.dualFreeB, 'ikev1'],
    ]);
    expect(view.enableTunnelsBgp).toBe(true);
    expect(view.tunnels?.[1]).toMatchObject({
      tunnelIndex: 2,
      internetIp: '192.0.2.142',
      zoneNo: 'cn-hangzhou-h',
      enableDpd: true,
      hasRemoteCaCertificate: false,
      bgpConfig: { localAsn: 65001, peerAsn: 65020, tunnelCidr: '169.254.61.0/30' },
    });
    // Keys are masked in views, per tunnel.
    expect(JSON.stringify(view)).not.toContain('tunnel-one-key');
  });

  it('refuses single-tunnel fields on a dual-tunnel gateway by name, before any cloud call', async () => {
    stack.emulator.resetCalls();
    const res = await operator.post(`${HZ}/vpn-connections`, {
      vpnGatewayId: G.dualTunnelFree,
      customerGatewayId: CGW.dualFreeA,
      localSubnet: ['172.23.0.0/16'],
      remoteSubnet: ['10.96.0.0/16'],
    });
    expect(res.status).toBe(400);
    const error = apiErrorBodySchema.parse(res.body).error;
    expect(error.issues?.map((i) => [i.path, i.code])).toEqual([
      ['customerGatewayId', 'SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY'],
    ]);
    expect(stack.emulator.calls().CreateVpnConnection).toBeUndefined();
  });

  it('changes one tunnel (ModifyTunnelAttribute) and the down tunnel comes up; a viewer cannot', async () => {
    const path = `${SH}/vpn-connections/${DEMO_IDS.connections.dualOneTunnelDown}`;
    expect(
      (await viewer.patch(`${path}/tunnels/${T.dualDownSlave}`, { ikeConfig: { psk: 'x' } }))
        .status,
    ).toBe(403);
    expect(
      (await operator.patch(`${path}/tunnels/${T.dualHealthyMaster}`, { enableDpd: false })).status,
    ).toBe(404);
    await settle(
      await operator.patch(`${path}/tunnels/${T.dualDownSlave}`, {
        ikeConfig: { psk: DEMO_IDS.peerPsk },
      }),
    );
    const snapshot = stack.emulator.snapshot();
    const conn = snapshot.connections.find(
      (c) => c.VpnConnectionId === DEMO_IDS.connections.dualOneTunnelDown,
    );
    expect(conn?.Tunnels.map((t) => t.Psk === DEMO_IDS.peerPsk)).toEqual([false, true]);
  });

  it('changes the whole connection by TunnelId', async () => {
    const path = `${HZ}/vpn-connections/${DEMO_IDS.connections.dualHealthy}`;
    await settle(
      await operator.patch(path, {
        name: 'renamed dual',
        tunnels: [{ tunnelId: T.dualHealthySlave, ipsecConfig: { ipsecPfs: 'group5' } }],
      }),
    );
    const view = vpnConnectionViewSchema.parse((await operator.get(path)).body);
    expect(view.name).toBe('renamed dual');
    expect(view.tunnels?.map((t) => t.ipsecConfig?.ipsecPfs)).toEqual(['group14', 'group5']);
  });

  it('reveals one tunnel’s key to an operator, audited as that tunnel, never to a viewer', async () => {
    const reveal = `${HZ}/vpn-connections/${DEMO_IDS.connections.dualHealthy}/psk/reveal`;
    expect((await viewer.post(`${reveal}?tunnelId=${T.dualHealthySlave}`)).status).toBe(403);
    const res = await operator.post(`${reveal}?tunnelId=${T.dualHealthySlave}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = pskRevealSchema.parse(res.body);
    expect(body.psk).toBeNull();
    expect(body.tunnels?.map((t) => t.tunnelId)).toEqual([T.dualHealthySlave]);
    expect(body.tunnels?.[0]?.psk).toBe('DemoTunnelPsk072');
    expect((await operator.post(`${reveal}?tunnelId=tun-bp1nosuchtunnel`)).status).toBe(404);
    expect((await operator.post(`${reveal}?tunnelId=not-a-tunnel`)).status).toBe(400);
    const audit = auditPageSchema.parse((await operator.get('/api/v1/audit?category=reveal')).body);
    expect(
      audit.items.some(
        (e) =>
          e.action === 'revealPsk' &&
          e.outcome === 'success' &&
          e.resourceType === 'vpn-connection-tunnel' &&
          e.resourceId === `${DEMO_IDS.connections.dualHealthy}/${T.dualHealthySlave}`,
      ),
    ).toBe(true);
  });

  it('refuses turning BGP on without each tunnel’s BGP addresses before any cloud call, then turns it on with them', async () => {
    const path = `${SH}/vpn-connections/${DEMO_IDS.connections.dualOneTunnelDown}`;
    stack.emulator.resetCalls();
    // Tunnel 2 named in the edit (first in its list) with its ASN only; tunnel 1 not named.
    const res = await operator.patch(path, {
      enableTunnelsBgp: true,
      tunnels: [{ tunnelId: T.dualDownSlave, bgpConfig: { localAsn: 65010 } }],
    });
    expect(res.status).toBe(400);
    const issues = apiErrorBodySchema.parse(res.body).error.issues ?? [];
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['enableTunnelsBgp', 'TUNNEL_BGP_NEEDED'],
      ['tunnels.0.bgpConfig.tunnelCidr', 'REQUIRED'],
      ['tunnels.0.bgpConfig.localBgpIp', 'REQUIRED'],
    ]);
    expect(stack.emulator.calls().ModifyVpnConnectionAttribute).toBeUndefined();

    await settle(
      await operator.patch(path, {
        enableTunnelsBgp: true,
        tunnels: [T.dualDownMaster, T.dualDownSlave].map((tunnelId, i) => ({
          tunnelId,
          bgpConfig: {
            localAsn: 65010,
            tunnelCidr: `169.254.7${String(i)}.0/30`,
            localBgpIp: `169.254.7${String(i)}.1`,
          },
        })),
      }),
    );
    const view = vpnConnectionViewSchema.parse((await operator.get(path)).body);
    expect(view.enableTunnelsBgp).toBe(true);
    expect(view.tunnels?.map((t) => t.bgpConfig?.tunnelCidr)).toEqual([
      '169.254.70.0/30',
      '169.254.71.0/30',
    ]);
  });
});
