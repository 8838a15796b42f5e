import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  contains,
  findDuplicates,
  findOverlaps,
  findOverlapsWithin,
  intToIpv4,
  ipv4ToInt,
  isCanonical,
  isIpv4Address,
  overlaps,
  parseCidr,
  prefixWithin,
  reservedRangeOf,
} from './cidr';

const uint32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const prefix = fc.integer({ min: 0, max: 32 });
/** Any canonical CIDR. */
const cidrArb = fc.tuple(uint32, prefix).map(([value, p]) => {
  const size = 2 ** (32 - p);
  return `${intToIpv4(Math.floor(value / size) * size)}/${p}`;
});

/** Reference model: the set-of-addresses view, computed independently with bigint masks. */
function bounds(cidr: string): [bigint, bigint] {
  const [address = '', p = '0'] = cidr.split('/');
  const value = address.split('.').reduce((acc, part) => acc * 256n + BigInt(part), 0n);
  const hostBits = 32n - BigInt(p);
  const mask = ((1n << 32n) - 1n) ^ ((1n << hostBits) - 1n);
  const network = value & mask;
  return [network, network + (1n << hostBits) - 1n];
}

describe('isIpv4Address', () => {
  it.each(['0.0.0.0', '10.0.0.1', '255.255.255.255', '192.168.1.1'])('accepts %s', (a) => {
    expect(isIpv4Address(a)).toBe(true);
  });
  it.each([
    '',
    '10.0.0',
    '10.0.0.256',
    '010.0.0.1',
    '10.0.0.1/32',
    ' 10.0.0.1',
    '1.2.3.4.5',
    '::1',
  ])('refuses %j', (a) => {
    expect(isIpv4Address(a)).toBe(false);
  });
});

describe('parseCidr / isCanonical / canonicalize', () => {
  it('parses the block bounds', () => {
    expect(parseCidr('10.0.0.1/24')).toEqual({
      text: '10.0.0.1/24',
      address: '10.0.0.1',
      prefix: 24,
      network: ipv4ToInt('10.0.0.0'),
      broadcast: ipv4ToInt('10.0.0.255'),
    });
    expect(parseCidr('0.0.0.0/0')?.broadcast).toBe(2 ** 32 - 1);
  });
  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '10.0.0.0/08',
    '10.0.0.0/',
    '10.0.0.0/24/1',
    'a.b.c.d/8',
    '10.0.0.0/-1',
  ])('refuses malformed %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
    expect(isCanonical(text)).toBe(false);
  });
  it('tells canonical network addresses apart', () => {
    expect(isCanonical('10.0.0.0/24')).toBe(true);
    expect(isCanonical('10.0.0.1/24')).toBe(false);
    expect(isCanonical('10.0.0.1/32')).toBe(true);
    expect(canonicalize('10.0.0.1/24')).toBe('10.0.0.0/24');
    expect(canonicalize('192.168.77.5/16')).toBe('192.168.0.0/16');
  });
  it('checks prefix bounds', () => {
    expect(prefixWithin('10.0.0.0/16', 16, 29)).toBe(true);
    expect(prefixWithin('10.0.0.0/29', 16, 29)).toBe(true);
    expect(prefixWithin('10.0.0.0/15', 16, 29)).toBe(false);
    expect(prefixWithin('10.0.0.0/30', 16, 29)).toBe(false);
    expect(prefixWithin('garbage', 0, 32)).toBe(false);
  });
  it('round-trips integers and addresses', () => {
    fc.assert(
      fc.property(uint32, (v) => {
        expect(ipv4ToInt(intToIpv4(v))).toBe(v);
      }),
    );
  });
});

