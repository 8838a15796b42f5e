// The one place PSKs become part of a response: masked, with a comparable fingerprint.
// Recipe (packages/shared/src/api/psk.ts): first 12 hex chars of SHA-256 over `<resourceId>:<psk>`.
import { createHash } from 'node:crypto';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import type { SecretView } from '@vpn-console/shared/api/views';

export const pskFingerprint = (resourceId: string, psk: string): string =>
  createHash('sha256').update(`${resourceId}:${psk}`, 'utf8').digest('hex').slice(0, 12);

export const secretView = (resourceId: string, psk: string | undefined): SecretView | undefined =>
  psk === undefined || psk === ''
    ? undefined
    : { masked: PSK_MASK, fingerprint: pskFingerprint(resourceId, psk) };
