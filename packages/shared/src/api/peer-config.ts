// `POST /api/v1/regions/:regionId/vpn-connections/:id/peer-config` (operators and admins; audited
// like a PSK reveal; `Cache-Control: no-store`): the connection's peer configuration rendered for
// a device. Without `revealPsk` the file carries the mask instead of the key.
import { z } from 'zod';
import { peerDeviceSchema } from '../peer-config/devices';

export const peerConfigRequestSchema = z.strictObject({
  device: peerDeviceSchema,
  /** A dual-tunnel connection's tunnel; all tunnels when absent. */
  tunnelId: z.string().min(1).max(64).optional(),
  /** Put the PSK itself in the file (audited as a reveal); the mask otherwise. */
  revealPsk: z.boolean().default(false),
});
export type PeerConfigRequest = z.input<typeof peerConfigRequestSchema>;

export const peerConfigResponseSchema = z.object({
  device: peerDeviceSchema,
  fileName: z.string(),
  mediaType: z.string(),
  content: z.string(),
  pskRevealed: z.boolean(),
});
export type PeerConfigResponse = z.infer<typeof peerConfigResponseSchema>;

export const peerConfigPath = (regionId: string, id: string): string =>
  `/api/v1/regions/${encodeURIComponent(regionId)}/vpn-connections/${encodeURIComponent(id)}/peer-config`;
