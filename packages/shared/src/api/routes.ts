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
// - Errors: `apiErrorBodySchema` (`errors.ts`) with 400/404/409/413/415/429/502/503/504; the
//   guard adds 401 (no session) and 403 (role too low) to every route that is not `public`.
// - `role`: who may call the route (that role or a higher one); the BFF's authorisation policy is
//   built from it (apps/bff/src/auth/policy.ts), and the BFF mounts each handler by route id.
import type { z } from 'zod';
import { accountListSchema, accountViewSchema } from './accounts';
import { auditPageSchema } from './audit';
import { demoAccountListSchema, demoActionResultSchema } from './demo';
import { peerConfigResponseSchema } from './peer-config';
import { pskCheckSchema, pskRevealSchema } from './psk';
import { sessionViewSchema, type Role } from './session';
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
import { routeAt, type HttpMethod, type RouteId } from './paths';
import * as routePaths from './route-paths';

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
  | 'customer-gateway/change'
  | 'ssl-vpn-client-cert/create'
  | 'ssl-vpn-client-cert/rename'
  | 'events/watch'
  | 'psk/check'
  | 'session/login'
  | 'accounts/create'
  | 'accounts/change'
  | 'peer-config/create';

/** `public`: no session needed; a role: that role or a higher one. */
export type RouteAccess = 'public' | Role;

/** A route as the table writes it: its method and path are `routePaths[id]` (route-paths.ts). */
export interface RouteSpec {
  readonly id: RouteId;
  readonly summary: string;
  readonly role: RouteAccess;
  /** Audit action recorded when a signed-in caller is refused here (403), e.g. `revealPsk`. */
  readonly auditRefusal?: string;
  readonly requestBody?: RequestBodyRef;
  /** Query parameters other than `dryRun`. */
  readonly query?: readonly string[];
  readonly dryRun?: boolean;
  /**
   * `attachment`: a file download (`Content-Disposition: attachment`, `Cache-Control: no-store`);
   * `text/plain`: Prometheus' text format; `application/json`: a JSON document described
   * elsewhere (the OpenAPI document itself); `none`: no body (204).
   */
  readonly success: {
    readonly status: number;
    readonly schema:
      z.ZodType | 'text/event-stream' | 'attachment' | 'text/plain' | 'application/json' | 'none';
  };
  readonly errors: readonly number[];
}

/** A route of the table, with its method and its Express path (`:param`). */
export interface ApiRoute extends RouteSpec {
  readonly method: HttpMethod;
  readonly path: string;
}

/** The specs with their method and path; throws unless they name every route exactly once. */
const located = <const S extends RouteSpec>(specs: readonly S[]): readonly (S & ApiRoute)[] => {
  const ids: string[] = specs.map((s) => s.id);
  const missing = Object.keys(routePaths).filter((id) => !ids.includes(id));
  if (missing.length > 0 || new Set(ids).size !== ids.length)
    throw new Error(`route table: every route id once (missing: ${missing.join(', ')})`);
  return specs.map((s) => ({ ...s, ...routeAt(s.id) }));
};

/** What a read of one cloud resource may answer besides 200. */
const CLOUD_READ_ERRORS = [400, 404, 502, 503, 504] as const;
/** What a write of a cloud resource may answer besides 202 and its operation. */
const CLOUD_WRITE_ERRORS = [400, 404, 409, 502, 503, 504] as const;

type RouteExtras = Omit<RouteSpec, 'id' | 'role' | 'summary' | 'success' | 'errors'>;

/** A read of one cloud resource: viewers; 200 with `schema`. */
const cloudRead = <const Id extends RouteId>(
  id: Id,
  summary: string,
  schema: z.ZodType,
  extras?: RouteExtras,
) =>
  ({
    id,
    role: 'viewer',
    summary,
    ...extras,
    success: { status: 200, schema },
    errors: CLOUD_READ_ERRORS,
  }) as const;

/** A write of a cloud resource: operators; 202 with the operation (operations.ts). */
const cloudWrite = <const Id extends RouteId>(id: Id, summary: string, extras?: RouteExtras) =>
  ({
    id,
    role: 'operator',
    summary,
    ...extras,
    success: { status: 202, schema: operationSchema },
    errors: CLOUD_WRITE_ERRORS,
  }) as const;

