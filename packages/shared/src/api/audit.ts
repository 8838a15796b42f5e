// The audit log (HTTP contract of GET /api/v1/audit).
import { z } from 'zod';
import { roleSchema } from './session';

export const auditCategories = ['auth', 'config', 'reveal', 'account'] as const;
export const auditCategorySchema = z.enum(auditCategories);
export type AuditCategory = z.infer<typeof auditCategorySchema>;

export const auditOutcomeSchema = z.enum(['success', 'failure']);
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
  /** Alibaba RequestId of the cloud call, when there was one. */
  requestId: z.string().nullable(),
  /** Error code of a failure (BFF or Alibaba code). */
  errorCode: z.string().nullable(),
  changes: z.array(auditChangeSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Query of `GET /api/v1/audit` (all optional; newest first; `cursor` from `nextCursor`). */
export const auditQuerySchema = z.strictObject({
  vpnGatewayId: z.string().min(1).max(64).optional(),
  username: z.string().min(1).max(64).optional(),
  category: auditCategorySchema.optional(),
  /** ISO 8601, inclusive. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** ISO 8601, exclusive. */
  to: z.iso.datetime({ offset: true }).optional(),
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
