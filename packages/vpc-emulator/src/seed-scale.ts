// The scale seed (issue 18): a large account, deterministic from a seed number. By default 25
// regions, 1,000 gateways and 5,000 connections: a retailer with a tunnel per store and a service
// provider's customers, unevenly spread over regions, in a realistic mix of states (a few
// updating, overdue, 国密, dual-tunnel, BGP, SSL-VPN) and of negotiation outcomes (mostly up,
// some refused in phase 1 or 2, a wrong key, a stalled peer, and a few tunnels flapping).
import { z } from 'zod';
import { REGION_CATALOG, regionIdCode } from './regions';
import { connection, customerGateway, gateway, tunnel } from './seed';
import {
  cooperativePeer,
  emptyState,
  type Connection,
  type EmulatorState,
  type Gateway,
  type PeerProfile,
} from './state';

export const scaleOptionsSchema = z.object({
  /** Seed of the pseudo-random choices: the same number gives the same cloud. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(1),
  regions: z.number().int().min(1).max(REGION_CATALOG.length).default(25),
  gateways: z.number().int().min(0).max(10_000).default(1000),
  /** Average connections per gateway (the total is exactly gateways × this, rounded). */
  connectionsPerGateway: z.number().min(0).max(20).default(5),
});
export type ScaleOptions = z.input<typeof scaleOptionsSchema>;

/** mulberry32: small, fast, good enough to spread a seed; the same seed gives the same stream. */
export const seededRandom = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const CREATED = Date.UTC(2024, 5, 1, 0, 0, 0);
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const SPECS = ['5M', '10M', '20M', '50M', '100M', '200M', '500M', '1000M'] as const;
const CITIES = [
  'north',
  'south',
  'east',
  'west',
  'central',
  'harbour',
  'airport',
  'mall',
  'station',
  'campus',
] as const;
const CUSTOMERS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'stark',
  'wayne',
  'wonka',
  'tyrell',
  'cyberdyne',
] as const;

/** 198.18.0.0/15 (RFC 2544, benchmarking): gateways in 198.18/16, peers in 198.19/16. */
const benchIp = (second: 18 | 19, index: number): string =>
  `198.${second}.${(index >> 8) & 255}.${index & 255}`;

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** How many gateways each region holds: a few big regions, a long tail, none left empty. */
const spreadOverRegions = (gateways: number, regions: number, random: () => number): number[] => {
  const weights = Array.from({ length: regions }, (_, i) => (1 / (i + 1)) * (0.75 + random() / 2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * gateways));
  if (gateways >= regions) {
    for (let i = 0; i < regions; i += 1) {
      if ((counts[i] ?? 0) === 0) counts[i] = 1;
    }
  }
  let left = gateways - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % regions) {
    const current = counts[i] ?? 0;
    if (left > 0) {
      counts[i] = current + 1;
      left -= 1;
    } else if (current > 1) {
      counts[i] = current - 1;
      left += 1;
    }
  }
  return counts;
};

/** Connections per gateway: exactly `total`, uneven (some none, some many), under the quota. */
const spreadConnections = (
  gateways: number,
  total: number,
  quota: number,
  random: () => number,
): number[] => {
  const counts = Array.from(
    { length: gateways },
    (_, i) => Math.floor(((i + 1) * total) / gateways) - Math.floor((i * total) / gateways),
  );
  for (let k = 0; k < gateways * 2; k += 1) {
    const from = Math.floor(random() * gateways);
    const to = Math.floor(random() * gateways);
    const move = Math.min(
      counts[from] ?? 0,
      quota - (counts[to] ?? 0),
      1 + Math.floor(random() * 3),
    );
    if (from === to || move <= 0) continue;
    counts[from] = (counts[from] ?? 0) - move;
    counts[to] = (counts[to] ?? 0) + move;
  }
  return counts;
};

type Outcome = 'up' | 'ike-mismatch' | 'psk-mismatch' | 'ipsec-mismatch' | 'stalled' | 'flapping';

const outcomeOf = (random: () => number): Outcome => {
  const r = random();
  if (r < 0.04) return 'ike-mismatch';
  if (r < 0.07) return 'psk-mismatch';
  if (r < 0.09) return 'ipsec-mismatch';
  if (r < 0.11) return 'stalled';
  if (r < 0.12) return 'flapping';
  return 'up';
};

const peerFor = (outcome: Outcome, random: () => number): PeerProfile => {
  switch (outcome) {
    case 'up':
      return cooperativePeer;
    case 'ike-mismatch':
      return { ...cooperativePeer, ikeVersions: ['ikev2'], ikeEncAlgs: ['aes256'] };
    case 'psk-mismatch':
      return { ...cooperativePeer, psk: 'Another-Psk-Entirely' };
    case 'ipsec-mismatch':
      return { ...cooperativePeer, ipsecEncAlgs: ['aes256'], ipsecAuthAlgs: ['sha256'] };
    case 'stalled':
      return { ...cooperativePeer, stallPhase2: true };
    case 'flapping':
      // Down for 20–120 s every other 20–120 s.
      return { ...cooperativePeer, flapMs: 20_000 + Math.floor(random() * 100_000) };
  }
};

export interface ScaleFigures {
  regions: number;
  gateways: number;
  connections: number;
  flapping: number;
}

/**
 * The scale seed's state. `startedAt` and `updatingMs` place the end of update of the few
 * gateways that start `updating`; everything else follows from the options alone.
 */
