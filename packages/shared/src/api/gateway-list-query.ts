// The query of the gateway list routes (issue 18), apart from the page schema so the web's list
// screen does not load the shared field rules with it (first-screen budget).
import { z } from 'zod';
import { regionIdSchema } from '../common/fields';
import { GATEWAY_PAGE_SIZE_DEFAULT, GATEWAY_PAGE_SIZE_MAX, GATEWAY_SORTS } from './gateway-list';

const whole = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((v) => v ?? fallback);

/** Query of `GET /api/v1/vpn-gateways` and `GET /api/v1/regions/:regionId/vpn-gateways`. */
export const gatewayListQuerySchema = z.object({
  /** Words that must all appear in the name, id, public IP, region or description (any case). */
  q: z.string().trim().max(100).optional(),
  /** Only gateways in this lifecycle status (`active`, `updating`, …). */
  status: z
    .string()
    .regex(/^[A-Za-z_]{1,32}$/)
    .optional(),
  /** All-regions list only: one region. */
  regionId: regionIdSchema.optional(),
  sort: z.enum(GATEWAY_SORTS).default('name'),
  page: whole(1, 100_000, 1),
  pageSize: whole(1, GATEWAY_PAGE_SIZE_MAX, GATEWAY_PAGE_SIZE_DEFAULT),
});
