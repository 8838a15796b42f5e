// How long a full CreateVpnConnection parse takes (it runs on every keystroke in the wizard).
// Prints median and p95 over many iterations after a warm-up. Run:
//   npx --yes pnpm@10.34.8 --filter @vpn-console/shared run bench
import { collectIssues } from '../src/errors/issues';
import { toCreateVpnConnectionParams } from '../src/vpn-connection/rpc';
import { createVpnConnectionSchema } from '../src/vpn-connection/schema';

const fullValue = {
  regionId: 'cn-shanghai',
  vpnGatewayId: 'vpn-bp1q8bgx4xnkm0001',
  customerGatewayId: 'cgw-bp1hgslrq1afztya0001',
  name: 'shanghai-idc-primary',
  localSubnet: ['10.1.1.0/24', '10.1.2.0/24', '10.1.3.0/24', '172.16.0.0/16'],
  remoteSubnet: ['10.2.1.0/24', '10.2.2.0/24', '192.168.0.0/16'],
  effectImmediately: true,
  ikeConfig: {
    psk: 'Str0ng!Pre$hared#Key',
    ikeVersion: 'ikev2',
    ikeMode: 'main',
    ikeEncAlg: 'aes256',
    ikeAuthAlg: 'sha256',
    ikePfs: 'group14',
    ikeLifetime: 28800,
    localId: '192.0.2.10',
    remoteId: 'idc.example.com',
  },
  ipsecConfig: {
    ipsecEncAlg: 'aes256',
    ipsecAuthAlg: 'sha256',
    ipsecPfs: 'group14',
    ipsecLifetime: 3600,
  },
  healthCheckConfig: { enable: true, dip: '192.168.10.1', sip: '10.1.1.10', interval: 3, retry: 3 },
  autoConfigRoute: true,
  enableDpd: true,
  enableNatTraversal: true,
  bgpConfig: {
    enableBgp: true,
    localAsn: 65001,
    tunnelCidr: '169.254.11.0/30',
    localBgpIp: '169.254.11.1',
  },
  clientToken: '02fb3da4-130e-11e9-8e44-0016e04115b0',
};

/** A typical mid-edit value with several mistakes (the error path costs more). */
const invalidValue = {
  ...fullValue,
  localSubnet: ['10.1.1.1/24', '10.1.2.0/24', '10.1.2.0/24'],
  ikeConfig: { ...fullValue.ikeConfig, psk: 'has space', ikeLifetime: 90000 },
  bgpConfig: { ...fullValue.bgpConfig, localBgpIp: '169.254.12.1' },
};

const schema = createVpnConnectionSchema({ gatewayType: 'standard' });

/**
 * 4000 distinct full values (every address differs), so cidr.ts's address memo misses: the
 * worst case, e.g. pasting a new value. Typing changes one field, so most addresses are memo hits.
 */
const coldValues = Array.from({ length: 4000 }, (_, i) => {
  const a = 1 + (i % 200);
  const b = Math.floor(i / 200);
  return {
    ...fullValue,
    localSubnet: [
      `10.${a}.${b}.0/24`,
      `10.${a}.${b + 100}.0/24`,
      `11.${a}.${b}.0/24`,
      `172.${16 + (i % 16)}.${b}.0/24`,
    ],
    remoteSubnet: [`192.${a}.${b}.0/24`, `193.${a}.${b}.0/24`, `194.${a}.${b}.0/24`],
    healthCheckConfig: {
      ...fullValue.healthCheckConfig,
      dip: `192.${a}.${b}.1`,
      sip: `10.${a}.${b}.10`,
    },
    bgpConfig: {
      ...fullValue.bgpConfig,
      tunnelCidr: `169.254.${10 + b}.${(a % 60) * 4}/30`,
      localBgpIp: `169.254.${10 + b}.${(a % 60) * 4 + 1}`,
    },
  };
});

function measure(label: string, run: () => unknown, iterations: number, warmup: number): void {
  for (let i = 0; i < warmup; i += 1) run();
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i += 1) {
    const start = performance.now();
    run();
    samples[i] = performance.now() - start;
  }
  samples.sort();
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(
    `${label.padEnd(64)} median ${us(at(0.5)).padStart(10)}  p95 ${us(at(0.95)).padStart(10)}  p99 ${us(at(0.99)).padStart(10)}  (n=${iterations})`,
  );
}

// Make sure the benchmark measures what it claims.
const ok = schema.safeParse(fullValue);
if (!ok.success)
  throw new Error(`benchmark value is invalid: ${JSON.stringify(collectIssues(ok.error))}`);
for (const value of coldValues) {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new Error(`cold value is invalid: ${JSON.stringify(collectIssues(r.error))}`);
}
const bad = schema.safeParse(invalidValue);
if (bad.success) throw new Error('benchmark invalid value was accepted');

const ITERATIONS = 20000;
const WARMUP = 2000;
console.log(`node ${process.version}, zod parse of CreateVpnConnection (standard gateway)`);
measure(
  'valid full value (BGP + health check): safeParse',
  () => schema.safeParse(fullValue),
  ITERATIONS,
  WARMUP,
);
measure(
  'valid full value: safeParse + RPC mapping',
  () => {
    const r = schema.safeParse(fullValue);
    return r.success ? toCreateVpnConnectionParams(r.data) : undefined;
  },
  ITERATIONS,
  WARMUP,
);
measure(
  'invalid value (5 issues): safeParse + collectIssues',
  () => {
    const r = schema.safeParse(invalidValue);
    return r.success ? [] : collectIssues(r.error);
  },
  ITERATIONS,
  WARMUP,
);
let next = 0;
measure(
  'valid full value, every address new (memo misses): safeParse',
  () => {
    next = (next + 1) % coldValues.length;
    return schema.safeParse(coldValues[next]);
  },
  ITERATIONS,
  WARMUP,
);
measure(
  'schema factory lookup (memoised) + safeParse',
  () => createVpnConnectionSchema({ gatewayType: 'standard' }).safeParse(fullValue),
  ITERATIONS,
  WARMUP,
);
