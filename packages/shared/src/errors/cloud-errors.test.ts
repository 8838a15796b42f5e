import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_FILES, seedErrorCodes } from '../../test/helpers';
import { CLOUD_ERRORS } from './cloud-error-catalog';
import { isBusyCloudError, isRetryableCloudError, lookupCloudError } from './cloud-errors';

const REFERENCE = ['alibaba-vpc-api.md', 'security-reliability-performance.md']
  .map((name) =>
    readFileSync(new URL(`../../../../../shared/reference/${name}`, import.meta.url), 'utf8'),
  )
  .join('\n');
const seedCodes = [...new Set(Object.values(SEED_FILES).flatMap((file) => seedErrorCodes(file)))];

describe('cloud error catalog', () => {
  it('found the seed error tables', () => {
    expect(seedCodes.length).toBeGreaterThanOrEqual(25);
  });
  it.each(seedCodes)('knows the seed error %s', (code) => {
    expect(lookupCloudError(code).known).toBe(true);
  });
  it.each([
    'SignatureDoesNotMatch',
    'InvalidAccessKeyId.NotFound',
    'InvalidTimeStamp.Expired',
    'SignatureNonceUsed',
    'InvalidAction.NotFound',
    'InvalidVersion',
    'Throttling',
    'Throttling.User',
    'Throttling.Api',
    'DryRunOperation',
    'ServiceUnavailable',
    'InternalError',
    'Forbidden',
    'Forbbiden.SubUser',
  ])('knows the gateway-level error %s', (code) => {
    expect(lookupCloudError(code).known).toBe(true);
  });
  it('holds only codes documented in the seeds or the reference', () => {
    for (const code of Object.keys(CLOUD_ERRORS)) {
      expect(seedCodes.includes(code) || REFERENCE.includes(`\`${code}\``), code).toBe(true);
    }
  });
  it('has zh and en texts and advice for every entry', () => {
    for (const [code, entry] of Object.entries(CLOUD_ERRORS)) {
      expect(entry.zh, code).toMatch(/\p{Script=Han}/u);
      expect(entry.en, code).toMatch(/^[A-Z]/);
      expect(entry.whatToDo.zh.length, code).toBeGreaterThan(0);
      expect(entry.whatToDo.en.length, code).toBeGreaterThan(0);
    }
  });
  it('uses the HTTP status of the seed tables', () => {
    expect(lookupCloudError('InvalidVpnGatewayInstanceId.NotFound').httpStatus).toBe(404);
    expect(lookupCloudError('Forbidden').httpStatus).toBe(403);
    expect(lookupCloudError('OperationConflict').httpStatus).toBe(409);
    expect(lookupCloudError('VpnGateway.Configuring').httpStatus).toBe(400);
  });
  it('classifies retryable and busy codes', () => {
    for (const code of [
      'VpnGateway.Configuring',
      'VpnTask.CONFLICT',
      'TaskConflict',
      'Appliance.Configuring',
      'VpnConnection.Configuring',
      'VpnRouteEntry.Configuring',
      'OperationConflict',
    ]) {
      expect(isBusyCloudError(code), code).toBe(true);
      expect(isRetryableCloudError(code), code).toBe(true);
    }
    for (const code of [
      'Throttling',
      'Throttling.User',
      'Throttling.Api',
      'ServiceUnavailable',
      'SystemBusy',
    ]) {
      expect(isRetryableCloudError(code), code).toBe(true);
      expect(isBusyCloudError(code), code).toBe(false);
    }
    for (const code of [
      'Forbidden',
      'SignatureDoesNotMatch',
      'IllegalParam.LocalSubnet',
      'DryRunOperation',
    ]) {
      expect(isRetryableCloudError(code), code).toBe(false);
    }
  });
  it('answers unknown codes with generic text and pattern-based retry hints', () => {
    const unknown = lookupCloudError('Some.NewCode');
    expect(unknown).toMatchObject({ code: 'Some.NewCode', known: false, retryable: false });
    expect(unknown.en.length).toBeGreaterThan(0);
    expect(lookupCloudError('Throttling.Something')).toMatchObject({
      known: false,
      retryable: true,
    });
    expect(lookupCloudError('Foo.Configuring')).toMatchObject({
      known: false,
      retryable: true,
      busy: true,
    });
    expect(lookupCloudError(undefined)).toMatchObject({ code: 'UnknownError', known: true });
    expect(lookupCloudError('toString').known).toBe(false);
  });
});
