// The BFF's HTTP routes: one list for the web's API layer, the OpenAPI document and the tests.
//
// Conventions:
// - JSON bodies; unknown fields are refused (400 `ValidationFailed` with `issues`).
// - Writes (POST/PATCH/DELETE on resources) answer 202 with an `Operation`
//   (`operations.ts`); `?dryRun=true` on create/change answers 200 with a `DryRunVerdict`.
// - An `Idempotency-Key` header (≤ 64 ASCII chars) makes a write safe to resend: the same key
//   returns the same operation and becomes the cloud ClientToken.
// - An `X-Event-Stream` header (the `streamId` of the tab's SSE `hello`) routes the operation's
//   events to that stream even when it does not watch the gateway.
// - Errors: `apiErrorBodySchema` (`errors.ts`) with 400/404/409/413/415/429/502/503/504.
import type { z } from 'zod';
import { watchRequestSchema } from './events';
import { pskCheckSchema } from './psk';
import { healthSchema } from './health';
import {
  ipsecClientProfileSchema,
  sslVpnClientCertListSchema,
  sslVpnClientListSchema,
} from './remote-access';
import { operationSchema } from './operations';
import {
  customerGatewayListSchema,
  customerGatewayViewSchema,
  ipsecServerListSchema,
  ipsecServerViewSchema,
  sslVpnServerListSchema,
  sslVpnServerViewSchema,
  vpnConnectionListSchema,
  vpnConnectionViewSchema,
  vpnGatewayDetailViewSchema,
} from './views';
import { regionListSchema } from './regions';
import { gatewayPageSchema } from './gateway-list';
import { historyRoutes } from '../history/routes';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Names of the shared request schemas a route's body is validated with. */
export type RequestBodyRef =
  | 'ipsec-server/create'
  | 'ipsec-server/change'
  | 'vpn-connection/create'
  | 'vpn-connection/change'
  | 'vpn-connection/tunnel-change'
  | 'ssl-vpn-server/create'
  | 'ssl-vpn-server/change'
  | 'customer-gateway/create'
  | 'ssl-vpn-client-cert/create'
  | 'ssl-vpn-client-cert/rename'
  | 'events/watch'
  | 'psk/check';

export interface ApiRoute {
  readonly id: string;
  readonly method: HttpMethod;
  /** Express-style path (`:param`). */
  readonly path: string;
  readonly summary: string;
  readonly requestBody?: RequestBodyRef;
  /** Query parameters other than `dryRun`. */
  readonly query?: readonly string[];
  readonly dryRun?: boolean;
  /** `attachment`: a file download (`Content-Disposition: attachment`, `Cache-Control: no-store`). */
  readonly success: {
    readonly status: number;
    readonly schema: z.ZodType | 'text/event-stream' | 'attachment';
  };
  readonly errors: readonly number[];
}

const R = '/api/v1/regions/:regionId';