export const apiRoutes = located([
  {
    id: 'health',
    role: 'public',
    summary: 'Liveness and cloud mode',
    success: { status: 200, schema: healthSchema },
    errors: [],
  },
  {
    id: 'ready',
    role: 'public',
    summary: 'Readiness (503 while starting or shutting down)',
    success: { status: 200, schema: healthSchema },
    errors: [503],
  },
  {
    id: 'listRegions',
    role: 'viewer',
    summary: 'Regions',
    success: { status: 200, schema: regionListSchema },
    errors: [502, 503, 504],
  },
  {
    id: 'listAllVpnGateways',
    role: 'viewer',
    summary:
      'VPN gateways of every region: searched, filtered, sorted and paged by the BFF from region lists shared for a short time',
    query: ['q', 'status', 'regionId', 'sort', 'page', 'pageSize'],
    success: { status: 200, schema: gatewayPageSchema },
    errors: [400, 502, 503, 504],
  },
  {
    id: 'listVpnGateways',
    role: 'viewer',
    summary: 'VPN gateways of a region (searched, filtered, sorted and paged by the BFF)',
    query: ['q', 'status', 'sort', 'page', 'pageSize'],
    success: { status: 200, schema: gatewayPageSchema },
    errors: [400, 502, 503, 504],
  },
  cloudRead(
    'getVpnGateway',
    'One gateway with its IPsec server, SSL-VPN servers and connections',
    vpnGatewayDetailViewSchema,
  ),
  {
    id: 'listCustomerGateways',
    role: 'viewer',
    summary: 'Customer gateways of a region',
    success: { status: 200, schema: customerGatewayListSchema },
    errors: [400, 502, 503, 504],
  },
  cloudRead('getCustomerGateway', 'One customer gateway', customerGatewayViewSchema),
  {
    id: 'createCustomerGateway',
    role: 'operator',
    summary:
      'Create a customer gateway (202 + operation; ?dryRun=true → verdict checked by the console, the API has no dry run for it)',
    requestBody: 'customer-gateway/create',
    dryRun: true,
    success: { status: 202, schema: operationSchema },
    errors: [400, 409, 502, 503, 504],
  },
  cloudWrite(
    'changeCustomerGateway',
    'Rename a customer gateway or change its description (202 + operation; no dry run)',
    { requestBody: 'customer-gateway/change' },
  ),
  cloudWrite(
    'deleteCustomerGateway',
    'Delete a customer gateway (202 + operation; 409 CustomerGatewayInUse while a connection uses it)',
  ),
  ...(
    [
      ['IpsecServer', 'ipsec-server', ipsecServerListSchema, ipsecServerViewSchema, true],
      [
        'VpnConnection',
        'vpn-connection',
        vpnConnectionListSchema,
        vpnConnectionViewSchema,
        // ModifyVpnConnectionAttribute has no DryRun parameter.
        false,
      ],
      ['SslVpnServer', 'ssl-vpn-server', sslVpnServerListSchema, sslVpnServerViewSchema, true],
    ] as const
  ).flatMap(([name, kind, listSchema, viewSchema, changeDryRun]) => [
    {
      id: `list${name}s` as const,
      role: 'viewer' as const,
      summary: `${kind} list (filter with ?vpnGatewayId=)`,
      query: ['vpnGatewayId'],
      success: { status: 200, schema: listSchema },
      errors: [400, 502, 503, 504],
    },
    cloudRead(`get${name}`, `One ${kind}`, viewSchema),
    cloudWrite(`create${name}`, `Create an ${kind} (202 + operation; ?dryRun=true → verdict)`, {
      requestBody: `${kind}/create`,
      dryRun: true,
    }),
    cloudWrite(
      `change${name}`,
      `Change an ${kind} (202 + operation${changeDryRun ? '; ?dryRun=true → verdict' : ''})`,
      { requestBody: `${kind}/change`, dryRun: changeDryRun },
    ),
    cloudWrite(`delete${name}`, `Delete an ${kind} (202 + operation)`),
  ]),
  // One tunnel of a dual-tunnel connection (issue 12).
  cloudWrite(
    'changeVpnConnectionTunnel',
    'Change one tunnel of a dual-tunnel connection (ModifyTunnelAttribute; 202 + operation; no dry run)',
    { requestBody: 'vpn-connection/tunnel-change' },
  ),
  // Remote-access clients (issue 14).
  cloudRead(
    'listSslVpnClientCerts',
    'Client certificates of an SSL-VPN server (no key material)',
    sslVpnClientCertListSchema,
  ),
  cloudWrite('createSslVpnClientCert', 'Create a client certificate (202 + operation)', {
    requestBody: 'ssl-vpn-client-cert/create',
  }),
  cloudWrite('renameSslVpnClientCert', 'Rename a client certificate (202 + operation)', {
    requestBody: 'ssl-vpn-client-cert/rename',
  }),
  cloudWrite('deleteSslVpnClientCert', 'Delete (revoke) a client certificate (202 + operation)'),
  {
    id: 'downloadSslVpnClientBundle',
    role: 'operator',
    auditRefusal: 'downloadSslVpnClientBundle',
    summary:
      'The client bundle: an .ovpn with the CA, certificate and private key inline (operators; audited like a reveal; no-store)',
    query: ['format'],
    success: { status: 200, schema: 'attachment' },
    errors: [400, 404, 502, 503, 504],
  },
  cloudRead(
    'listSslVpnClients',
    "Clients connected to the gateway's SSL-VPN server",
    sslVpnClientListSchema,
  ),
  cloudRead(
    'getIpsecClientProfile',
    'What a road-warrior client needs (strongSwan swanctl.conf, native IKEv2 settings); PSK masked',
    ipsecClientProfileSchema,
  ),
  {
    id: 'downloadIpsecClientProfile',
    role: 'operator',
    auditRefusal: 'downloadIpsecClientProfile',
    summary:
      'The client profile as a file with the PSK (?format=swanctl|settings; operators; audited like a reveal; no-store)',
    query: ['format'],
    success: { status: 200, schema: 'attachment' },
    errors: [400, 404, 502, 503, 504],
  },
  {
    id: 'checkIpsecServerPsk',
    role: 'viewer',
    summary:
      'Does this key match the PSK? (viewers too; rate-limited per user and per key; every attempt audited)',
    requestBody: 'psk/check',
    success: { status: 200, schema: pskCheckSchema },
    errors: [400, 404, 429, 502, 503, 504],
  },
  {
    id: 'checkVpnConnectionPsk',
    role: 'viewer',
    summary:
      "Does this key match the PSK (?tunnelId=: one tunnel's)? (viewers too; rate-limited per user and per key; every attempt audited)",
    requestBody: 'psk/check',
    query: ['tunnelId'],
    success: { status: 200, schema: pskCheckSchema },
    errors: [400, 404, 429, 502, 503, 504],
  },
  {
    id: 'getOperation',
    role: 'viewer',
    summary:
      'One operation (kept in the store: any replica answers; an id other than op- and letters, digits or dashes is not found)',
    success: { status: 200, schema: operationSchema },
    errors: [404],
  },
  {
    id: 'events',
    role: 'viewer',
    summary:
      'SSE stream for this tab; ?gateways=regionId/vpnGatewayId,… sets the initial watch list',
    query: ['gateways'],
    success: { status: 200, schema: 'text/event-stream' },
    errors: [400, 503],
  },
  {
    id: 'watch',
    role: 'viewer',
    summary: 'Replace the gateways an open stream watches (answers 204)',
    requestBody: 'events/watch',
    success: { status: 204, schema: 'none' },
    errors: [400, 404],
  },
  // The contract itself, sessions, accounts, audit and the demo accounts.
  {
    id: 'openapi',
    summary: 'This OpenAPI document, generated from the route table',
    role: 'public',
    success: { status: 200, schema: 'application/json' },
    errors: [],
  },
  {
    id: 'metrics',
    summary: "Prometheus metrics (an admin's session, or METRICS_TOKEN as a bearer token)",
    role: 'admin',
    success: { status: 200, schema: 'text/plain' },
    errors: [],
  },
  {
    id: 'demoAccounts',
    summary: 'The demo accounts and their passwords (demo mode only; 404 otherwise)',
    role: 'public',
    success: { status: 200, schema: demoAccountListSchema },
    errors: [404],
  },
  {
    id: 'login',
    summary: 'Sign in (sets the session cookie; back-off past repeated failures: 429)',
    role: 'public',
    requestBody: 'session/login',
    success: { status: 201, schema: sessionViewSchema },
    errors: [400, 401, 429],
  },
  {
    id: 'getSession',
    summary: 'Who is signed in, with which role',
    role: 'viewer',
    success: { status: 200, schema: sessionViewSchema },
    errors: [],
  },
  {
    id: 'logout',
    summary: 'Sign out (answers 204 with or without a session)',
    role: 'public',
    success: { status: 204, schema: 'none' },
    errors: [],
  },
  {
    id: 'listAccounts',
    summary: 'Every console account',
    role: 'admin',
    success: { status: 200, schema: accountListSchema },
    errors: [],
  },
  {
    id: 'getAccount',
    summary: 'One console account',
    role: 'admin',
    success: { status: 200, schema: accountViewSchema },
    errors: [404],
  },
  {
    id: 'createAccount',
    summary: 'Create a console account (409 AccountExists whatever the case of the name)',
    role: 'admin',
    requestBody: 'accounts/create',
    success: { status: 201, schema: accountViewSchema },
    errors: [400, 409],
  },
  {
    id: 'changeAccount',
    summary: 'Change the role, enable or disable, or reset the password of an account',
    role: 'admin',
    requestBody: 'accounts/change',
    success: { status: 200, schema: accountViewSchema },
    errors: [400, 404, 409],
  },
  {
    id: 'endAccountSessions',
    summary: 'End every session of an account',
    role: 'admin',
    success: { status: 204, schema: 'none' },
    errors: [404],
  },
  {
    id: 'listAudit',
    summary: "The audit log, newest first (viewers and operators see their own role's entries)",
    role: 'viewer',
    query: ['vpnGatewayId', 'username', 'category', 'from', 'to', 'limit', 'cursor'],
    success: { status: 200, schema: auditPageSchema },
    errors: [400],
  },
  // The PSK in clear, and the peer configuration that carries it: operators, audited.
  ...(
    [
      ['IpsecServer', 'ipsec-servers'],
      ['VpnConnection', 'vpn-connections'],
    ] as const
  ).map(([name, plural]) => ({
    id: `reveal${name}Psk` as const,
    summary: `The ${plural === 'ipsec-servers' ? 'IPsec server' : 'connection'}'s PSK in clear (audited; ?tunnelId= for one tunnel of a dual-tunnel connection)`,
    role: 'operator' as const,
    auditRefusal: 'revealPsk',
    query: plural === 'vpn-connections' ? ['tunnelId'] : [],
    success: { status: 200, schema: pskRevealSchema },
    errors: [400, 404, 502, 503, 504],
  })),
  {
    id: 'exportPeerConfig',
    summary:
      "The peer device's configuration for a connection (vendor, format; carries the PSK: audited like a reveal)",
    role: 'operator',
    auditRefusal: 'exportPeerConfig',
    requestBody: 'peer-config/create',
    success: { status: 200, schema: peerConfigResponseSchema },
    errors: [400, 404, 502, 503, 504],
  },
  // Status history, stored logs, diagnosis, health overview (issue 15).
  ...historyRoutes,
  {
    id: 'resetDemo',
    summary:
      'Demo mode: the demo data as seeded again, scenarios cleared (admins; 404 outside demo mode; audited)',
    role: 'admin',
    success: { status: 200, schema: demoActionResultSchema },
    errors: [404],
  },
  {
    id: 'startDemoScenario',
    summary:
      'Demo mode: start a failure scenario — throttling, tunnel-down, gateway-stuck-updating (admins; audited)',
    role: 'admin',
    success: { status: 200, schema: demoActionResultSchema },
    errors: [400, 404],
  },
] as const satisfies readonly RouteSpec[]);

export type ApiRouteId = (typeof apiRoutes)[number]['id'];
