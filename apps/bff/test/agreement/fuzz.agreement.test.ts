// Generated form values for the free-text and numeric fields: whatever fast-check produces, the console
// refuses it ⇔ the cloud refuses it (DryRun calls; the documented known differences are excluded).
import fc from 'fast-check';
import { overlaps } from '@vpn-console/shared/cidr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refineClientPoolSize,
  refineClientPoolVsVpc,
} from '@vpn-console/shared/common/client-pool';
import { toCreateCustomerGatewayParams } from '@vpn-console/shared/customer-gateway/rpc';
import { createCustomerGatewaySchema } from '@vpn-console/shared/customer-gateway/schema';
import { toCreateSslVpnServerParams } from '@vpn-console/shared/ssl-vpn-server/rpc';
import { createSslVpnServerSchema } from '@vpn-console/shared/ssl-vpn-server/schema';
import { toCreateVpnConnectionParams } from '@vpn-console/shared/vpn-connection/rpc';
import { createVpnConnectionSchema } from '@vpn-console/shared/vpn-connection/schema';
import {
  DEMO_IDS,
  defineTable,
  runRow,
  startCloud,
  type AgreementCase,
  type AgreementTable,
  type Cloud,
  type GatewayFacts,
} from './harness';

const G = DEMO_IDS.gateways;
const HZ = DEMO_IDS.regions.hangzhou;
const RUNS = Number(process.env['AGREEMENT_FUZZ_RUNS'] ?? '60');

const connection = defineTable({
  action: 'CreateVpnConnection',
  mode: { kind: 'dryRun', dryRunWire: true },
  schema: (gw: GatewayFacts) => createVpnConnectionSchema({ gatewayType: gw.gatewayType }),
  toRpc: toCreateVpnConnectionParams,
});

const ssl = defineTable({
  action: 'CreateSslVpnServer',
  mode: { kind: 'dryRun', dryRunWire: true },
  schema: (gw: GatewayFacts) =>
    createSslVpnServerSchema
      .superRefine(refineClientPoolSize(gw.sslMaxConnections))
      .superRefine(refineClientPoolVsVpc(gw.vpcCidrs)),
  toRpc: toCreateSslVpnServerParams,
});

const customerGateway = defineTable({
  action: 'CreateCustomerGateway',
  mode: { kind: 'reset' },
  schema: () => createCustomerGatewaySchema,
  toRpc: toCreateCustomerGatewayParams,
});

const connectionForm = {
  regionId: HZ,
  vpnGatewayId: G.free1,
  customerGatewayId: DEMO_IDS.customerGateways.free,
  localSubnet: ['172.20.0.0/16'],
  remoteSubnet: ['10.50.0.0/16'],
};
const sslForm = {
  regionId: HZ,
  vpnGatewayId: G.free1,
  clientIpPool: '10.30.0.0/24',
  localSubnet: ['172.20.0.0/16'],
};

const chars = (alphabet: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

const NAME_ALPHABET = [
  'a',
  'Z',
  '中',
  '\u{20000}',
  '0',
  '9',
  '.',
  '_',
  '-',
  ' ',
  '/',
  ':',
  'h',
  't',
  'p',
];
const PSK_ALPHABET = [
  'a',
  'Z',
  '0',
  '~',
  '!',
  '`',
  '@',
  '#',
  '"',
  "'",
  '?',
  '/',
  ' ',
  '中',
  '\\',
  '\t',
];
const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const octet = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 9 },
  { arbitrary: fc.integer({ min: 256, max: 999 }), weight: 1 },
);
const ipText = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
const prefix = fc.integer({ min: 0, max: 33 });
/** Half the time a network address (host bits cleared), so accepted blocks are generated too. */
const cidrText = fc.oneof(
  fc.tuple(ipText, prefix).map(([ip, p]) => `${ip}/${String(p)}`),
  fc
    .tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 }))
    .map(([n, p]) => {
      const network = p === 0 ? 0 : (n >>> (32 - p)) << (32 - p);
      const o = [24, 16, 8, 0].map((shift) => String((network >>> shift) & 255));
      return `${o.join('.')}/${String(p)}`;
    }),
);
/** Pools near the valid space: 10.x.y.0 with prefixes /14–/31 (network address), or anything. */
const poolText = fc.oneof(
  cidrText,
  fc
    .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 14, max: 31 }))
    .map(([x, p]) => `10.${String(x)}.0.0/${String(p)}`),
);
/** Local subnets: the gateway's VPC, one of its blocks, or anything. */
const sslLocalText = fc.oneof(
  cidrText,
  fc.constantFrom('172.20.0.0/16', '172.20.3.0/24', '10.0.0.0/8'),
);
const VALID_NAME_TAIL = ['a', 'Z', '中', '\u{20000}', '0', '9', '.', '_', '-'];
/**
 * Names: any mix of the alphabet, lengths around the current API's limit of 100 characters, and
 * texts starting with (or almost with) a URL scheme.
 */
const nameText = fc.oneof(
  chars(NAME_ALPHABET, 1, 130),
  chars(VALID_NAME_TAIL, 95, 105),
  fc
    .tuple(
      fc.constantFrom('http://', 'HTTPS://', 'http:/', 'https:', 'ftp://'),
      chars(VALID_NAME_TAIL, 0, 10),
    )
    .map(([head, tail]) => head + tail),
);

type Tally = { accepted: number; refused: number };

/**
 * Sends one generated row (console verdict vs cloud verdict on the console's params, or on the raw
 * params when the console refuses), counts the outcome and returns whether the two sides agreed.
 */