export const apiRoutes = [
  {
    id: 'health',
    method: 'GET',
    path: '/api/v1/health',
    summary: 'Liveness and cloud mode',
    success: { status: 200, schema: healthSchema },
    errors: [],
  },
  {
    id: 'ready',
    method: 'GET',
    path: '/api/v1/health/ready',
    summary: 'Readiness (503 while starting or shutting down)',
    success: { status: 200, schema: healthSchema },
    errors: [503],
  },
  {
    id: 'listRegions',
    method: 'GET',
    path: '/api/v1/regions',
    summary: 'Regions',
    success: { status: 200, schema: regionListSchema },
    errors: [502, 503, 504],
  },
  {
    id: 'listAllVpnGateways',
    method: 'GET',
    path: '/api/v1/vpn-gateways',
    summary:
      'VPN gateways of every region: searched, filtered, sorted and paged by the BFF from region lists shared for a short time',
    query: ['q', 'status', 'regionId', 'sort', 'page', 'pageSize'],
    success: { status: 200, schema: gatewayPageSchema },
    errors: [400, 502, 503, 504],
  },
  {
    id: 'listVpnGateways',
    method: 'GET',
    path: `${R}/vpn-gateways`,
    summary: 'VPN gateways of a region (searched, filtered, sorted and paged by the BFF)',
    query: ['q', 'status', 'sort', 'page', 'pageSize'],
    success: { status: 200, schema: gatewayPageSchema },
    errors: [400, 502, 503, 504],
  },
  {
    id: 'getVpnGateway',
    method: 'GET',
    path: `${R}/vpn-gateways/:vpnGatewayId`,
    summary: 'One gateway with its IPsec server, SSL-VPN servers and connections',
    success: { status: 200, schema: vpnGatewayDetailViewSchema },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'listCustomerGateways',
    method: 'GET',
    path: `${R}/customer-gateways`,
    summary: 'Customer gateways of a region',
    success: { status: 200, schema: customerGatewayListSchema },
    errors: [400, 502, 503, 504],
  },
  {
    id: 'getCustomerGateway',
    method: 'GET',
    path: `${R}/customer-gateways/:customerGatewayId`,
    summary: 'One customer gateway',
    success: { status: 200, schema: customerGatewayViewSchema },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'createCustomerGateway',
    method: 'POST',
    path: `${R}/customer-gateways`,
    summary:
      'Create a customer gateway (202 + operation; ?dryRun=true → verdict checked by the console, the API has no dry run for it)',
    requestBody: 'customer-gateway/create',
    dryRun: true,
    success: { status: 202, schema: operationSchema },
    errors: [400, 409, 502, 503, 504],
  },
  ...(
    [
      [
        'IpsecServer',
        'ipsec-servers',
        'ipsec-server',
        ipsecServerListSchema,
        ipsecServerViewSchema,
        true,
      ],
      [
        'VpnConnection',
        'vpn-connections',
        'vpn-connection',
        vpnConnectionListSchema,
        vpnConnectionViewSchema,
        // ModifyVpnConnectionAttribute has no DryRun parameter.
        false,
      ],
      [
        'SslVpnServer',
        'ssl-vpn-servers',
        'ssl-vpn-server',
        sslVpnServerListSchema,
        sslVpnServerViewSchema,
        true,
      ],
    ] as const
  ).flatMap(([name, plural, kind, listSchema, viewSchema, changeDryRun]) => [
    {
      id: `list${name}s`,
      method: 'GET' as const,
      path: `${R}/${plural}`,
      summary: `${kind} list (filter with ?vpnGatewayId=)`,
      query: ['vpnGatewayId'],
      success: { status: 200, schema: listSchema },
      errors: [400, 502, 503, 504],
    },
    {
      id: `get${name}`,
      method: 'GET' as const,
      path: `${R}/${plural}/:id`,
      summary: `One ${kind}`,
      success: { status: 200, schema: viewSchema },
      errors: [400, 404, 502, 503, 504],
    },
    {
      id: `create${name}`,
      method: 'POST' as const,
      path: `${R}/${plural}`,
      summary: `Create an ${kind} (202 + operation; ?dryRun=true → verdict)`,
      requestBody: `${kind}/create` as const,
      dryRun: true,
      success: { status: 202, schema: operationSchema },
      errors: [400, 404, 409, 502, 503, 504],
    },
    {
      id: `change${name}`,
      method: 'PATCH' as const,
      path: `${R}/${plural}/:id`,
      summary: `Change an ${kind} (202 + operation${changeDryRun ? '; ?dryRun=true → verdict' : ''})`,
      requestBody: `${kind}/change` as const,
      dryRun: changeDryRun,
      success: { status: 202, schema: operationSchema },
      errors: [400, 404, 409, 502, 503, 504],
    },
    {
      id: `delete${name}`,
      method: 'DELETE' as const,
      path: `${R}/${plural}/:id`,
      summary: `Delete an ${kind} (202 + operation)`,
      success: { status: 202, schema: operationSchema },
      errors: [400, 404, 409, 502, 503, 504],
    },
  ]),
  // One tunnel of a dual-tunnel connection (issue 12).
  {
    id: 'changeVpnConnectionTunnel',
    method: 'PATCH',
    path: `${R}/vpn-connections/:id/tunnels/:tunnelId`,
    summary:
      'Change one tunnel of a dual-tunnel connection (ModifyTunnelAttribute; 202 + operation; no dry run)',
    requestBody: 'vpn-connection/tunnel-change',
    success: { status: 202, schema: operationSchema },
    errors: [400, 404, 409, 502, 503, 504],
  },
  // Remote-access clients (issue 14).
  {
    id: 'listSslVpnClientCerts',
    method: 'GET',
    path: `${R}/ssl-vpn-servers/:id/client-certs`,
    summary: 'Client certificates of an SSL-VPN server (no key material)',
    success: { status: 200, schema: sslVpnClientCertListSchema },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'createSslVpnClientCert',
    method: 'POST',
    path: `${R}/ssl-vpn-servers/:id/client-certs`,
    summary: 'Create a client certificate (202 + operation)',
    requestBody: 'ssl-vpn-client-cert/create',
    success: { status: 202, schema: operationSchema },
    errors: [400, 404, 409, 502, 503, 504],
  },
  {
    id: 'renameSslVpnClientCert',
    method: 'PATCH',
    path: `${R}/ssl-vpn-client-certs/:id`,
    summary: 'Rename a client certificate (202 + operation)',
    requestBody: 'ssl-vpn-client-cert/rename',
    success: { status: 202, schema: operationSchema },
    errors: [400, 404, 409, 502, 503, 504],
  },
  {
    id: 'deleteSslVpnClientCert',
    method: 'DELETE',
    path: `${R}/ssl-vpn-client-certs/:id`,
    summary: 'Delete (revoke) a client certificate (202 + operation)',
    success: { status: 202, schema: operationSchema },
    errors: [400, 404, 409, 502, 503, 504],
  },
  {
    id: 'downloadSslVpnClientBundle',
    method: 'POST',
    path: `${R}/ssl-vpn-client-certs/:id/bundle`,
    summary:
      'The client bundle: an .ovpn with the CA, certificate and private key inline (operators; audited like a reveal; no-store)',
    query: ['format'],
    success: { status: 200, schema: 'attachment' },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'listSslVpnClients',
    method: 'GET',
    path: `${R}/vpn-gateways/:vpnGatewayId/ssl-vpn-clients`,
    summary: "Clients connected to the gateway's SSL-VPN server",
    success: { status: 200, schema: sslVpnClientListSchema },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'getIpsecClientProfile',
    method: 'GET',
    path: `${R}/ipsec-servers/:id/client-profile`,
    summary:
      'What a road-warrior client needs (strongSwan swanctl.conf, native IKEv2 settings); PSK masked',
    success: { status: 200, schema: ipsecClientProfileSchema },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'downloadIpsecClientProfile',
    method: 'POST',
    path: `${R}/ipsec-servers/:id/client-profile/download`,
    summary:
      'The client profile as a file with the PSK (?format=swanctl|settings; operators; audited like a reveal; no-store)',
    query: ['format'],
    success: { status: 200, schema: 'attachment' },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'checkIpsecServerPsk',
    method: 'POST',
    path: `${R}/ipsec-servers/:id/psk/check`,
    summary:
      'Does this key match the PSK? (viewers too; rate-limited per user and per key; every attempt audited)',
    requestBody: 'psk/check',
    success: { status: 200, schema: pskCheckSchema },
    errors: [400, 404, 429, 502, 503, 504],
  },
  {
    id: 'checkVpnConnectionPsk',
    method: 'POST',
    path: `${R}/vpn-connections/:id/psk/check`,
    summary:
      "Does this key match the PSK (?tunnelId=: one tunnel's)? (viewers too; rate-limited per user and per key; every attempt audited)",
    requestBody: 'psk/check',
    query: ['tunnelId'],
    success: { status: 200, schema: pskCheckSchema },
    errors: [400, 404, 429, 502, 503, 504],
  },
  {
    id: 'getOperation',
    method: 'GET',
    path: '/api/v1/operations/:operationId',
    summary: 'One operation (kept in memory by the BFF process)',
    success: { status: 200, schema: operationSchema },
    errors: [404],
  },
  {
    id: 'events',
    method: 'GET',
    path: '/api/v1/events',
    summary:
      'SSE stream for this tab; ?gateways=regionId/vpnGatewayId,… sets the initial watch list',
    query: ['gateways'],
    success: { status: 200, schema: 'text/event-stream' },
    errors: [400, 503],
  },
  {
    id: 'watch',
    method: 'PUT',
    path: '/api/v1/events/:streamId/watch',
    summary: 'Replace the gateways an open stream watches (answers 204)',
    requestBody: 'events/watch',
    success: { status: 204, schema: watchRequestSchema },
    errors: [400, 404],
  },
  // Status history, stored logs, diagnosis, health overview (issue 15).
  ...historyRoutes,
] as const satisfies readonly ApiRoute[];

export type ApiRouteId = (typeof apiRoutes)[number]['id'];
