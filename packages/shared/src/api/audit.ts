// The audit log (HTTP contract of GET /api/v1/audit).
import { z } from 'zod';
import { addIssue } from '../common/issue';
import { printableTextSchema } from '../common/text';
import { ISSUE_CODES } from '../errors/issue-codes';
import { roleSchema } from './session';

export const auditCategories = ['auth', 'config', 'reveal', 'account'] as const;
export const auditCategorySchema = z.enum(auditCategories);
export type AuditCategory = z.infer<typeof auditCategorySchema>;

/**
 * `pending`: the intent of a write, stored before the cloud call; completed with `success` or
 * `failure` once the operation settles (an entry left `pending` had its process stop mid-write).
 */
export const auditOutcomeSchema = z.enum(['pending', 'success', 'failure']);
export type AuditOutcome = z.infer<typeof auditOutcomeSchema>;

/**
 * One changed field of a write. Secret fields (PSKs, auth keys) never carry values: only
 * `secret: true` and whether the value `changed`.
 */
export const auditChangeSchema = z.union([
  z.object({
    path: z.string(),
    secret: z.literal(false),
    before: z.unknown(),
    after: z.unknown(),
  }),
  z.object({ path: z.string(), secret: z.literal(true), changed: z.boolean() }),
]);
export type AuditChange = z.infer<typeof auditChangeSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  /** ISO 8601 UTC. */
  at: z.string(),
  category: auditCategorySchema,
  /** e.g. `login`, `logout`, `createIpsecServer`, `revealPsk`, `createAccount`. */
  action: z.string(),
  outcome: auditOutcomeSchema,
  actor: z
    .object({ id: z.string().nullable(), username: z.string(), role: roleSchema.nullable() })
    .nullable(),
  regionId: z.string().nullable(),
  vpnGatewayId: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  /** The resource's name when the console knew it at the time (entries from before issue 17 lack it). */
  resourceName: z.string().nullable().optional(),
  /** The gateway's name as the cloud gives it now, resolved when the log is read (issue 17). */
  vpnGatewayName: z.string().optional(),
  /** Alibaba RequestId of the cloud call, when there was one. */
  requestId: z.string().nullable(),
  /** Error code of a failure (BFF or Alibaba code). */
  errorCode: z.string().nullable(),
  changes: z.array(auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Query of `GET /api/v1/audit` (all optional; newest first; `cursor` from `nextCursor`). */
/** A filter text: 1–64 characters, none of them a control character (NUL, …). */
const filterText = printableTextSchema(1, 64);

const EARLIEST = '1970-01-01T00:00:00Z';
const LATEST = '9999-12-31T23:59:59Z';

/** An ISO 8601 instant the store can hold: from 1970 to 9999 (`0000-01-01…` is refused). */
const auditInstant = z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
  const at = Date.parse(value);
  // Not a date at all: the format check above already says so.
  if (Number.isNaN(at)) return;
  if (!(at >= Date.parse(EARLIEST) && at <= Date.parse(LATEST))) {
    addIssue(ctx, ISSUE_CODES.DATE_RANGE, [], { min: EARLIEST, max: LATEST });
  }
});

export const auditQuerySchema = z.strictObject({
  vpnGatewayId: filterText.optional(),
  username: filterText.optional(),
  category: auditCategorySchema.optional(),
  /** ISO 8601, inclusive. */
  from: auditInstant.optional(),
  /** ISO 8601, exclusive. */
  to: auditInstant.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
