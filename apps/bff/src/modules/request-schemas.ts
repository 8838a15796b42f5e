// The shared request schemas per route body (standard gateways; SM/国密 rules are applied per
// gateway at request time). Used for the OpenAPI document.
import type { RequestBodyRef } from '@vpn-console/shared/api/routes';
import {
  changeCustomerGatewaySchema,
  createCustomerGatewaySchema,
} from '@vpn-console/shared/customer-gateway/schema';
import {
  createIpsecServerSchema,
  updateIpsecServerSchema,
} from '@vpn-console/shared/ipsec-server/schema';
import {
  createSslVpnServerSchema,
  modifySslVpnServerSchema,
} from '@vpn-console/shared/ssl-vpn-server/schema';
import {
  createDualTunnelVpnConnectionSchema,
  modifyDualTunnelVpnConnectionSchema,
  modifyTunnelAttributeSchema,
} from '@vpn-console/shared/vpn-connection/dual-tunnel';
import {
  createVpnConnectionSchema,
  modifyVpnConnectionAttributeSchema,
} from '@vpn-console/shared/vpn-connection/schema';
import {
  createSslVpnClientCertSchema,
  renameSslVpnClientCertSchema,
} from '@vpn-console/shared/ssl-vpn-client-cert/schema';
import { pskCheckRequestSchema } from '@vpn-console/shared/api/psk';
import {
  changeAccountRequestSchema,
  createAccountRequestSchema,
} from '@vpn-console/shared/api/accounts';
import { watchRequestSchema } from '@vpn-console/shared/api/events';
import { peerConfigRequestSchema } from '@vpn-console/shared/api/peer-config';
import { loginRequestSchema } from '@vpn-console/shared/api/session';
import { z } from 'zod';

const standard = { gatewayType: 'standard' } as const;

export const requestBodySchemas: Record<RequestBodyRef, z.ZodType> = {
  'ipsec-server/create': createIpsecServerSchema(standard),
  'ipsec-server/change': updateIpsecServerSchema(standard),
  // Single-tunnel or dual-tunnel, as the gateway is (vpn-connection/by-gateway.ts).
  'vpn-connection/create': z.union([
    createVpnConnectionSchema(standard),
    createDualTunnelVpnConnectionSchema(standard),
  ]),
  'vpn-connection/change': z.union([
    modifyVpnConnectionAttributeSchema(standard),
    modifyDualTunnelVpnConnectionSchema(standard),
  ]),
  'vpn-connection/tunnel-change': modifyTunnelAttributeSchema(standard),
  'ssl-vpn-server/create': createSslVpnServerSchema,
  'ssl-vpn-server/change': modifySslVpnServerSchema,
  'customer-gateway/create': createCustomerGatewaySchema,
  'customer-gateway/change': changeCustomerGatewaySchema,
  'psk/check': pskCheckRequestSchema,
  'ssl-vpn-client-cert/create': createSslVpnClientCertSchema,
  'ssl-vpn-client-cert/rename': renameSslVpnClientCertSchema,
  'events/watch': watchRequestSchema,
  'session/login': loginRequestSchema,
  'accounts/create': createAccountRequestSchema,
  'accounts/change': changeAccountRequestSchema,
  'peer-config/create': peerConfigRequestSchema,
};
