import { describe, expect, it } from 'vitest';
import { asWireText, SEED_FILES, seedExampleParams } from '../../test/helpers';
import { toCreateSslVpnServerParams, toModifySslVpnServerParams } from './rpc';
import { createSslVpnServerSchema, modifySslVpnServerSchema } from './schema';

describe('toCreateSslVpnServerParams', () => {
  it('reproduces the seed 003 example request, plus the documented defaults sent explicitly', () => {
    const value = createSslVpnServerSchema.parse({
      clientIpPool: '192.168.1.0/24',
      localSubnet: ['10.0.0.0/8'],
      regionId: 'cn-shanghai',
      vpnGatewayId: 'vpn-bp1hgim8by0kc9nga****',
    });
    const request = toCreateSslVpnServerParams(value);
    expect(request.action).toBe('CreateSslVpnServer');
    expect(asWireText(request.params)).toEqual({
      ...seedExampleParams(SEED_FILES.createSslVpnServer),
      Proto: 'UDP',
      Cipher: 'AES-128-CBC',
      Port: '1194',
      Compress: 'false',
      EnableMultiFactorAuth: 'false',
    });
  });
  it('uses the IDaaS parameter spelling and keeps Port a number', () => {
    const value = createSslVpnServerSchema.parse({
      clientIpPool: '192.168.1.0/24',
      localSubnet: ['10.0.0.0/8', '172.16.0.0/12'],
      regionId: 'cn-shanghai',
      vpnGatewayId: 'vpn-1',
      name: 'sslvpnname',
      port: 1195,
      enableMultiFactorAuth: true,
      idaasInstanceId: 'idaas-cn-hangzhou-p1',
      idaasRegionId: 'cn-hangzhou',
    });
    const { params } = toCreateSslVpnServerParams(value);
    expect(params).toMatchObject({
      Name: 'sslvpnname',
      LocalSubnet: '10.0.0.0/8,172.16.0.0/12',
      Port: 1195,
      EnableMultiFactorAuth: true,
      IDaaSInstanceId: 'idaas-cn-hangzhou-p1',
      IDaaSRegionId: 'cn-hangzhou',
    });
    expect(params).not.toHaveProperty('DryRun');
  });
});

describe('toModifySslVpnServerParams', () => {
  it('sends only the ids and what changed', () => {
    const value = modifySslVpnServerSchema.parse({
      regionId: 'cn-shanghai',
      sslVpnServerId: 'vss-1',
      cipher: 'none',
    });
    expect(toModifySslVpnServerParams(value)).toEqual({
      action: 'ModifySslVpnServer',
      params: { RegionId: 'cn-shanghai', SslVpnServerId: 'vss-1', Cipher: 'none' },
    });
  });
});
