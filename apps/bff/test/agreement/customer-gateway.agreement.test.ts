// CreateCustomerGateway (reference §5.3, §6.4): every documented rule through the console's schema +
// rpc.ts and as hand-built params. No DryRun on this API: the emulator is reseeded before each call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCreateCustomerGatewayParams } from '@vpn-console/shared/customer-gateway/rpc';
import { createCustomerGatewaySchema } from '@vpn-console/shared/customer-gateway/schema';
import { ISSUE_CODES as C } from '@vpn-console/shared/errors/issue-codes';
import {
  DEMO_IDS,
  defineTable,
  expectRow,
  rep,
  rowsFor,
  runRow,
  startCloud,
  type AgreementCase,
  type Cloud,
} from './harness';

const HZ = DEMO_IDS.regions.hangzhou;

const table = defineTable({
  action: 'CreateCustomerGateway',
  mode: { kind: 'reset' },
  schema: () => createCustomerGatewaySchema,
  toRpc: toCreateCustomerGatewayParams,
});

// The customer gateway is regional, not tied to a VPN gateway: any Hangzhou gateway gives the context.
const r = rowsFor({
  gateway: DEMO_IDS.gateways.free1,
  form: { regionId: HZ, ipAddress: '198.51.100.77' },
  raw: { RegionId: HZ, IpAddress: '198.51.100.77' },
});

const rows: AgreementCase[] = [
  r.ok('only the IP address; minimal raw request', {}, {}),
  r.ok(
    'a private address (private-network connections)',
    { ipAddress: '10.8.0.1' },
    { IpAddress: '10.8.0.1' },
  ),
  r.refused(
    'IP address malformed',
    { ipAddress: '198.51.100' },
    C.IPV4_INVALID,
    'InvalidIpAddress.WrongFormat',
    { IpAddress: '198.51.100' },
  ),
  r.refused(
    'IP address with a leading zero',
    { ipAddress: '198.051.100.7' },
    C.IPV4_INVALID,
    'InvalidIpAddress.WrongFormat',
    { IpAddress: '198.051.100.7' },
  ),
  ...[
    '0.0.0.0',
    '0.1.2.3',
    '100.64.0.1',
    '127.0.0.1',
    '169.254.1.1',
    '224.0.0.5',
    '239.255.255.250',
    '255.0.0.1',
  ].map((ip) =>
    r.refused(
      `IP address in an unusable range (${ip})`,
      { ipAddress: ip },
      C.IP_ADDRESS_RESERVED,
      'InvalidIpAddress.WrongFormat',
      { IpAddress: ip },
    ),
  ),
  r.known(
    'IP address already used by another customer gateway in the region',
    { ipAddress: '203.0.113.10' },
    { console: 'ok', cloud: 'InvalidIpAddress.AlreadyExist' },
    { IpAddress: '203.0.113.10' },
    'Uniqueness is region state only the cloud holds; the BFF shows its error.',
  ),
  // name / description: 1–100, not http(s)://
  r.ok(
    'name and description of 1 character',
    { name: 'b', description: 'd' },
    { Name: 'b', Description: 'd' },
  ),
  r.ok(
    'name and description of 100 characters, any characters',
    { name: rep('名', 100), description: `1 ${rep('d', 98)}` },
    { Name: rep('名', 100), Description: `1 ${rep('d', 98)}` },
  ),
  r.ok(
    'name of 100 characters outside the BMP (𠀀 counts as one)',
    { name: rep('\u{20000}', 100) },
    { Name: rep('\u{20000}', 100) },
  ),
  r.refused('name of 101 characters', { name: rep('n', 101) }, C.NAME_LENGTH, 'InvalidName', {
    Name: rep('n', 101),
  }),
  r.refused(
    'name starting with http://',
    { name: 'http://branch' },
    C.NAME_HTTP_PREFIX,
    'InvalidName',
    { Name: 'http://branch' },
  ),
  r.refused(
    'description of 101 characters',
    { description: rep('d', 101) },
    C.DESCRIPTION_LENGTH,
    'InvalidDescription',
    { Description: rep('d', 101) },
  ),
  r.refused(
    'description starting with https://',
    { description: 'https://x' },
    C.DESCRIPTION_HTTP_PREFIX,
    'InvalidDescription',
    { Description: 'https://x' },
  ),
  // ASN: 1–4294967295, not 45104, decimal or a.b
  r.ok('ASN 65000', { asn: 65000 }, { Asn: '65000' }),
  r.ok('ASN 4294967295', { asn: '4294967295' }, { Asn: '4294967295' }),
  r.ok('ASN in the a.b form', { asn: '1.10' }, { Asn: '1.10' }),
  r.refused(
    'ASN 45104 (Alibaba Cloud side)',
    { asn: 45104 },
    C.ASN_RESERVED_45104,
    'InvalidParameter',
    { Asn: '45104' },
  ),
  r.refused('ASN 0', { asn: 0 }, C.ASN_RANGE, 'InvalidParameter', { Asn: '0' }),
  r.refused('ASN 4294967296', { asn: '4294967296' }, C.ASN_RANGE, 'InvalidParameter', {
    Asn: '4294967296',
  }),
  r.refused(
    'ASN a.b with a part above 65535',
    { asn: '65536.1' },
    C.ASN_INVALID,
    'InvalidParameter',
    { Asn: '65536.1' },
  ),
  r.refused('ASN not a number', { asn: 'AS65000' }, C.ASN_INVALID, 'InvalidParameter', {
    Asn: 'AS65000',
  }),
  // BGP AuthKey: 1–64 ASCII, no spaces, no Chinese, no `?`
  r.ok(
    'AuthKey of 64 ASCII characters with symbols',
    { authKey: `${rep('k', 60)}!#$%` },
    { AuthKey: `${rep('k', 60)}!#$%` },
  ),
  r.refused(
    'AuthKey of 65 characters',
    { authKey: rep('k', 65) },
    C.AUTH_KEY_LENGTH,
    'InvalidParameter',
    { AuthKey: rep('k', 65) },
  ),
  r.refused(
    'AuthKey with a space',
    { authKey: 'bgp key' },
    C.AUTH_KEY_CHARSET,
    'InvalidParameter',
    { AuthKey: 'bgp key' },
  ),
  r.refused('AuthKey with ?', { authKey: 'key?' }, C.AUTH_KEY_CHARSET, 'InvalidParameter', {
    AuthKey: 'key?',
  }),
  r.refused('AuthKey with Chinese', { authKey: '密钥' }, C.AUTH_KEY_CHARSET, 'InvalidParameter', {
    AuthKey: '密钥',
  }),
  // ClientToken
  r.ok(
    'ClientToken of 64 characters',
    { clientToken: rep('z', 64) },
    { ClientToken: rep('z', 64) },
  ),
  r.refused(
    'ClientToken of 65 characters',
    { clientToken: rep('z', 65) },
    C.CLIENT_TOKEN_LENGTH,
    'InvalidParameter',
    { ClientToken: rep('z', 65) },
  ),
];

describe('CreateCustomerGateway: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_, row) => {
    expectRow(row, await runRow(cloud, table, row));
  });

  it('an accepted request really created the customer gateway with the ASN as a number', async () => {
    const row = r.ok('with BGP', { name: 'branch', asn: '1.10' });
    expectRow(row, await runRow(cloud, table, row));
    const created = cloud.emulator
      .snapshot()
      .customerGateways.find((g) => g.IpAddress === '198.51.100.77');
    expect(created).toMatchObject({ Name: 'branch', Asn: 65546 });
  });
});
