import { describe, expect, it } from 'vitest';
import { asWireText, SEED_FILES, seedExampleParams } from '../../test/helpers';
import { toCreateVpnConnectionParams, toModifyVpnConnectionAttributeParams } from './rpc';
import { createVpnConnectionSchema, modifyVpnConnectionAttributeSchema } from './schema';

const ctx = { gatewayType: 'standard' } as const;

/** What the documented defaults add to a request that gives only the required fields. */
const CONNECTION_DEFAULTS = {
  EffectImmediately: 'false',
  IkeConfig:
    '{"IkeVersion":"ikev1","IkeMode":"main","IkeEncAlg":"aes","IkeAuthAlg":"md5","IkePfs":"group2","IkeLifetime":86400}',
  IpsecConfig:
    '{"IpsecEncAlg":"aes","IpsecAuthAlg":"md5","IpsecPfs":"group2","IpsecLifetime":86400}',
  AutoConfigRoute: 'true',
  EnableDpd: 'true',
  EnableNatTraversal: 'true',
};

describe('toCreateVpnConnectionParams', () => {
  it('reproduces the seed 002 example request, plus the documented defaults sent explicitly', () => {
    const value = createVpnConnectionSchema(ctx).parse({
      customerGatewayId: 'cgw-bp1hgslrq1afztya****',
      localSubnet: ['10.1.1.0/24', '10.1.2.0/24'],
      regionId: 'cn-shanghai',
      remoteSubnet: ['10.2.1.0/24', '10.2.2.0/24'],
      vpnGatewayId: 'vpn-bp1q8bgx4xnkm****',
    });
    const request = toCreateVpnConnectionParams(value);
    expect(request.action).toBe('CreateVpnConnection');
    expect(asWireText(request.params)).toEqual({
      ...seedExampleParams(SEED_FILES.createVpnConnection),
      ...CONNECTION_DEFAULTS,
    });
  });

  it('serialises the JSON-typed parameters exactly as the seed examples show them', () => {
    const value = createVpnConnectionSchema(ctx).parse({
      regionId: 'cn-shanghai',
      vpnGatewayId: 'vpn-1',
      customerGatewayId: 'cgw-1',
      localSubnet: ['10.1.1.0/24'],
      remoteSubnet: ['10.2.1.0/24'],
      name: 'IPsec',
      ikeConfig: {
        psk: 'Secret1',
        ikeVersion: 'ikev1',
        ikeMode: 'main',
        ikeEncAlg: 'aes',
        ikeAuthAlg: 'sha1',
        localId: '1.2.3.4',
        remoteId: '5.6.7.8',
      },
      ipsecConfig: { ipsecEncAlg: 'aes', ipsecAuthAlg: 'sha1' },
      bgpConfig: {
        enableBgp: true,
        localAsn: '45104',
        tunnelCidr: '169.254.11.0/30',
        localBgpIp: '169.254.11.1',
      },
      healthCheckConfig: {
        enable: true,
        dip: '192.168.10.1',
        sip: '10.10.1.1',
        interval: 3,
        retry: 3,
      },
      dryRun: true,
      clientToken: '02fb3da4-130e-11e9-8e44-001',
    });
    const { params } = toCreateVpnConnectionParams(value);
    expect(params.IkeConfig).toBe(
      '{"Psk":"Secret1","IkeVersion":"ikev1","IkeMode":"main","IkeEncAlg":"aes","IkeAuthAlg":"sha1","IkePfs":"group2","IkeLifetime":86400,"LocalId":"1.2.3.4","RemoteId":"5.6.7.8"}',
    );
    expect(params.IpsecConfig).toBe(
      '{"IpsecEncAlg":"aes","IpsecAuthAlg":"sha1","IpsecPfs":"group2","IpsecLifetime":86400}',
    );
    expect(params.BgpConfig).toBe(
      '{"EnableBgp":"true","LocalAsn":"45104","TunnelCidr":"169.254.11.0/30","LocalBgpIp":"169.254.11.1"}',
    );
    expect(params.HealthCheckConfig).toBe(
      '{"enable":"true","dip":"192.168.10.1","sip":"10.10.1.1","interval":"3","retry":"3"}',
    );
    expect(params.DryRun).toBe(true);
    expect(params.Name).toBe('IPsec');
    expect(params.ClientToken).toBe('02fb3da4-130e-11e9-8e44-001');
    expect(params).not.toHaveProperty('RemoteCaCertificate');
  });

  it('sends the peer CA certificate for SM gateways', () => {
    const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const value = createVpnConnectionSchema({ gatewayType: 'sm' }).parse({
      regionId: 'cn-shanghai',
      vpnGatewayId: 'vpn-1',
      customerGatewayId: 'cgw-1',
      localSubnet: ['10.1.1.0/24'],
      remoteSubnet: ['10.2.1.0/24'],
      remoteCaCertificate: cert,
    });
    const { params } = toCreateVpnConnectionParams(value);
    expect(params.RemoteCaCertificate).toBe(cert);
    expect(JSON.parse(String(params.IkeConfig))).toMatchObject({
      IkeEncAlg: 'sm4',
      IkeAuthAlg: 'sm3',
    });
  });
});

describe('toModifyVpnConnectionAttributeParams', () => {
  it('sends only the ids and what changed', () => {
    const value = modifyVpnConnectionAttributeSchema(ctx).parse({
      regionId: 'cn-shanghai',
      vpnConnectionId: 'vco-1',
      remoteSubnet: ['10.3.0.0/16'],
      ikeConfig: { psk: 'rotated1' },
      enableDpd: false,
    });
    expect(toModifyVpnConnectionAttributeParams(value)).toEqual({
      action: 'ModifyVpnConnectionAttribute',
      params: {
        RegionId: 'cn-shanghai',
        VpnConnectionId: 'vco-1',
        RemoteSubnet: '10.3.0.0/16',
        IkeConfig: '{"Psk":"rotated1"}',
        EnableDpd: false,
      },
    });
  });
});
