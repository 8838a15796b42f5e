import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  callError,
  list,
  manualClock,
  popClient,
  str,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';

const hz = { RegionId: 'cn-hangzhou' };
let emulator: RunningEmulator;
let clock: ReturnType<typeof manualClock>;
let client: ReturnType<typeof popClient>;

beforeEach(async () => {
  clock = manualClock();
  emulator = await withEmulator({ updatingMs: 3000, clock: clock.now });
  client = popClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

describe('regions and gateways', () => {
  it('DescribeRegions lists at least three regions, in Chinese by default and in English on request', async () => {
    const zh = list(await call(client, 'DescribeRegions', {}), 'Regions', 'Region');
    expect(zh.map((r) => r.RegionId)).toEqual(
      expect.arrayContaining(['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1']),
    );
    expect(zh.find((r) => r.RegionId === 'cn-hangzhou')?.LocalName).toBe('华东1（杭州）');
    const en = list(
      await call(client, 'DescribeRegions', { AcceptLanguage: 'en-US' }),
      'Regions',
      'Region',
    );
    expect(en.find((r) => r.RegionId === 'ap-southeast-1')?.LocalName).toBe('Singapore');
    expect(en.find((r) => r.RegionId === 'cn-hangzhou')?.RegionEndpoint).toBe('vpc.aliyuncs.com');
  });

  it('the updating demo gateway settles to active after updatingMs', async () => {
    const status = async () =>
      str(
        await call(client, 'DescribeVpnGateway', {
          ...hz,
          VpnGatewayId: DEMO_IDS.gateways.updating,
        }),
        'Status',
      );
    expect(await status()).toBe('updating');
    clock.advance(3001);
    expect(await status()).toBe('active');
  });

  it('describes the demo variety: locked, SM, SSL disabled, old version', async () => {
    const one = (id: string, region = 'cn-hangzhou') =>
      call(client, 'DescribeVpnGateway', { RegionId: region, VpnGatewayId: id });
    expect((await one(DEMO_IDS.gateways.locked)).BusinessStatus).toBe('FinancialLocked');
    expect((await one(DEMO_IDS.gateways.sm, 'cn-shanghai')).VpnType).toBe('NationalStandard');
    expect((await one(DEMO_IDS.gateways.sslDisabled)).SslVpn).toBe('disable');
    const old = await one(DEMO_IDS.gateways.old);
    expect(JSON.parse(str(old, 'Tag'))).toMatchObject({
      VpnVersion: 'v1.0.0',
      VpnNewImage: 'false',
    });
    expect(typeof old.CreateTime).toBe('number');
    expect(typeof old.EndTime).toBe('number');
  });

  it('DescribeVpnGateways filters and pages inside VpnGateways.VpnGateway', async () => {
    const all = await call(client, 'DescribeVpnGateways', { ...hz, PageSize: 50 });
    expect(all.TotalCount).toBe(10);
    const updating = await call(client, 'DescribeVpnGateways', { ...hz, Status: 'updating' });
    expect(list(updating, 'VpnGateways', 'VpnGateway').map((g) => g.VpnGatewayId)).toEqual([
      DEMO_IDS.gateways.updating,
    ]);
    const locked = await call(client, 'DescribeVpnGateways', {
      ...hz,
      BusinessStatus: 'FinancialLocked',
    });
    expect(locked.TotalCount).toBe(1);
    const page2 = await call(client, 'DescribeVpnGateways', { ...hz, PageSize: 5, PageNumber: 2 });
    expect(page2).toMatchObject({ TotalCount: 10, PageNumber: 2, PageSize: 5 });
    expect(list(page2, 'VpnGateways', 'VpnGateway')).toHaveLength(5);
    expect(
      (await callError(client, 'DescribeVpnGateway', { ...hz, VpnGatewayId: DEMO_IDS.gateways.sm }))
        .code,
    ).toBe('InvalidVpnGatewayInstanceId.NotFound');
  });
});

describe('DescribeVpcAttribute', () => {
  it("answers the CIDR blocks of a gateway's VPC and NotFound for an unknown VPC", async () => {
    const gateway = emulator.snapshot().gateways.find((g) => g.RegionId === 'cn-hangzhou');
    if (gateway === undefined) throw new Error('the demo has a gateway in cn-hangzhou');
    const vpc = await call(client, 'DescribeVpcAttribute', { ...hz, VpcId: gateway.VpcId });
    expect(vpc.VpcId).toBe(gateway.VpcId);
    expect(vpc.CidrBlock).toBe(gateway.VpcCidrs[0]);
    expect(list(vpc, 'SecondaryCidrBlocks', 'SecondaryCidrBlock')).toEqual(
      gateway.VpcCidrs.slice(1),
    );
    const missing = await callError(client, 'DescribeVpcAttribute', { ...hz, VpcId: 'vpc-none' });
    expect(missing.code).toBe('InvalidVpcId.NotFound');
  });
});
