import { describe, expect, it } from 'vitest';
import { gatewayTypeFromVpnType } from '../common/gateway-type';
import { cloudErrorBodySchema } from './common';
import {
  createCustomerGatewayResponseSchema,
  describeCustomerGatewaysResponseSchema,
} from './customer-gateway';
import {
  createIpsecServerResponseSchema,
  listIpsecServersResponseSchema,
  updateIpsecServerResponseSchema,
} from './ipsec-server';
import { describeRegionsResponseSchema } from './regions';
import {
  createSslVpnServerResponseSchema,
  describeSslVpnServersResponseSchema,
} from './ssl-vpn-server';
import {
  createVpnConnectionResponseSchema,
  describeVpnConnectionResponseSchema,
  describeVpnConnectionsResponseSchema,
} from './vpn-connection';
import { describeVpnGatewayResponseSchema, describeVpnGatewaysResponseSchema } from './vpn-gateway';

/** json-bigint (used by pop-core) builds objects without a prototype. */
function prototypeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prototypeless);
  if (value === null || typeof value !== 'object') return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = prototypeless(v);
  return out;
}

describe('write responses (seed examples)', () => {
  it('parses CreateIpsecServer (seed 001 JSON example)', () => {
    const body = {
      CreationTime: '2021-02-22T03:24:28Z',
      IpsecServerId: 'iss-bp1jougp8cfsbo8y9****',
      RequestId: '690A967E-D4CD-4B69-8C78-94FE828BA10B',
      IpsecServerName: 'test',
      VpnGatewayId: 'vpn-bp17lofy9fd0dnvzv****',
      RegionId: 'cn-hangzhou',
    };
    expect(createIpsecServerResponseSchema.parse(prototypeless(body))).toEqual(body);
    expect(updateIpsecServerResponseSchema.parse({ RequestId: 'B61C08E5' })).toEqual({
      RequestId: 'B61C08E5',
    });
  });
  it('parses CreateVpnConnection (seed 002) and accepts CreateTime as a string', () => {
    const body = {
      RequestId: 'CCBFF5D5',
      CreateTime: 1613806468000,
      VpnConnectionId: 'vco-bp1dfksi8lnbvbegl****',
    };
    expect(createVpnConnectionResponseSchema.parse(body)).toEqual(body);
    expect(
      createVpnConnectionResponseSchema.parse({ ...body, CreateTime: '1613806468000' }).CreateTime,
    ).toBe(1613806468000);
  });
  it('parses CreateSslVpnServer (seed 003) and CreateCustomerGateway', () => {
    const ssl = {
      RequestId: 'E98A9651',
      SslVpnServerId: 'vss-bp18q7hzj6largv4v****',
      Name: 'test',
    };
    expect(createSslVpnServerResponseSchema.parse(ssl)).toEqual(ssl);
    const cgw = {
      RequestId: 'R',
      CustomerGatewayId: 'cgw-1',
      IpAddress: '203.0.113.1',
      CreateTime: 1,
    };
    expect(createCustomerGatewayResponseSchema.parse(cgw)).toEqual(cgw);
  });
  it('refuses a write response without its id', () => {
    expect(createVpnConnectionResponseSchema.safeParse({ RequestId: 'R' }).success).toBe(false);
  });
});

