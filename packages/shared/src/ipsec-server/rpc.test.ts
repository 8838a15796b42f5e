import { describe, expect, it } from 'vitest';
import { asWireText, SEED_FILES, seedExampleParams } from '../../test/helpers';
import { toCreateIpsecServerParams, toUpdateIpsecServerParams } from './rpc';
import { createIpsecServerSchema, updateIpsecServerSchema } from './schema';

const ctx = { gatewayType: 'standard' } as const;

describe('toCreateIpsecServerParams', () => {
  it('reproduces the seed 001 example request exactly', () => {
    const value = createIpsecServerSchema(ctx).parse({
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-bp17lofy9fd0dnvzv****',
      localSubnet: ['192.168.0.0/24'],
      clientIpPool: '10.0.0.0/24',
      ipsecServerName: 'test',
      effectImmediately: true,
      ikeConfig: {
        ikeVersion: 'ikev2',
        ikeMode: 'main',
        ikeEncAlg: 'aes',
        ikeAuthAlg: 'sha1',
        ikePfs: 'group2',
        ikeLifetime: 86400,
      },
      ipsecConfig: {
        ipsecEncAlg: 'aes',
        ipsecAuthAlg: 'sha1',
        ipsecPfs: 'group2',
        ipsecLifetime: 86400,
      },
      pskEnabled: true,
      psk: 'Cfd123****',
      clientToken: 'd7d24a21-f4ba-4454-9173-b38****',
      dryRun: false,
    });
    const request = toCreateIpsecServerParams(value);
    expect(request.action).toBe('CreateIpsecServer');
    expect(asWireText(request.params)).toEqual(seedExampleParams(SEED_FILES.createIpsecServer));
  });

  it('types DryRun as the string the seed documents and spells IpSecServerName with a capital S', () => {
    const value = createIpsecServerSchema(ctx).parse({
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-1',
      localSubnet: ['192.168.0.0/24', '192.168.1.0/24'],
      clientIpPool: '10.0.0.0/24',
      ipsecServerName: 'srv',
      pskEnabled: true,
      dryRun: true,
    });
    const { params } = toCreateIpsecServerParams(value);
    expect(params.DryRun).toBe('true');
    expect(params.IpSecServerName).toBe('srv');
    expect(params).not.toHaveProperty('IpsecServerName');
    expect(params.LocalSubnet).toBe('192.168.0.0/24,192.168.1.0/24');
    expect(params.EffectImmediately).toBe(false);
    expect(params.PskEnabled).toBe(true);
    // Defaults are sent explicitly, as documented for the server.
    expect(JSON.parse(String(params.IkeConfig))).toEqual({
      IkeVersion: 'ikev2',
      IkeMode: 'main',
      IkeEncAlg: 'aes',
      IkeAuthAlg: 'sha1',
      IkePfs: 'group2',
      IkeLifetime: 86400,
    });
    expect(Object.values(params).map((v) => typeof v)).not.toContain('undefined');
    expect(params).not.toHaveProperty('Psk');
    expect(params).not.toHaveProperty('ClientToken');
  });

  it('puts LocalId / RemoteId into IkeConfig with PascalCase keys', () => {
    const value = createIpsecServerSchema(ctx).parse({
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-1',
      localSubnet: ['192.168.0.0/24'],
      clientIpPool: '10.0.0.0/24',
      pskEnabled: true,
      ikeConfig: { localId: 'server.example.com', remoteId: 'client.example.com' },
    });
    const ike: unknown = JSON.parse(String(toCreateIpsecServerParams(value).params.IkeConfig));
    expect(ike).toMatchObject({ LocalId: 'server.example.com', RemoteId: 'client.example.com' });
  });
});

describe('toUpdateIpsecServerParams', () => {
  it('reproduces the seed 004 example request exactly', () => {
    const value = updateIpsecServerSchema(ctx).parse({
      regionId: 'cn-shanghai',
      ipsecServerId: 'iss-bp1bo3xuvcxo7ixll****',
    });
    const request = toUpdateIpsecServerParams(value);
    expect(request.action).toBe('UpdateIpsecServer');
    expect(asWireText(request.params)).toEqual(seedExampleParams(SEED_FILES.updateIpsecServer));
  });

  it('spells IpsecServerName with a lower-case s and sends only what changed', () => {
    const value = updateIpsecServerSchema(ctx).parse({
      regionId: 'cn-shanghai',
      ipsecServerId: 'iss-1',
      ipsecServerName: 'renamed',
      ikeConfig: { ikeLifetime: 3600 },
      dryRun: false,
    });
    expect(toUpdateIpsecServerParams(value).params).toEqual({
      RegionId: 'cn-shanghai',
      IpsecServerId: 'iss-1',
      IpsecServerName: 'renamed',
      IkeConfig: '{"IkeLifetime":3600}',
      DryRun: 'false',
    });
  });
});
