import { Config } from '@alicloud/openapi-client';
import Vpc, { DownloadVpnConnectionConfigRequest } from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, callError, KEY, popClient, str, withEmulator } from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await withEmulator();
});
afterEach(async () => {
  await emulator.close();
});

const hz = { RegionId: 'cn-hangzhou' };
const established = DEMO_IDS.connections.established;

const describeSchema = z.looseObject({
  LocalSubnet: z.string(),
  RemoteSubnet: z.string(),
  InternetIp: z.string(),
  CustomerGatewayId: z.string(),
  IkeConfig: z.looseObject({ Psk: z.string(), LocalId: z.string(), RemoteId: z.string() }),
  IpsecConfig: z.looseObject({ IpsecPfs: z.string() }),
});

const configSchema = z.strictObject({
  RequestId: z.string(),
  VpnConnectionConfig: z.strictObject({
    Local: z.string(),
    Remote: z.string(),
    LocalSubnet: z.string(),
    RemoteSubnet: z.string(),
    IkeConfig: z.strictObject({
      IkeVersion: z.string(),
      IkeMode: z.string(),
      IkeEncAlg: z.string(),
      IkeAuthAlg: z.string(),
      IkePfs: z.string(),
      IkeLifetime: z.number(),
      Psk: z.string(),
      LocalId: z.string(),
      RemoteId: z.string(),
    }),
    IpsecConfig: z.strictObject({
      IpsecEncAlg: z.string(),
      IpsecAuthAlg: z.string(),
      IpsecPfs: z.string(),
      IpsecLifetime: z.number(),
    }),
  }),
});

describe('DownloadVpnConnectionConfig', () => {
  it('answers the connection from the customer device point of view (pop-core)', async () => {
    const client = popClient(emulator.url);
    const conn = describeSchema.parse(
      await call(client, 'DescribeVpnConnection', { ...hz, VpnConnectionId: established }),
    );
    const cgw = await call(client, 'DescribeCustomerGateway', {
      ...hz,
      CustomerGatewayId: conn.CustomerGatewayId,
    });
    const body = configSchema.parse(
      await call(client, 'DownloadVpnConnectionConfig', { ...hz, VpnConnectionId: established }),
    );
    const config = body.VpnConnectionConfig;
    expect(config.Local).toBe(str(cgw, 'IpAddress'));
    expect(config.Remote).toBe(conn.InternetIp);
    // Mirrored: the device's local side is the data centre, its remote side the VPC.
    expect(config.LocalSubnet).toBe(conn.RemoteSubnet);
    expect(config.RemoteSubnet).toBe(conn.LocalSubnet);
    expect(config.IkeConfig.LocalId).toBe(conn.IkeConfig.RemoteId);
    expect(config.IkeConfig.RemoteId).toBe(conn.IkeConfig.LocalId);
    expect(config.IkeConfig.Psk).toBe(conn.IkeConfig.Psk);
    expect(config.IpsecConfig.IpsecPfs).toBe(conn.IpsecConfig.IpsecPfs);
    // The demo seed's addresses are documentation addresses (tests bind them in namespaces).
    expect(config.Remote).toMatch(/^192\.0\.2\./);
    expect(config.Local).toMatch(/^(203\.0\.113|198\.51\.100)\./);
  });

  it('follows a change of the connection', async () => {
    const client = popClient(emulator.url);
    await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: established,
      IkeConfig: JSON.stringify({ IkeVersion: 'ikev2', IkeEncAlg: 'aes256', Psk: 'Changed-Psk-1' }),
      IpsecConfig: JSON.stringify({ IpsecPfs: 'disabled' }),
    });
    const config = configSchema.parse(
      await call(client, 'DownloadVpnConnectionConfig', { ...hz, VpnConnectionId: established }),
    ).VpnConnectionConfig;
    expect(config.IkeConfig).toMatchObject({
      IkeVersion: 'ikev2',
      IkeEncAlg: 'aes256',
      Psk: 'Changed-Psk-1',
    });
    expect(config.IpsecConfig.IpsecPfs).toBe('disabled');
  });

  it('reads through the official SDK into its response model', async () => {
    const sdk = new Vpc(
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      new Config({
        accessKeyId: KEY.accessKeyId,
        accessKeySecret: KEY.accessKeySecret,
        endpoint: emulator.url.replace('http://', ''),
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    );
    const response = await sdk.downloadVpnConnectionConfig(
      new DownloadVpnConnectionConfigRequest({
        regionId: 'cn-hangzhou',
        vpnConnectionId: established,
      }),
    );
    expect(response.statusCode).toBe(200);
    const config = response.body?.vpnConnectionConfig;
    expect(config?.remote).toMatch(/^192\.0\.2\./);
    expect(config?.ikeConfig?.psk).toMatch(/.+/);
    expect(config?.ikeConfig?.ikeLifetime).toBeTypeOf('number');
    expect(config?.ipsecConfig?.ipsecEncAlg).toMatch(/^(aes|aes192|aes256|des|3des|sm4)$/);
  });

  it('an unknown connection is InvalidVpnConnectionInstanceId.NotFound (404)', async () => {
    const error = await callError(popClient(emulator.url), 'DownloadVpnConnectionConfig', {
      ...hz,
      VpnConnectionId: 'vco-doesnotexist00000001',
    });
    expect(error.code).toBe('InvalidVpnConnectionInstanceId.NotFound');
    expect(error.status).toBe(404);
  });
});
