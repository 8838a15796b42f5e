import {
  DeleteCustomerGatewayRequest,
  DescribeCustomerGatewaysRequest,
  ModifyCustomerGatewayAttributeRequest,
} from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  callError,
  list,
  popClient,
  sdkClient,
  sdkError,
  str,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';

const hz = { RegionId: 'cn-hangzhou' };
let emulator: RunningEmulator;
let client: ReturnType<typeof popClient>;

beforeEach(async () => {
  emulator = await withEmulator();
  client = popClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

describe('customer gateways', () => {
  it('creates one (synchronously) and lists it', async () => {
    const created = await call(client, 'CreateCustomerGateway', {
      ...hz,
      IpAddress: '192.0.2.77',
      Name: 'branch',
      Asn: '65001',
      Description: 'HQ',
    });
    const id = str(created, 'CustomerGatewayId');
    expect(id).toMatch(/^cgw-/);
    expect(typeof created.CreateTime).toBe('number');
    const [item] = list(
      await call(client, 'DescribeCustomerGateways', { ...hz, CustomerGatewayId: id }),
      'CustomerGateways',
      'CustomerGateway',
    );
    expect(item).toMatchObject({
      CustomerGatewayId: id,
      IpAddress: '192.0.2.77',
      Name: 'branch',
      Asn: 65001,
      Description: 'HQ',
    });
  });

  const cases: Array<[string, Record<string, string>, string]> = [
    ['duplicate IP', { IpAddress: '203.0.113.10' }, 'InvalidIpAddress.AlreadyExist'],
    ['malformed IP', { IpAddress: '300.1.1.1' }, 'InvalidIpAddress.WrongFormat'],
    ['reserved IP', { IpAddress: '127.0.0.1' }, 'InvalidIpAddress.WrongFormat'],
    ['bad name', { IpAddress: '192.0.2.1', Name: 'https://x' }, 'InvalidName'],
    [
      'bad description',
      { IpAddress: '192.0.2.1', Description: 'd'.repeat(101) },
      'InvalidDescription',
    ],
    ['ASN 45104', { IpAddress: '192.0.2.1', Asn: '45104' }, 'InvalidParameter'],
    ['missing IP', {}, 'MissingParameter'],
  ];
  it.each(cases)('%s → %s', async (_label, extra, code) => {
    expect((await callError(client, 'CreateCustomerGateway', { ...hz, ...extra })).code).toBe(code);
  });

  it('counts name and description length in characters (𠀀 is one, not two UTF-16 units)', async () => {
    const wide = '\u{20000}';
    const created = await call(client, 'CreateCustomerGateway', {
      ...hz,
      IpAddress: '192.0.2.78',
      Name: wide.repeat(100),
      Description: wide.repeat(100),
    });
    expect(str(created, 'CustomerGatewayId')).toMatch(/^cgw-/);
    const tooLong = await callError(client, 'CreateCustomerGateway', {
      ...hz,
      IpAddress: '192.0.2.79',
      Name: wide.repeat(101),
    });
    expect(tooLong.code).toBe('InvalidName');
  });

  it('lists the demo customer gateways of a region only', async () => {
    const listed = await call(client, 'DescribeCustomerGateways', { ...hz, PageSize: 50 });
    const ids = list(listed, 'CustomerGateways', 'CustomerGateway').map((c) => c.CustomerGatewayId);
    expect(ids).toContain(DEMO_IDS.customerGateways.cooperative);
    expect(ids).not.toContain(DEMO_IDS.customerGateways.smPeer);
  });

  it('renames and redescribes one with the official SDK, and the list shows it', async () => {
    const vpc = sdkClient(emulator.url);
    const id = DEMO_IDS.customerGateways.free;
    const answer = await vpc.modifyCustomerGatewayAttribute(
      new ModifyCustomerGatewayAttributeRequest({
        regionId: 'cn-hangzhou',
        customerGatewayId: id,
        name: 'branch-renamed',
        description: 'moved to rack 4',
        clientToken: 'rename-free-1',
      }),
    );
    expect(answer.body).toMatchObject({
      customerGatewayId: id,
      name: 'branch-renamed',
      description: 'moved to rack 4',
    });
    expect(answer.body?.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const listed = await vpc.describeCustomerGateways(
      new DescribeCustomerGatewaysRequest({ regionId: 'cn-hangzhou', customerGatewayId: id }),
    );
    expect(listed.body?.customerGateways?.customerGateway?.[0]).toMatchObject({
      name: 'branch-renamed',
      description: 'moved to rack 4',
    });
  });

  it('refuses a bad name or description and an unknown id (pop-core)', async () => {
    const id = DEMO_IDS.customerGateways.free;
    expect(
      (
        await callError(client, 'ModifyCustomerGatewayAttribute', {
          ...hz,
          CustomerGatewayId: id,
          Name: 'http://x',
        })
      ).code,
    ).toBe('InvalidName');
    expect(
      (
        await callError(client, 'ModifyCustomerGatewayAttribute', {
          ...hz,
          CustomerGatewayId: id,
          Description: 'd'.repeat(101),
        })
      ).code,
    ).toBe('InvalidDescription');
    const missing = await callError(client, 'ModifyCustomerGatewayAttribute', {
      ...hz,
      CustomerGatewayId: 'cgw-bp1nosuchgateway0001',
      Name: 'x',
    });
    expect(missing.code).toBe('InvalidCustomerGatewayInstanceId.NotFound');
  });

  it('deletes an unused one with the official SDK; it is gone from the list', async () => {
    const vpc = sdkClient(emulator.url);
    const id = DEMO_IDS.customerGateways.free;
    await vpc.deleteCustomerGateway(
      new DeleteCustomerGatewayRequest({ regionId: 'cn-hangzhou', customerGatewayId: id }),
    );
    const listed = await call(client, 'DescribeCustomerGateways', { ...hz, PageSize: 50 });
    const ids = list(listed, 'CustomerGateways', 'CustomerGateway').map((c) => c.CustomerGatewayId);
    expect(ids).not.toContain(id);
    const again = await sdkError(() =>
      vpc.deleteCustomerGateway(
        new DeleteCustomerGatewayRequest({ regionId: 'cn-hangzhou', customerGatewayId: id }),
      ),
    );
    expect(again).toMatchObject({
      code: 'InvalidCustomerGatewayInstanceId.NotFound',
      statusCode: 404,
    });
  });

  it.each([
    ['a single-tunnel connection', DEMO_IDS.customerGateways.cooperative],
    ['a tunnel of a dual-tunnel connection', DEMO_IDS.customerGateways.dualB],
  ])('refuses to delete one used by %s (DependencyViolation.VpnConnection)', async (_l, id) => {
    const vpc = sdkClient(emulator.url);
    const refused = await sdkError(() =>
      vpc.deleteCustomerGateway(
        new DeleteCustomerGatewayRequest({ regionId: 'cn-hangzhou', customerGatewayId: id }),
      ),
    );
    expect(refused).toMatchObject({ code: 'DependencyViolation.VpnConnection', statusCode: 400 });
    const listed = await call(client, 'DescribeCustomerGateways', {
      ...hz,
      CustomerGatewayId: id,
    });
    expect(list(listed, 'CustomerGateways', 'CustomerGateway')).toHaveLength(1);
  });
});
