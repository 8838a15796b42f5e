import { CLOUD_ERRORS } from '@vpn-console/shared/errors/cloud-error-catalog';
import { lookupCloudError } from '@vpn-console/shared/errors/cloud-errors';
import { describe, expect, it } from 'vitest';
import { CloudError } from './errors';

const apiError = (code: string, httpStatus: number) =>
  new CloudError({ kind: 'api', code, httpStatus, action: 'DescribeVpnGateways' });

// Codes the catalog does not list, classified by their pattern alike in the BFF and the UI.
const patternCodes: [string, number][] = [
  ['Throttling.Unknown.Variant', 400],
  ['ServiceUnavailable.Temporary', 503],
  ['Something.Configuring', 400],
  ['InvalidParameter.Unlisted', 400],
];

describe('the BFF classifies cloud errors as the shared catalog says', () => {
  it.each(Object.entries(CLOUD_ERRORS))('%s', (code, entry) => {
    const e = apiError(code, entry.httpStatus ?? 400);
    // Busy in the BFF exactly when busy in the catalog, and the reverse.
    expect(e.busy).toBe(entry.busy === true);
    // Retried (by the client, or by the write lane once the gateway is free) exactly when the
    // catalog tells the user "the console retries automatically", and the reverse.
    expect(e.retryable || e.busy).toBe(entry.retryable);
  });

  it.each(patternCodes)('an unlisted %s', (code, httpStatus) => {
    const e = apiError(code, httpStatus);
    const entry = lookupCloudError(code);
    expect(e.busy).toBe(entry.busy === true);
    expect(e.retryable || e.busy).toBe(entry.retryable);
  });

  it('retries SystemBusy (the UI promises it) and waits out IncorrectStatus.VpnGateway', () => {
    expect(apiError('SystemBusy', 400).retryable).toBe(true);
    expect(apiError('IncorrectStatus.VpnGateway', 400).busy).toBe(true);
  });
});
