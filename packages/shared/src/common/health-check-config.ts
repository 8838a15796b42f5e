// HealthCheckConfig (single-tunnel IPsec connection) sub-schema (seed 002; reference §6.5).
import { z } from 'zod';
import { ISSUE_CODES } from '../errors/issue-codes';
import { booleanSchema, ipv4AddressSchema, positiveIntSchema } from './fields';
import { addIssue, required } from './issue';

const C = ISSUE_CODES;

/**
 * Retry interval (seconds) and retries, as the cloud console's documentation bounds them
 * (重试间隔 1~60 秒, 重试次数 1~100); the API reference names no range (issue 17: 61 and 200 passed).
 */
export const HEALTH_CHECK_INTERVAL = { min: 1, max: 60 } as const;
export const HEALTH_CHECK_RETRY = { min: 1, max: 100 } as const;

const healthCheckChangeFields = z.strictObject(
  {
    enable: booleanSchema.optional(),
    dip: ipv4AddressSchema.optional(),
    sip: ipv4AddressSchema.optional(),
    interval: positiveIntSchema.optional(),
    retry: positiveIntSchema.optional(),
  },
  required,
);

/** Create and change share this check (a create value is a change value with defaults filled). */
function refineHealthCheck(
  value: z.output<typeof healthCheckChangeFields>,
  ctx: Parameters<typeof addIssue>[0],
): void {
  if (value.interval !== undefined && value.interval > HEALTH_CHECK_INTERVAL.max) {
    addIssue(ctx, C.HEALTH_CHECK_INTERVAL_RANGE, ['interval'], HEALTH_CHECK_INTERVAL);
  }
  if (value.retry !== undefined && value.retry > HEALTH_CHECK_RETRY.max) {
    addIssue(ctx, C.HEALTH_CHECK_RETRY_RANGE, ['retry'], HEALTH_CHECK_RETRY);
  }
  if (value.enable !== true) return;
  if (value.dip === undefined) addIssue(ctx, C.REQUIRED, ['dip']);
  if (value.sip === undefined) addIssue(ctx, C.REQUIRED, ['sip']);
}

/** Create: enable defaults to false, interval and retry to 3 (reference §6.5); dip/sip needed when enabled. */
export const healthCheckConfigCreateSchema = z
  .strictObject(
    {
      enable: booleanSchema.default(false),
      dip: ipv4AddressSchema.optional(),
      sip: ipv4AddressSchema.optional(),
      interval: positiveIntSchema.default(3),
      retry: positiveIntSchema.default(3),
    },
    required,
  )
  .superRefine(refineHealthCheck);

export const healthCheckConfigChangeSchema = healthCheckChangeFields.superRefine(refineHealthCheck);
