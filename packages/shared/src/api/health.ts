import { z } from 'zod';

export const cloudModeSchema = z.enum(['emulator', 'alibaba']);
export type CloudMode = z.infer<typeof cloudModeSchema>;

/** GET /api/v1/health (liveness) and GET /api/v1/health/ready (readiness, 503 when not ready). */
export const healthSchema = z.object({
  status: z.enum(['ok', 'starting', 'shutting-down']),
  cloud: cloudModeSchema,
  /** Human label: "emulated cloud" or "Alibaba Cloud". */
  cloudLabel: z.string(),
  version: z.string(),
  uptimeSeconds: z.number(),
  openStreams: z.number().int(),
  watchedGateways: z.number().int(),
});
export type Health = z.infer<typeof healthSchema>;
