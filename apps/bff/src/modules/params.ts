// Path and query parameters, validated with the shared field schemas.
import {
  customerGatewayIdSchema,
  ipsecServerIdSchema,
  regionIdSchema,
  sslVpnClientCertIdSchema,
  sslVpnServerIdSchema,
  vpnConnectionIdSchema,
  vpnGatewayIdSchema,
} from '@vpn-console/shared/common/fields';
import type { Request } from 'express';
import { z } from 'zod';
import { parseOr400 } from '../http/validate';

export const regionParam = (req: Request): string =>
  parseOr400(regionIdSchema, req.params.regionId, 'regionId');

export const idParam = {
  vpnGateway: (req: Request) =>
    parseOr400(vpnGatewayIdSchema, req.params.vpnGatewayId, 'vpnGatewayId'),
  customerGateway: (req: Request) =>
    parseOr400(customerGatewayIdSchema, req.params.customerGatewayId, 'customerGatewayId'),
  ipsecServer: (req: Request) => parseOr400(ipsecServerIdSchema, req.params.id, 'ipsecServerId'),
  vpnConnection: (req: Request) =>
    parseOr400(vpnConnectionIdSchema, req.params.id, 'vpnConnectionId'),
  sslVpnServer: (req: Request) => parseOr400(sslVpnServerIdSchema, req.params.id, 'sslVpnServerId'),
  sslVpnClientCert: (req: Request) =>
    parseOr400(sslVpnClientCertIdSchema, req.params.id, 'sslVpnClientCertId'),
};

/** `?vpnGatewayId=` filter of the list routes (unknown query keys are ignored, not refused). */
export const gatewayFilter = (req: Request): string | undefined =>
  parseOr400(z.object({ vpnGatewayId: vpnGatewayIdSchema.optional() }), req.query).vpnGatewayId;
