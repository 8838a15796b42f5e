// IPv4 CIDR utilities shared by the browser, the BFF and the VPC emulator.
// Address parsing is delegated to ipaddr.js; arithmetic is done on unsigned 32-bit integers.
// Nothing here throws on malformed input: predicates answer false, finders skip the entry.
import ipaddr from 'ipaddr.js';

export type Ipv4Cidr = {
  /** The text as given. */
  text: string;
  /** The address part as given (may have host bits set). */
  address: string;
  prefix: number;
  /** First address of the block, unsigned 32-bit. */
  network: number;
  /** Last address of the block, unsigned 32-bit. */
  broadcast: number;
};

export type CidrOverlap = { a: string; b: string; indexA: number; indexB: number };

/** Ranges the VPN gateway refuses for client pools, local subnets and customer gateway addresses. */
export const RESERVED_RANGES = [
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '224.0.0.0/4',
  '255.0.0.0/8',
] as const;

/**
 * Where a peer (customer gateway) cannot be: the reserved ranges and 0.0.0.0/8, "this network",
 * which no device answers from (issue 17: 0.0.0.0 was accepted as a customer gateway's IP).
 */
export const UNUSABLE_PEER_RANGES = ['0.0.0.0/8', ...RESERVED_RANGES] as const;

const PREFIX_PATTERN = /^(?:0|[1-9]\d?)$/;

/**
 * Validity answers by address text. Forms re-validate the same strings on every keystroke, so a
 * small bounded memo keeps ipaddr.js's (comparatively slow) validation off the hot path.
 */
const addressMemo = new Map<string, number | null>();
const ADDRESS_MEMO_LIMIT = 4096;

function addressValue(address: string): number | undefined {
  const hit = addressMemo.get(address);
  if (hit !== undefined) return hit ?? undefined;
  let value: number | null = null;
  // ipaddr.js decides validity (four decimal parts 0–255, no leading zeros); after that the text
  // is plain digits and dots, so the value is summed directly.
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) {
    value = 0;
    for (const part of address.split('.')) value = value * 256 + Number(part);
  }
  if (addressMemo.size >= ADDRESS_MEMO_LIMIT) addressMemo.clear();
  addressMemo.set(address, value);
  return value ?? undefined;
}

/** Strict dotted-quad IPv4 address: four decimal parts 0–255, no leading zeros, nothing else. */
export function isIpv4Address(text: string): boolean {
  return addressValue(text) !== undefined;
}

/** The address as an unsigned 32-bit integer, or undefined when it is not a strict dotted quad. */
export function ipv4ToInt(address: string): number | undefined {
  return addressValue(address);
}

/** Dotted quad of an unsigned 32-bit integer (values are taken modulo 2^32). */
export function intToIpv4(value: number): string {
  const v = ((Math.trunc(value) % 2 ** 32) + 2 ** 32) % 2 ** 32;
  return [
    Math.floor(v / 2 ** 24) % 256,
    Math.floor(v / 2 ** 16) % 256,
    Math.floor(v / 2 ** 8) % 256,
    v % 256,
  ].join('.');
}

function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Parses `a.b.c.d/n` (n 0–32). Host bits may be set; see {@link isCanonical}. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return undefined;
  const address = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!PREFIX_PATTERN.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > 32) return undefined;
  const value = ipv4ToInt(address);
  if (value === undefined) return undefined;
  const size = blockSize(prefix);
  const network = Math.floor(value / size) * size;
  return { text, address, prefix, network, broadcast: network + size - 1 };
}

/** A bare address is treated as a /32. */
function parseCidrOrAddress(text: string): Ipv4Cidr | undefined {
  if (text.includes('/')) return parseCidr(text);
  const value = ipv4ToInt(text);
  if (value === undefined) return undefined;
  return { text, address: text, prefix: 32, network: value, broadcast: value };
}

/** True when the CIDR is well formed and its address is the network address (`10.0.0.1/24` is not). */
export function isCanonical(text: string): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && ipv4ToInt(cidr.address) === cidr.network;
}

/** The canonical form (`10.0.0.1/24` → `10.0.0.0/24`), or undefined when malformed. */
export function canonicalize(text: string): string | undefined {
  const cidr = parseCidr(text);
  return cidr === undefined ? undefined : `${intToIpv4(cidr.network)}/${cidr.prefix}`;
}

/** True when the CIDR is well formed and min ≤ prefix ≤ max. */
export function prefixWithin(text: string, min: number, max: number): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && cidr.prefix >= min && cidr.prefix <= max;
}

/** True when every address of `inner` (a CIDR or a bare address) lies inside `outer` (a CIDR). */
export function contains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidrOrAddress(inner);
  if (o === undefined || i === undefined) return false;
  return i.network >= o.network && i.broadcast <= o.broadcast;
}

/** True when the two blocks (CIDRs or bare addresses) share at least one address. */
export function overlaps(a: string, b: string): boolean {
  const x = parseCidrOrAddress(a);
  const y = parseCidrOrAddress(b);
  if (x === undefined || y === undefined) return false;
  return x.network <= y.broadcast && y.network <= x.broadcast;
}

/** Every pair (one from each list) that overlaps. Malformed entries are skipped. */
export function findOverlaps(listA: readonly string[], listB: readonly string[]): CidrOverlap[] {
  const parsedB = listB.map(parseCidrOrAddress);
  const result: CidrOverlap[] = [];
  listA.forEach((a, indexA) => {
    const x = parseCidrOrAddress(a);
    if (x === undefined) return;
    parsedB.forEach((y, indexB) => {
      if (y !== undefined && x.network <= y.broadcast && y.network <= x.broadcast) {
        result.push({ a, b: y.text, indexA, indexB });
      }
    });
  });
  return result;
}

/** Every pair of distinct entries of one list that overlap (indexA < indexB). */
export function findOverlapsWithin(list: readonly string[]): CidrOverlap[] {
  const parsed = list.map(parseCidrOrAddress);
  const result: CidrOverlap[] = [];
  for (let i = 0; i < parsed.length; i += 1) {
    const x = parsed[i];
    if (x === undefined) continue;
    for (let j = i + 1; j < parsed.length; j += 1) {
      const y = parsed[j];
      if (y !== undefined && x.network <= y.broadcast && y.network <= x.broadcast) {
        result.push({ a: x.text, b: y.text, indexA: i, indexB: j });
      }
    }
  }
  return result;
}

/** Indexes of entries that denote the same block as an earlier entry (compared canonically). */
export function findDuplicates(list: readonly string[]): number[] {
  const seen = new Set<string>();
  const result: number[] = [];
  list.forEach((entry, index) => {
    const key = canonicalize(entry) ?? entry;
    if (seen.has(key)) result.push(index);
    else seen.add(key);
  });
  return result;
}

const parsedRanges = new Map<string, Ipv4Cidr | undefined>();

function parseRange(range: string): Ipv4Cidr | undefined {
  if (!parsedRanges.has(range)) parsedRanges.set(range, parseCidr(range));
  return parsedRanges.get(range);
}

/** The first range of `ranges` (default {@link RESERVED_RANGES}) that the block overlaps. */
export function reservedRangeOf(
  cidrOrAddress: string,
  ranges: readonly string[] = RESERVED_RANGES,
): string | undefined {
  const block = parseCidrOrAddress(cidrOrAddress);
  if (block === undefined) return undefined;
  return ranges.find((range) => {
    const r = parseRange(range);
    return r !== undefined && r.network <= block.broadcast && block.network <= r.broadcast;
  });
}
