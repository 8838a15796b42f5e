// Pre-shared keys in the HTTP contract. Ordinary views carry only `{ masked, fingerprint }`
// (`secretViewSchema` in views.ts). The fingerprint is keyed (docs/decisions/0030): the first 12
// hex characters of HMAC-SHA256 with a secret only the server holds, over `<resourceId>:<psk>`.
// Nobody can test a guess against it offline; to confirm a key, ask the server
// (`POST …/psk/check`, rate-limited and audited).
import { z } from 'zod';

/** The fixed placeholder shown instead of any PSK (its length says nothing about the key). */
export const PSK_MASK = '••••••••';

/** `POST …/ipsec-servers/:id/psk/reveal` and `…/vpn-connections/:id/psk/reveal` answer. */
export const pskRevealSchema = z.object({
  /** The key; null when the resource has none. */
  psk: z.string().nullable(),
  fingerprint: z.string().nullable(),
  /** Dual-tunnel connections: each tunnel's key (fingerprint salted with the tunnel id). */
  tunnels: z
    .array(
      z.object({
        tunnelId: z.string(),
        psk: z.string().nullable(),
        fingerprint: z.string().nullable(),
      }),
    )
    .optional(),
});
export type PskReveal = z.infer<typeof pskRevealSchema>;

/** `POST …/ipsec-servers/:id/psk/check` and `…/vpn-connections/:id/psk/check` body. */
export const pskCheckRequestSchema = z.strictObject({
  /** The candidate key (never stored, never logged). */
  psk: z.string().min(1).max(256),
});
export type PskCheckRequest = z.infer<typeof pskCheckRequestSchema>;

/** Whether the candidate is the resource's key. */
export const pskCheckSchema = z.object({ match: z.boolean() });
export type PskCheck = z.infer<typeof pskCheckSchema>;