async function agrees(
  cloud: Cloud,
  table: AgreementTable,
  row: AgreementCase,
  tally: Tally,
): Promise<boolean> {
  const result = await runRow(cloud, table, row);
  if (result.console === 'ok') tally.accepted += 1;
  else tally.refused += 1;
  return (result.console === 'ok') === (result.cloud === 'ok');
}

/** The generators must reach both outcomes, or the property proves little. */
function expectBothOutcomes(tally: Tally): void {
  expect(tally.accepted).toBeGreaterThan(0);
  expect(tally.refused).toBeGreaterThan(0);
}

describe('generated values: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it('IPsec connection names (current API: 1–100, not http(s)://)', async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(nameText, async (name) =>
        agrees(
          cloud,
          connection,
          {
            name,
            gateway: G.free1,
            form: { ...connectionForm, name },
            console: 'ok',
            cloud: 'ok',
            raw: {
              RegionId: HZ,
              VpnGatewayId: G.free1,
              CustomerGatewayId: DEMO_IDS.customerGateways.free,
              LocalSubnet: '172.20.0.0/16',
              RemoteSubnet: '10.50.0.0/16',
              Name: name,
            },
          },
          tally,
        ),
      ),
      { numRuns: RUNS },
    );
    expectBothOutcomes(tally);
  });

  it('pre-shared keys inside IkeConfig', async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(chars(PSK_ALPHABET, 1, 102), async (psk) =>
        agrees(
          cloud,
          connection,
          {
            name: psk,
            gateway: G.free1,
            form: { ...connectionForm, ikeConfig: { psk } },
            console: 'ok',
            cloud: 'ok',
            raw: {
              RegionId: HZ,
              VpnGatewayId: G.free1,
              CustomerGatewayId: DEMO_IDS.customerGateways.free,
              LocalSubnet: '172.20.0.0/16',
              RemoteSubnet: '10.50.0.0/16',
              IkeConfig: JSON.stringify({ Psk: psk }),
            },
          },
          tally,
        ),
      ),
      { numRuns: RUNS },
    );
    expectBothOutcomes(tally);
  });

  it('remote subnets (one CIDR each, any text a user could type)', async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    // A remote subnet overlapping the local one is a known, documented difference (a row of
    // vpn-connection.agreement.test.ts and the README): the console refuses it, the cloud not.
    const apartFromLocal = cidrText.filter((cidr) => !overlaps(cidr, '172.20.0.0/16'));
    await fc.assert(
      fc.asyncProperty(apartFromLocal, async (cidr) =>
        agrees(
          cloud,
          connection,
          {
            name: cidr,
            gateway: G.free1,
            form: { ...connectionForm, remoteSubnet: [cidr] },
            console: 'ok',
            cloud: 'ok',
            raw: {
              RegionId: HZ,
              VpnGatewayId: G.free1,
              CustomerGatewayId: DEMO_IDS.customerGateways.free,
              LocalSubnet: '172.20.0.0/16',
              RemoteSubnet: cidr,
            },
          },
          tally,
        ),
      ),
      { numRuns: RUNS },
    );
    expectBothOutcomes(tally);
  });

  it('SSL-VPN client pools, local subnets and ports', async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        poolText,
        sslLocalText,
        fc.oneof(fc.integer({ min: -2, max: 65540 }), fc.constantFrom(22, 443, 500, 4500, 1194)),
        async (pool, local, port) =>
          agrees(
            cloud,
            ssl,
            {
              name: `${pool} ${local} ${String(port)}`,
              gateway: G.free1,
              form: { ...sslForm, clientIpPool: pool, localSubnet: [local], port },
              console: 'ok',
              cloud: 'ok',
              raw: {
                RegionId: HZ,
                VpnGatewayId: G.free1,
                ClientIpPool: pool,
                LocalSubnet: local,
                Port: port,
              },
            },
            tally,
          ),
      ),
      { numRuns: RUNS * 2 },
    );
    expectBothOutcomes(tally);
  });

  it('customer gateway IP, ASN, AuthKey and ClientToken', async () => {
    const tally: Tally = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(
        ipText,
        fc.oneof(
          fc.integer({ min: 0, max: 4294967297 }).map(String),
          fc
            .tuple(fc.integer({ min: 0, max: 65537 }), fc.integer({ min: 0, max: 65537 }))
            .map(([a, b]) => `${String(a)}.${String(b)}`),
          fc.constant('45104'),
        ),
        chars([...ASCII, '中'], 1, 66),
        chars([...ASCII, 'é', '\t'], 1, 66),
        async (ip, asn, authKey, clientToken) =>
          agrees(
            cloud,
            customerGateway,
            {
              name: `${ip} ${asn}`,
              gateway: G.free1,
              form: { regionId: HZ, ipAddress: ip, asn, authKey, clientToken },
              console: 'ok',
              cloud: 'ok',
              raw: {
                RegionId: HZ,
                IpAddress: ip,
                Asn: asn,
                AuthKey: authKey,
                ClientToken: clientToken,
              },
            },
            tally,
          ),
      ),
      { numRuns: RUNS * 2 },
    );
    expectBothOutcomes(tally);
  });

  it('every generated row above really reached the cloud', () => {
    const calls = cloud.emulator.calls();
    expect(calls['CreateVpnConnection'] ?? 0).toBeGreaterThanOrEqual(RUNS * 3);
    expect(calls['CreateSslVpnServer'] ?? 0).toBeGreaterThanOrEqual(RUNS * 2);
    expect(calls['CreateCustomerGateway'] ?? 0).toBeGreaterThanOrEqual(RUNS * 2);
  });
});
