// PSK presentation: every role sees a fixed mask and a fingerprint; the key itself only comes
// out of the audited reveal route. Recipe (docs/decisions/0003): first 12 hex characters of
// SHA-256 over the UTF-8 text `<resourceId>:<psk>`; the resource id is the salt, so one key used
// on two connections gives two fingerprints.
import { createHash } from 'node:crypto';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import type { SecretView } from '@vpn-console/shared/api/views';

export function pskFingerprint(resourceId: string, psk: string): string {
  return createHash('sha256').update(`${resourceId}:${psk}`, 'utf8').digest('hex').slice(0, 12);
}

/** The masked view of a PSK, or undefined when the resource has none. */
export function maskPsk(
  resourceId: string,
  psk: string | undefined | null,
): SecretView | undefined {
  if (psk === undefined || psk === null || psk === '') return undefined;
  return { masked: PSK_MASK, fingerprint: pskFingerprint(resourceId, psk) };
}
