// The query of the gateway list routes (issue 18), apart from the page schema so the web's list
// screen does not load the shared field rules with it (first-screen budget).
import { z } from 'zod';
import { regionIdSchema } from '../common/fields';
import { GATEWAY_SORTS, gatewayListParams } from './gateway-list';

/** Query of `GET /api/v1/vpn-gateways` and `GET /api/v1/regions/:regionId/vpn-gateways`. */
export const gatewayListQuerySchema = z.object({
  q: gatewayListParams.q,
  status: gatewayListParams.status,
  /** All-regions list only: one region. */
  regionId: regionIdSchema.optional(),
  sort: z.enum(GATEWAY_SORTS).default('name'),
  page: gatewayListParams.page,
  pageSize: gatewayListParams.pageSize,
});