describe('contains / overlaps (examples)', () => {
  it('handles nested, disjoint and adjacent blocks', () => {
    expect(contains('10.0.0.0/8', '10.1.0.0/16')).toBe(true);
    expect(contains('10.1.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(contains('169.254.11.0/30', '169.254.11.1')).toBe(true);
    expect(contains('169.254.11.0/30', '169.254.11.4')).toBe(false);
    expect(overlaps('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(overlaps('10.0.0.0/23', '10.0.1.0/24')).toBe(true);
    expect(overlaps('bad', '10.0.0.0/8')).toBe(false);
  });
  it('lists overlapping pairs with indexes', () => {
    expect(
      findOverlaps(['10.0.0.0/24', '192.168.0.0/16'], ['172.16.0.0/12', '192.168.5.0/24']),
    ).toEqual([{ a: '192.168.0.0/16', b: '192.168.5.0/24', indexA: 1, indexB: 1 }]);
    expect(findOverlapsWithin(['10.0.0.0/8', '11.0.0.0/8', '10.2.0.0/16'])).toEqual([
      { a: '10.0.0.0/8', b: '10.2.0.0/16', indexA: 0, indexB: 2 },
    ]);
    expect(findDuplicates(['10.0.0.0/24', '10.0.1.0/24', '10.0.0.0/24'])).toEqual([2]);
  });
  it('finds reserved ranges', () => {
    expect(reservedRangeOf('100.64.1.0/24')).toBe('100.64.0.0/10');
    expect(reservedRangeOf('127.0.0.1')).toBe('127.0.0.0/8');
    expect(reservedRangeOf('169.254.0.0/30')).toBe('169.254.0.0/16');
    expect(reservedRangeOf('239.1.0.0/16')).toBe('224.0.0.0/4');
    expect(reservedRangeOf('255.1.0.0/16')).toBe('255.0.0.0/8');
    expect(reservedRangeOf('96.0.0.0/3')).toBe('100.64.0.0/10');
    expect(reservedRangeOf('100.63.0.0/16')).toBeUndefined();
    expect(reservedRangeOf('10.0.0.0/8')).toBeUndefined();
  });
});

describe('contains / overlaps (properties)', () => {
  it('overlaps agrees with the interval model and is symmetric', () => {
    fc.assert(
      fc.property(cidrArb, cidrArb, (a, b) => {
        const [a0, a1] = bounds(a);
        const [b0, b1] = bounds(b);
        const expected = a0 <= b1 && b0 <= a1;
        expect(overlaps(a, b)).toBe(expected);
        expect(overlaps(b, a)).toBe(expected);
      }),
    );
  });
  it('contains agrees with the interval model', () => {
    fc.assert(
      fc.property(cidrArb, cidrArb, (a, b) => {
        const [a0, a1] = bounds(a);
        const [b0, b1] = bounds(b);
        expect(contains(a, b)).toBe(b0 >= a0 && b1 <= a1);
      }),
    );
  });
  it('a block contains itself and every sub-block, and containment implies overlap', () => {
    fc.assert(
      fc.property(cidrArb, fc.integer({ min: 0, max: 32 }), uint32, (a, extra, pick) => {
        expect(contains(a, a)).toBe(true);
        const parsed = parseCidr(a);
        if (parsed === undefined) throw new Error('generator produced an invalid CIDR');
        const subPrefix = Math.min(32, parsed.prefix + (extra % (33 - parsed.prefix)));
        const span = parsed.broadcast - parsed.network + 1;
        const subSize = 2 ** (32 - subPrefix);
        const offset = Math.floor((pick % span) / subSize) * subSize;
        const sub = `${intToIpv4(parsed.network + offset)}/${subPrefix}`;
        expect(isCanonical(sub)).toBe(true);
        expect(contains(a, sub)).toBe(true);
        expect(overlaps(a, sub)).toBe(true);
      }),
    );
  });
  it('CIDR blocks are either nested or disjoint', () => {
    fc.assert(
      fc.property(cidrArb, cidrArb, (a, b) => {
        expect(overlaps(a, b)).toBe(contains(a, b) || contains(b, a));
      }),
    );
  });
  it('findOverlaps returns exactly the overlapping pairs', () => {
    fc.assert(
      fc.property(
        fc.array(cidrArb, { maxLength: 6 }),
        fc.array(cidrArb, { maxLength: 6 }),
        (la, lb) => {
          const found = findOverlaps(la, lb).map((o) => `${o.indexA}:${o.indexB}`);
          const expected: string[] = [];
          la.forEach((a, i) => {
            lb.forEach((b, j) => {
              if (overlaps(a, b)) expected.push(`${i}:${j}`);
            });
          });
          expect(found).toEqual(expected);
        },
      ),
    );
  });
  it('canonicalize is idempotent and the result contains the original address', () => {
    fc.assert(
      fc.property(uint32, prefix, (v, p) => {
        const text = `${intToIpv4(v)}/${p}`;
        const c = canonicalize(text);
        expect(c).toBeDefined();
        if (c === undefined) return;
        expect(canonicalize(c)).toBe(c);
        expect(isCanonical(c)).toBe(true);
        expect(contains(c, intToIpv4(v))).toBe(true);
      }),
    );
  });
});