describe('read responses', () => {
  it('parses DescribeRegions list wrappers and keeps unknown fields', () => {
    const parsed = describeRegionsResponseSchema.parse(
      prototypeless({
        RequestId: 'R',
        Regions: {
          Region: [
            {
              RegionId: 'cn-hangzhou',
              LocalName: '华东1（杭州）',
              RegionEndpoint: 'vpc.aliyuncs.com',
              Extra: 1,
            },
          ],
        },
      }),
    );
    expect(parsed.Regions.Region[0]).toMatchObject({ RegionId: 'cn-hangzhou', Extra: 1 });
  });
  it('reads a missing or empty list as empty', () => {
    expect(
      describeVpnGatewaysResponseSchema.parse({ RequestId: 'R', TotalCount: 0 }).VpnGateways
        .VpnGateway,
    ).toEqual([]);
    expect(
      describeVpnConnectionsResponseSchema.parse({ VpnConnections: {} }).VpnConnections
        .VpnConnection,
    ).toEqual([]);
  });
  it('parses a VPN gateway with string-typed numbers and booleans', () => {
    const parsed = describeVpnGatewayResponseSchema.parse({
      RequestId: 'R',
      VpnGatewayId: 'vpn-1',
      Status: 'active',
      VpnType: 'NationalStandard',
      SslMaxConnections: '5',
      EnableBgp: 'true',
      CreateTime: 1613806468000,
      NewFieldFrom2027: { x: 1 },
    });
    expect(parsed).toMatchObject({
      SslMaxConnections: 5,
      EnableBgp: true,
      NewFieldFrom2027: { x: 1 },
    });
    expect(gatewayTypeFromVpnType(parsed.VpnType)).toBe('sm');
    expect(gatewayTypeFromVpnType('Normal')).toBe('standard');
    expect(gatewayTypeFromVpnType(undefined)).toBe('standard');
  });
  it('parses DescribeVpnConnection with health check and BGP blocks', () => {
    const parsed = describeVpnConnectionResponseSchema.parse({
      RequestId: 'R',
      VpnConnectionId: 'vco-1',
      Status: 'ipsec_sa_established',
      State: 'active',
      CreateTime: 1,
      IkeConfig: { IkeVersion: 'ikev1', IkeLifetime: '86400', Psk: 'secret' },
      IpsecConfig: { IpsecLifetime: 86400 },
      VcoHealthCheck: { Enable: 'false', Interval: 3, Retry: '3' },
      VpnBgpConfig: { EnableBgp: 'true', LocalAsn: 45104, TunnelCidr: '169.254.11.0/30' },
      TunnelOptionsSpecification: {
        TunnelOptions: [{ TunnelId: 'tun-1', TunnelIndex: '1', EnableDpd: 'true' }],
      },
    });
    expect(parsed.IkeConfig?.IkeLifetime).toBe(86400);
    expect(parsed.VcoHealthCheck).toMatchObject({ Enable: false, Retry: 3 });
    expect(parsed.VpnBgpConfig).toMatchObject({ EnableBgp: true, LocalAsn: 45104 });
    expect(parsed.TunnelOptionsSpecification?.TunnelOptions[0]).toMatchObject({
      TunnelIndex: 1,
      EnableDpd: true,
    });
  });
  it('parses ListIpsecServers with its plain array', () => {
    const parsed = listIpsecServersResponseSchema.parse({
      RequestId: 'R',
      TotalCount: 1,
      NextToken: '',
      MaxResults: 10,
      IpsecServers: [
        {
          IpsecServerId: 'iss-1',
          PskEnabled: true,
          OnlineClientCount: '2',
          IkeConfig: { IkeLifetime: 86400 },
        },
      ],
    });
    expect(parsed.IpsecServers[0]).toMatchObject({ IpsecServerId: 'iss-1', OnlineClientCount: 2 });
  });
  it('parses DescribeSslVpnServers and DescribeCustomerGateways', () => {
    const ssl = describeSslVpnServersResponseSchema.parse({
      SslVpnServers: {
        SslVpnServer: [{ SslVpnServerId: 'vss-1', Port: '1194', Compress: 'false', Proto: 'UDP' }],
      },
      TotalCount: '1',
    });
    expect(ssl.SslVpnServers.SslVpnServer[0]).toMatchObject({ Port: 1194, Compress: false });
    expect(ssl.TotalCount).toBe(1);
    const cgw = describeCustomerGatewaysResponseSchema.parse({
      CustomerGateways: {
        CustomerGateway: [{ CustomerGatewayId: 'cgw-1', Asn: 65001, IpAddress: '203.0.113.1' }],
      },
    });
    expect(cgw.CustomerGateways.CustomerGateway[0]?.Asn).toBe(65001);
  });
  it('refuses garbage where a number or a boolean belongs', () => {
    expect(
      describeSslVpnServersResponseSchema.safeParse({
        SslVpnServers: { SslVpnServer: [{ SslVpnServerId: 'v', Port: 'abc' }] },
      }).success,
    ).toBe(false);
    expect(
      describeVpnGatewayResponseSchema.safeParse({ VpnGatewayId: 'v', EnableBgp: 'yes' }).success,
    ).toBe(false);
  });
});

describe('cloudErrorBodySchema', () => {
  it('parses the gateway error body', () => {
    const body = {
      RequestId: 'R',
      HostId: 'vpc.aliyuncs.com',
      Code: 'Throttling.User',
      Message: 'Request was denied due to user flow control.',
      Recommend: 'https://api.aliyun.com/troubleshoot?q=Throttling.User',
    };
    expect(cloudErrorBodySchema.parse(body)).toEqual(body);
    expect(cloudErrorBodySchema.safeParse({ RequestId: 'R' }).success).toBe(false);
  });
});
