// Small helpers shared by the presenters (Alibaba wire shape → console view).
import type { IkeConfigView, IpsecConfigView } from '@vpn-console/shared/api/views';
import { ikeShape, ipsecShape } from '@vpn-console/shared/common/config-shapes';
import { viewOf } from '@vpn-console/shared/common/key-map';
import type { z } from 'zod';
import type {
  ikeConfigResponseSchema,
  ipsecConfigResponseSchema,
} from '@vpn-console/shared/responses/ike';

/** Comma list → array (empty entries dropped). */
export const splitList = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Copies only the defined entries (views use optional fields, never `undefined` values). */
export const defined = <T extends Record<string, unknown>>(
  obj: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
};

export const ikeView = (ike: z.output<typeof ikeConfigResponseSchema> | undefined): IkeConfigView =>
  viewOf(ikeShape, ike);

export const ipsecView = (
  ipsec: z.output<typeof ipsecConfigResponseSchema> | undefined,
): IpsecConfigView => viewOf(ipsecShape, ipsec);
