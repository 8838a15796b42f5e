import { describe, expect, it } from 'vitest';
import { stripEmpty, toCloudError } from './pop-client';

describe('stripEmpty', () => {
  it('drops undefined, null and non-finite numbers (pop-core would send them as text)', () => {
    expect(stripEmpty({ A: 'x', B: undefined, C: null, D: 0, E: false, F: Number.NaN })).toEqual({
      A: 'x',
      D: 0,
      E: false,
    });
  });
});

describe('toCloudError', () => {
  it('maps a pop-core API error to code, status and RequestId without its message or URL', () => {
    const thrown = Object.assign(
      new Error('Specified gateway is configuring., URL: http://x/?AccessKeyId=LTAIsecret'),
      {
        code: 'VpnGateway.Configuring',
        data: { RequestId: 'REQ-1', Code: 'VpnGateway.Configuring', Message: 'busy' },
        entry: { response: { statusCode: 400, headers: { 'x-acs-request-id': 'REQ-1' } } },
      },
    );
    const error = toCloudError('UpdateIpsecServer', thrown);
    expect(error.kind).toBe('api');
    expect(error.code).toBe('VpnGateway.Configuring');
    expect(error.httpStatus).toBe(400);
    expect(error.requestId).toBe('REQ-1');
    expect(error.busy).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('LTAI');
    expect(JSON.stringify(error)).not.toContain('URL');
  });

  it('keeps the parameter a refusal names, and nothing else of its message', () => {
    const error = toCloudError('CreateVpnConnection', {
      code: 'InvalidParameter',
      data: {
        RequestId: 'R',
        Message:
          'The specified parameter "TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr" is not valid.',
      },
      entry: { response: { statusCode: 400, headers: {} } },
    });
    expect(error.parameter).toBe('TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr');
    expect(JSON.stringify(error)).not.toContain('not valid');
  });

  it('reads x-acs-retry-after from a throttling answer', () => {
    const error = toCloudError('DescribeRegions', {
      code: 'Throttling.User',
      data: { RequestId: 'R' },
      entry: { response: { statusCode: 400, headers: { 'x-acs-retry-after': '750' } } },
    });
    expect(error.throttled).toBe(true);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(750);
  });

  it('maps httpx timeouts, json-bigint plain-object throws and socket errors', () => {
    const timeout = toCloudError(
      'X',
      Object.assign(new Error('ReadTimeout'), { name: 'RequestTimeoutError' }),
    );
    expect([timeout.kind, timeout.code, timeout.httpStatus, timeout.ambiguous]).toEqual([
      'timeout',
      'UpstreamTimeout',
      504,
      true,
    ]);
    const html = toCloudError('X', {
      name: 'SyntaxError',
      message: "Unexpected '<'",
      text: '<html>',
    });
    expect([html.kind, html.code, html.retryable]).toEqual([
      'invalid-response',
      'UpstreamInvalidResponse',
      true,
    ]);
    const reset = toCloudError(
      'X',
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    );
    expect([reset.kind, reset.httpStatus]).toEqual(['network', 502]);
  });

  it('treats a 5xx API answer as ambiguous for writes and a 4xx one as not', () => {
    const server = toCloudError('CreateVpnConnection', {
      code: 'InternalError',
      data: {},
      entry: { response: { statusCode: 500, headers: {} } },
    });
    expect(server.ambiguous).toBe(true);
    const refused = toCloudError('CreateVpnConnection', {
      code: 'InvalidParameter',
      data: {},
      entry: { response: { statusCode: 400, headers: {} } },
    });
    expect(refused.ambiguous).toBe(false);
    expect(refused.retryable).toBe(false);
  });
});
