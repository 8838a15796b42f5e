import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createVpnConnectionSchema } from '../vpn-connection/schema';
import { collectIssues } from './issues';

function collect(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a refusal');
  return collectIssues(result.error);
}

describe('collectIssues: zod built-in issues', () => {
  it('maps a missing field to REQUIRED even without our error customiser', () => {
    expect(collect(z.object({ a: z.string() }), {})).toEqual([{ path: 'a', code: 'REQUIRED' }]);
  });
  it('maps a wrong type to INVALID_TYPE with the expected type', () => {
    expect(collect(z.object({ a: z.string() }), { a: 1 })).toEqual([
      { path: 'a', code: 'INVALID_TYPE', params: { expected: 'string' } },
    ]);
  });
  it('maps each unknown key to UNKNOWN_KEY at its own path', () => {
    expect(collect(z.strictObject({ o: z.strictObject({}) }), { o: { x: 1, y: 2 } })).toEqual([
      { path: 'o.x', code: 'UNKNOWN_KEY', params: { key: 'x' } },
      { path: 'o.y', code: 'UNKNOWN_KEY', params: { key: 'y' } },
    ]);
  });
  it('maps lengths and ranges with their bounds', () => {
    expect(collect(z.string().max(3), 'abcd')).toEqual([
      { path: '', code: 'TOO_LONG', params: { max: 3 } },
    ]);
    expect(collect(z.array(z.string()).min(1), [])).toEqual([
      { path: '', code: 'TOO_SHORT', params: { min: 1 } },
    ]);
    expect(collect(z.number().max(5), 6)).toEqual([
      { path: '', code: 'TOO_LARGE', params: { max: 5 } },
    ]);
    expect(collect(z.number().min(5), 4)).toEqual([
      { path: '', code: 'TOO_SMALL', params: { min: 5 } },
    ]);
    expect(collect(z.number().int(), 1.5)).toEqual([{ path: '', code: 'NOT_INTEGER' }]);
  });
  it('maps enums with their options and formats', () => {
    expect(collect(z.enum(['a', 'b']), 'c')).toEqual([
      { path: '', code: 'INVALID_ENUM', params: { values: 'a, b' } },
    ]);
    expect(collect(z.string().regex(/^x$/), 'y')).toEqual([{ path: '', code: 'INVALID_FORMAT' }]);
  });
  it('keeps an unknown custom message as INVALID_VALUE', () => {
    expect(
      collect(
        z.string().refine(() => false, 'something'),
        'x',
      ),
    ).toEqual([{ path: '', code: 'INVALID_VALUE' }]);
  });
});

describe('collectIssues: our rules', () => {
  it('gives dotted paths with array indexes and the rule parameters', () => {
    const schema = createVpnConnectionSchema({ gatewayType: 'standard' });
    const issues = collect(schema, {
      regionId: 'cn-shanghai',
      vpnGatewayId: 'vpn-1',
      customerGatewayId: 'cgw-1',
      localSubnet: ['10.0.0.0/24', '10.0.1.1/24'],
      remoteSubnet: ['10.2.0.0/24'],
      ikeConfig: { ikeEncAlg: 'sm4', ikeLifetime: 90000 },
    });
    expect(issues).toEqual([
      { path: 'localSubnet.1', code: 'CIDR_NOT_CANONICAL', params: { expected: '10.0.1.0/24' } },
      {
        path: 'ikeConfig.ikeEncAlg',
        code: 'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
        params: { gatewayType: 'standard', values: 'aes, aes192, aes256, des, 3des' },
      },
      { path: 'ikeConfig.ikeLifetime', code: 'LIFETIME_RANGE', params: { min: 0, max: 86400 } },
    ]);
  });
});
