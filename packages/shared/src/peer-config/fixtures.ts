// Two connections every template test renders (and the expected files in ./templates/expected
// were reviewed against): a single-tunnel IKEv1 connection with static routes and two data-centre
// subnets, and a dual-tunnel IKEv2 connection with BGP and PFS off.
import { downloadVpnConnectionConfigResponseSchema } from '../responses/vpn-connection-config';
import { vpnConnectionSchema } from '../responses/vpn-connection';
import { peerConfigFrom, type PeerConfig } from './model';

export function singleTunnelStatic(mask?: string): PeerConfig {
  return peerConfigFrom({
    regionId: 'cn-hangzhou',
    mask,
    connection: vpnConnectionSchema.parse({
      VpnConnectionId: 'vco-bp1example000000001',
      VpnGatewayId: 'vpn-bp1example000000001',
      Name: 'to-branch-hz',
      EnableTunnelsBgp: false,
      VpnBgpConfig: { EnableBgp: 'false' },
    }),
    download: downloadVpnConnectionConfigResponseSchema.parse({
      RequestId: 'EXAMPLE-REQUEST-1',
      VpnConnectionConfig: {
        Local: '203.0.113.10',
        Remote: '192.0.2.10',
        LocalSubnet: '172.16.1.0/24,172.16.2.0/24',
        RemoteSubnet: '192.168.10.0/24',
        IkeConfig: {
          IkeVersion: 'ikev1',
          IkeMode: 'main',
          IkeEncAlg: 'aes',
          IkeAuthAlg: 'sha1',
          IkePfs: 'group2',
          IkeLifetime: 86400,
          Psk: 'Example-Psk-1',
          LocalId: '203.0.113.10',
          RemoteId: '192.0.2.10',
        },
        IpsecConfig: {
          IpsecEncAlg: 'aes',
          IpsecAuthAlg: 'sha1',
          IpsecPfs: 'group2',
          IpsecLifetime: 3600,
        },
      },
    }),
  });
}

export function dualTunnelBgp(mask?: string): PeerConfig {
  const phases = (psk: string) => ({
    IkeConfig: {
      IkeVersion: 'ikev2',
      IkeMode: 'main',
      IkeEncAlg: 'aes256',
      IkeAuthAlg: 'sha256',
      IkePfs: 'group14',
      IkeLifetime: 28800,
      Psk: psk,
      LocalId: '203.0.113.20',
      RemoteId: psk.endsWith('1') ? '192.0.2.21' : '192.0.2.22',
    },
    IpsecConfig: {
      IpsecEncAlg: 'aes256',
      IpsecAuthAlg: 'sha256',
      IpsecPfs: 'disabled',
      IpsecLifetime: 3600,
    },
  });
  return peerConfigFrom({
    regionId: 'cn-shanghai',
    mask,
    connection: vpnConnectionSchema.parse({
      VpnConnectionId: 'vco-uf6example000000002',
      VpnGatewayId: 'vpn-uf6example000000002',
      Name: 'dc-shanghai',
      EnableTunnelsBgp: true,
    }),
    download: downloadVpnConnectionConfigResponseSchema.parse({
      RequestId: 'EXAMPLE-REQUEST-2',
      VpnConnectionConfig: {
        Local: '203.0.113.20',
        LocalSubnet: '10.20.0.0/16',
        RemoteSubnet: '192.168.20.0/24',
        TunnelsConfig: {
          TunnelConfig: [
            {
              TunnelId: 'tun-example000000001',
              Local: '203.0.113.20',
              Remote: '192.0.2.21',
              ...phases('Tunnel-Psk-1'),
            },
            {
              TunnelId: 'tun-example000000002',
              Local: '203.0.113.20',
              Remote: '192.0.2.22',
              ...phases('Tunnel-Psk-2'),
            },
          ],
        },
        BgpConfigs: {
          BgpConfig: [
            {
              TunnelId: 'tun-example000000001',
              LocalAsn: '65001',
              PeerAsn: '45104',
              LocalBgpIp: '169.254.10.2',
              PeerBgpIp: '169.254.10.1',
              TunnelCidr: '169.254.10.0/30',
            },
            {
              TunnelId: 'tun-example000000002',
              LocalAsn: '65001',
              PeerAsn: '45104',
              LocalBgpIp: '169.254.20.2',
              PeerBgpIp: '169.254.20.1',
              TunnelCidr: '169.254.20.0/30',
            },
          ],
        },
      },
    }),
  });
}
