import { describe, expect, it } from 'vitest';
import { percentEncode, rpcSignature, rpcStringToSign } from './signature';

const ecsExample = new Map([
  ['AccessKeyId', 'testid'],
  ['Action', 'DescribeRegions'],
  ['Format', 'XML'],
  ['SignatureMethod', 'HMAC-SHA1'],
  ['SignatureNonce', '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf'],
  ['SignatureVersion', '1.0'],
  ['Timestamp', '2016-02-23T12:46:24Z'],
  ['Version', '2014-05-26'],
]);

const vpcVector = new Map([
  ['AccessKeyId', 'testid'],
  ['Action', 'DescribeVpnGateways'],
  ['Format', 'JSON'],
  ['PageNumber', '1'],
  ['PageSize', '10'],
  ['RegionId', 'cn-hangzhou'],
  ['SignatureMethod', 'HMAC-SHA1'],
  ['SignatureNonce', '123456789012'],
  ['SignatureVersion', '1.0'],
  ['Timestamp', '2024-01-01T00:00:00Z'],
  ['Version', '2016-04-28'],
]);

describe('RPC signature (reference §1.6 test vectors)', () => {
  it("reproduces Alibaba's documented ECS example for GET and POST", () => {
    expect(rpcSignature('GET', ecsExample, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    expect(rpcSignature('POST', ecsExample, 'testsecret')).toBe('MxbnVAM4w6sft9xjVpe/GCKueuk=');
  });

  it('reproduces the VPC DescribeVpnGateways vector for GET and POST', () => {
    expect(rpcSignature('GET', vpcVector, 'testsecret')).toBe('REy4gkB/GNQvt2s9gI+aK9gYvFY=');
    expect(rpcSignature('POST', vpcVector, 'testsecret')).toBe('VavHB6Ig8GKeuhnLRIL9IIcXl/U=');
  });

  it('ignores a Signature parameter and double-encodes values in the string to sign', () => {
    const withSignature = new Map([...vpcVector, ['Signature', 'anything']]);
    expect(rpcStringToSign('GET', withSignature)).toBe(rpcStringToSign('GET', vpcVector));
    expect(rpcStringToSign('GET', vpcVector)).toMatch(/^GET&%2F&AccessKeyId%3Dtestid%26/);
    expect(rpcStringToSign('GET', vpcVector)).toContain('2024-01-01T00%253A00%253A00Z');
  });

  it('percent-encodes per RFC 3986', () => {
    expect(percentEncode("a b*c~d!'()")).toBe('a%20b%2Ac~d%21%27%28%29');
    expect(percentEncode('国')).toBe('%E5%9B%BD');
  });
});
