// Writes answer 202 with an operation; its state then flows over SSE and GET /operations/{id}.
import { z } from 'zod';
import { apiErrorSchema } from './errors';

export const operationStates = [
  'queued',
  'applying',
  'waiting-for-gateway',
  'succeeded',
  'failed',
] as const;
export const operationStateSchema = z.enum(operationStates);
export type OperationState = z.infer<typeof operationStateSchema>;

export const resourceKinds = [
  'ipsec-server',
  'vpn-connection',
  'ssl-vpn-server',
  'customer-gateway',
  'ssl-vpn-client-cert',
] as const;
export const resourceKindSchema = z.enum(resourceKinds);
export type ResourceKind = z.infer<typeof resourceKindSchema>;

export const operationActionSchema = z.enum(['create', 'change', 'delete']);
export type OperationAction = z.infer<typeof operationActionSchema>;

export const operationSchema = z.object({
  id: z.string(),
  state: operationStateSchema,
  action: operationActionSchema,
  resourceKind: resourceKindSchema,
  regionId: z.string(),
  /** The gateway whose write lane runs this operation (absent for customer gateways). */
  vpnGatewayId: z.string().optional(),
  /** Known from the start for change/delete, once the cloud answers for create. */
  resourceId: z.string().optional(),
  /** Present when `state` is `failed`. */
  error: apiErrorSchema.optional(),
  /** Alibaba RequestId of the write call that landed (or failed). */
  requestId: z.string().optional(),
  /** Write calls sent upstream so far (retries of busy/transient failures included). */
  attempts: z.number().int(),
  /** Position in the gateway's write lane while `queued` (0 = next). */
  queuePosition: z.number().int().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Operation = z.infer<typeof operationSchema>;

/**
 * Who judged a dry run: `cloud` — the cloud's own DryRun answered; `console` — the API has no
 * dry run for this change, so the BFF checked what it can (validation and the region's current
 * resources) and the cloud may still refuse the real request.
 */
export const dryRunCheckerSchema = z.enum(['cloud', 'console']);
export type DryRunChecker = z.infer<typeof dryRunCheckerSchema>;

/** Answer of a `?dryRun=true` create/change: a verdict, nothing changed. */
export const dryRunVerdictSchema = z.object({
  dryRun: z.literal(true),
  ok: z.boolean(),
  error: apiErrorSchema.optional(),
  /** Absent in answers of older BFFs, which only ever answered the cloud's verdict. */
  checkedBy: dryRunCheckerSchema.optional(),
});
export type DryRunVerdict = z.infer<typeof dryRunVerdictSchema>;
