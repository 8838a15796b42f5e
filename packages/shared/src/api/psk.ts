// Pre-shared keys in the HTTP contract. Ordinary views carry only `{ masked, fingerprint }`
// (`secretViewSchema` in views.ts). The fingerprint recipe (docs/decisions): the first 12 hex
// characters of SHA-256 over the UTF-8 text `<resourceId>:<psk>`, so a customer can compute it
// from their own copy of the key (e.g. `printf '%s' 'vco-xxx:key' | sha256sum | cut -c1-12`).
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
