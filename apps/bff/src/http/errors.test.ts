import { describe, expect, it } from 'vitest';
import { CloudError } from '../cloud/errors';
import { HttpError, statusForCloudError, toApiError } from './errors';

const api = (code: string, httpStatus: number) =>
  new CloudError({ kind: 'api', code, httpStatus, action: 'X', requestId: 'R' });

describe('statusForCloudError', () => {
  it.each([
    [api('InvalidVpnGatewayInstanceId.NotFound', 404), 404],
    [api('VpnGateway.Configuring', 400), 409],
    [api('IdempotentParameterMismatch', 400), 409],
    [api('InvalidIpAddress.AlreadyExist', 400), 409],
    [api('Throttling.User', 400), 503],
    [api('ServiceUnavailable', 503), 502],
    [api('SignatureDoesNotMatch', 400), 502],
    [api('Forbidden', 403), 502],
    [api('IllegalParam.LocalSubnet', 400), 400],
    [
      new CloudError({ kind: 'timeout', code: 'UpstreamTimeout', httpStatus: 504, action: 'X' }),
      504,
    ],
  ])('%s → %i', (error, status) => {
    expect(statusForCloudError(error)).toBe(status);
  });
});

describe('toApiError', () => {
  it('puts a refused parameter on its body field (issue 17), and only one the form has', () => {
    const refused = (parameter: string) =>
      new CloudError({
        kind: 'api',
        code: 'InvalidParameter',
        httpStatus: 400,
        action: 'X',
        parameter,
      });
    expect(toApiError(refused('BgpConfig.TunnelCidr')).issues).toEqual([
      {
        path: 'bgpConfig.tunnelCidr',
        code: 'CLOUD_REFUSED_VALUE',
        params: { parameter: 'BgpConfig.TunnelCidr' },
      },
    ]);
    expect(toApiError(refused('VpnGatewayId.Whatever')).issues).toBeUndefined();
  });

  it('keeps the Alibaba code and RequestId, never an internal message', () => {
    expect(toApiError(api('VpnGateway.Configuring', 400))).toMatchObject({
      code: 'VpnGateway.Configuring',
      httpStatus: 409,
      requestId: 'R',
      retryable: true,
    });
    expect(toApiError(new Error('db password is hunter2'))).toEqual({
      code: 'InternalError',
      message: 'Something went wrong in the console.',
      httpStatus: 500,
    });
    expect(toApiError(new HttpError(404, 'NotFound', 'gone'))).toEqual({
      code: 'NotFound',
      message: 'gone',
      httpStatus: 404,
    });
  });
});
