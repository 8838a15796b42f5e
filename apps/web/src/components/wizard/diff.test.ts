import { describe, expect, it } from 'vitest';
import { changedFields, diffValues, flatten } from './diff';

describe('wizard diff', () => {
  it('flattens nested values and lists into dotted paths', () => {
    expect(
      flatten({ a: 'x', list: ['10.0.0.0/8', '192.168.0.0/16'], n: { b: 1, c: true, d: '' } }),
    ).toEqual({
      a: 'x',
      list: '10.0.0.0/8, 192.168.0.0/16',
      'n.b': '1',
      'n.c': 'true',
    });
  });

  it('lists changed fields and words secrets only as changed or unchanged', () => {
    const before = { name: 'a', ikeConfig: { ikeEncAlg: 'aes', ikeLifetime: 86400 } };
    expect(
      diffValues(
        before,
        { name: 'b', ikeConfig: { ikeEncAlg: 'aes', ikeLifetime: 3600 }, psk: 'new-key' },
        ['psk'],
      ),
    ).toEqual([
      { path: 'name', secret: false, before: 'a', after: 'b' },
      { path: 'ikeConfig.ikeLifetime', secret: false, before: '86400', after: '3600' },
      { path: 'psk', secret: true, changed: true },
    ]);
    expect(diffValues(before, before, ['psk'])).toEqual([
      { path: 'psk', secret: true, changed: false },
    ]);
  });

  it('builds a change body of only the differing fields', () => {
    const before = {
      name: 'a',
      localSubnet: ['10.0.0.0/8'],
      ikeConfig: { ikeEncAlg: 'aes', ikePfs: 'group2' },
    };
    const after = {
      name: 'a',
      localSubnet: ['10.0.0.0/8', '10.1.0.0/16'],
      ikeConfig: { ikeEncAlg: 'aes256', ikePfs: 'group2', psk: 'k' },
      psk: undefined,
    };
    expect(changedFields(before, after, ['psk', 'ikeConfig.psk'])).toEqual({
      localSubnet: ['10.0.0.0/8', '10.1.0.0/16'],
      ikeConfig: { ikeEncAlg: 'aes256', psk: 'k' },
    });
  });
});
