// Gateway lists that scale (issue 18): the all-regions and the region list are searched, filtered,
// sorted and paged by the BFF from region lists it keeps briefly and shares between viewers, so a
// page of 50 rows costs the browser 50 rows and the cloud at most one listing per region.
import { z } from 'zod';
import { listOf } from './list';
import { vpnGatewayViewSchema } from './views';

export const GATEWAY_SORTS = [
  'name',
  '-name',
  'status',
  '-status',
  'region',
  '-region',
  'createdAt',
  '-createdAt',
] as const;
export type GatewaySort = (typeof GATEWAY_SORTS)[number];

/** Largest page a caller may ask for. */
export const GATEWAY_PAGE_SIZE_MAX = 100;
export const GATEWAY_PAGE_SIZE_DEFAULT = 50;

const whole = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

/**
 * The gateway list query's parameters, each on its own: the BFF's routes check their query with
 * them (gateway-list-query.ts), and the web reads a list's state from its own URL with them
 * (a bad value there falls back to the default instead of reaching the BFF). The sort, one of
 * GATEWAY_SORTS, is checked there; the web offers some of them and reads only those.
 */
export const gatewayListParams = {
  /** Words that must all appear in the name, id, public IP, region or description (any case). */
  q: z.string().trim().max(100).optional(),
  /** Only gateways in this lifecycle status (`active`, `updating`, …). */
  status: z
    .string()
    .regex(/^[A-Za-z_]{1,32}$/)
    .optional(),
  page: whole(1, 100_000, 1),
  pageSize: whole(1, GATEWAY_PAGE_SIZE_MAX, GATEWAY_PAGE_SIZE_DEFAULT),
};

/** What the web asks for (the query string's typed form). */
export interface GatewayListRequest {
  q?: string | undefined;
  status?: string | undefined;
  regionId?: string | undefined;
  sort?: GatewaySort | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const gatewayPageSchema = listOf(vpnGatewayViewSchema).extend({
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Gateways per status over the whole (searched) list, for the status filter. */
  statusCounts: z.record(z.string(), z.number().int()),
  /** Regions whose list could not be read now: their gateways are missing from this answer. */
  failedRegions: z.array(z.string()),
  /** Age of the oldest region list behind this answer (lists are kept briefly and shared). */
  listedSecondsAgo: z.number().int().nonnegative(),
  /**
   * Set while the account's cloud calls are throttled: statuses on this page (and the live ones)
   * may be up to this many seconds old. Null otherwise.
   */
  statusMayBeOldSeconds: z.number().int().nonnegative().nullable(),
});
export type GatewayPage = z.infer<typeof gatewayPageSchema>;

/** The query string of a gateway list request (defaults left out). */
export const gatewayListSearch = (query: GatewayListRequest): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
};