export function scaleState(
  startedAt: number,
  updatingMs: number,
  input: ScaleOptions = {},
): EmulatorState {
  const options = scaleOptionsSchema.parse(input);
  const random = seededRandom(options.seed);
  // Ids come from their own stream, so the other choices do not shift when id rules change.
  const idRandom = seededRandom(options.seed ^ 0x5bd1e995);
  const state = emptyState();
  const newId = (prefix: string, regionId: string): string => {
    let body = '';
    for (let i = 0; i < 17; i += 1) body += pick(idRandom, ID_ALPHABET);
    return `${prefix}-${regionIdCode(regionId)}${body}`;
  };
  const regions = REGION_CATALOG.slice(0, options.regions);
  state.regions = regions.map((r) => r.RegionId);
  const perRegion = spreadOverRegions(options.gateways, regions.length, random);
  const total = Math.round(options.gateways * options.connectionsPerGateway);
  const quota = Math.max(10, Math.ceil(options.connectionsPerGateway * 3));
  const perGateway = spreadConnections(options.gateways, total, quota, random);

  let g = 0;
  let peers = 0;
  let subnet = 0;
  regions.forEach((region, r) => {
    for (let inRegion = 0; inRegion < (perRegion[r] ?? 0); inRegion += 1, g += 1) {
      const n = g + 1;
      const dual = random() < 0.15;
      const sm = random() < 0.05;
      const store = random() < 0.7;
      const zoneA = `${region.RegionId}-${pick(random, ['a', 'b', 'c', 'h', 'i', 'j', 'k'])}`;
      const zoneB = `${region.RegionId}-${pick(random, ['d', 'e', 'f', 'g', 'l', 'm', 'n'])}`;
      const stateRoll = random();
      const patch: Partial<Gateway> = {
        Name: store
          ? `store-${String(n).padStart(4, '0')}-${pick(random, CITIES)}`
          : `${pick(random, CUSTOMERS)}-${region.RegionId}-${String(inRegion + 1).padStart(2, '0')}`,
        Description: store ? 'Store uplink' : 'Customer site-to-site',
        VpcId: `vpc-${region.IdCode}scale${String(n).padStart(5, '0')}`,
        VSwitchId: `vsw-${region.IdCode}scale${String(n).padStart(5, '0')}`,
        VpcCidrs: ['172.16.0.0/16'],
        Spec: pick(random, SPECS),
        InternetIp: benchIp(18, g * 4 + 1),
        SslVpn: random() < 0.35 && !sm ? 'enable' : 'disable',
        SslVpnInternetIp: sm ? '' : benchIp(18, g * 4 + 2),
        EnableBgp: random() < 0.15,
        VpnType: sm ? 'NationalStandard' : 'Normal',
        ChargeType: random() < 0.7 ? 'PREPAY' : 'POSTPAY',
        CreateTime: CREATED + g * 3_600_000,
        EndTime: CREATED + 3 * 365 * 86_400_000,
        ConnectionQuota: quota,
        ResourceGroupId: store ? 'rg-acfmstores0000001' : 'rg-acfmcustomers0001',
        Tags: [{ Key: 'team', Value: store ? 'retail' : 'services' }],
        ...(stateRoll < 0.02 ? { UpdatingUntil: startedAt + updatingMs } : {}),
        ...(stateRoll >= 0.02 && stateRoll < 0.03 ? { BusinessStatus: 'FinancialLocked' } : {}),
        ...(dual
          ? {
              DisasterRecoveryInternetIp: benchIp(18, g * 4 + 3),
              DisasterRecoveryVSwitchId: `vsw-${region.IdCode}scale${String(n).padStart(5, '0')}dr`,
              TunnelZones: [zoneA, zoneB],
            }
          : {}),
      };
      const gw = gateway(newId('vpn', region.RegionId), region.RegionId, n, patch);
      state.gateways.push(gw);

      for (let c = 0; c < (perGateway[g] ?? 0); c += 1) {
        subnet += 1;
        const outcome = outcomeOf(random);
        const peer = () => {
          peers += 1;
          return customerGateway(
            newId('cgw', region.RegionId),
            region.RegionId,
            benchIp(19, peers),
            `${gw.Name}-peer-${c + 1}`,
            peerFor(outcome, random),
            peers,
          );
        };
        const first = peer();
        state.customerGateways.push(first);
        const connectionPatch: Partial<Connection> = {
          Name: `${gw.Name}-conn-${c + 1}`,
          RemoteSubnet: `10.${(subnet >> 8) & 255}.${subnet & 255}.0/24`,
          Psk: `ScalePsk${String(subnet).padStart(8, '0')}`,
          CreateTime: gw.CreateTime + (c + 1) * 600_000,
          EnableDpd: true,
        };
        const id = newId('vco', region.RegionId);
        if (dual) {
          const second = peer();
          state.customerGateways.push(second);
          const tunnels = [
            tunnel(newId('tun', region.RegionId), gw, first, 1, subnet, undefined),
            tunnel(newId('tun', region.RegionId), gw, second, 2, subnet, undefined),
          ];
          state.connections.push(
            connection(id, gw, first, subnet, { ...connectionPatch, Tunnels: tunnels }),
          );
        } else {
          state.connections.push(connection(id, gw, first, subnet, connectionPatch));
        }
      }
    }
  });
  return state;
}

/** What a scale state holds (for the command line and the benches). */
export const scaleFigures = (state: EmulatorState): ScaleFigures => {
  const flappingPeers = new Set(
    state.customerGateways
      .filter((c) => c.Peer.flapMs !== undefined)
      .map((c) => c.CustomerGatewayId),
  );
  return {
    regions: state.regions?.length ?? 0,
    gateways: state.gateways.length,
    connections: state.connections.length,
    flapping: state.connections.filter(
      (c) =>
        flappingPeers.has(c.CustomerGatewayId) ||
        c.Tunnels.some((t) => flappingPeers.has(t.CustomerGatewayId)),
    ).length,
  };
};
