// The authorisation policy: every API route, who may call it, in one table. Anything not in
// the table is refused (default deny). The middleware in guard.ts applies it before any router.
import type { Role } from '@vpn-console/shared/api/session';

/** `public`: no session needed; a role: that role or a higher one. */
export type Access = 'public' | Role;

export interface PolicyRule {
  readonly methods: readonly string[];
  /** Path pattern: literal segments, `:name` for one segment, `**` (last) for any rest. */
  readonly pattern: string;
  readonly access: Access;
  /** Audit action recorded when a signed-in caller is refused here (403), e.g. `revealPsk`. */
  readonly auditRefusal?: string;
}

const R = '/api/v1/regions/:regionId';
const resources = ['ipsec-servers', 'vpn-connections', 'ssl-vpn-servers'] as const;
const READ = ['GET', 'HEAD'] as const;

export const policyRules: readonly PolicyRule[] = [
  // Open to everyone: liveness, the contract, the demo accounts list, login and logout.
  { methods: READ, pattern: '/api/v1/health', access: 'public' },
  { methods: READ, pattern: '/api/v1/health/ready', access: 'public' },
  { methods: READ, pattern: '/api/v1/openapi.json', access: 'public' },
  { methods: READ, pattern: '/api/v1/demo', access: 'public' },
  { methods: ['POST', 'DELETE'], pattern: '/api/v1/session', access: 'public' },
  // Any signed-in account: who am I, reading resources, status, operations, audit (filtered).
  { methods: READ, pattern: '/api/v1/session', access: 'viewer' },
  { methods: READ, pattern: '/api/v1/regions', access: 'viewer' },
  { methods: READ, pattern: '/api/v1/vpn-gateways', access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-gateways`, access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-gateways/:vpnGatewayId`, access: 'viewer' },
  { methods: READ, pattern: `${R}/customer-gateways`, access: 'viewer' },
  { methods: READ, pattern: `${R}/customer-gateways/:id`, access: 'viewer' },
  ...resources.flatMap((r): PolicyRule[] => [
    { methods: READ, pattern: `${R}/${r}`, access: 'viewer' },
    { methods: READ, pattern: `${R}/${r}/:id`, access: 'viewer' },
  ]),
  // Remote-access clients: certificates (no key material), who is connected, the IPsec client
  // profile with its PSK masked: support staff read them.
  { methods: READ, pattern: `${R}/ssl-vpn-servers/:id/client-certs`, access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-gateways/:vpnGatewayId/ssl-vpn-clients`, access: 'viewer' },
  { methods: READ, pattern: `${R}/ipsec-servers/:id/client-profile`, access: 'viewer' },
  { methods: READ, pattern: '/api/v1/operations/:operationId', access: 'viewer' },
  { methods: READ, pattern: '/api/v1/events', access: 'viewer' },
  { methods: ['PUT'], pattern: '/api/v1/events/:streamId/watch', access: 'viewer' },
  { methods: READ, pattern: '/api/v1/audit', access: 'viewer' },
  // Status history, stored logs, diagnosis and the health overview: support staff read them.
  { methods: READ, pattern: `${R}/vpn-gateways/:vpnGatewayId/history`, access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-gateways/:vpnGatewayId/history/export`, access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-connections/:id/logs`, access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-connections/:id/logs/export`, access: 'viewer' },
  { methods: READ, pattern: `${R}/vpn-connections/:id/diagnosis`, access: 'viewer' },
  { methods: READ, pattern: '/api/v1/health-overview', access: 'viewer' },
  // "Does this key match?": support staff confirm a key without seeing it (rate-limited, audited).
  { methods: ['POST'], pattern: `${R}/ipsec-servers/:id/psk/check`, access: 'viewer' },
  { methods: ['POST'], pattern: `${R}/vpn-connections/:id/psk/check`, access: 'viewer' },
  // Operators: every configuration write and the PSK reveal.
  { methods: ['POST'], pattern: `${R}/customer-gateways`, access: 'operator' },
  ...resources.flatMap((r): PolicyRule[] => [
    { methods: ['POST'], pattern: `${R}/${r}`, access: 'operator' },
    { methods: ['PATCH', 'DELETE'], pattern: `${R}/${r}/:id`, access: 'operator' },
  ]),
  {
    methods: ['POST'],
    pattern: `${R}/ipsec-servers/:id/psk/reveal`,
    access: 'operator',
    auditRefusal: 'revealPsk',
  },
  {
    methods: ['POST'],
    pattern: `${R}/vpn-connections/:id/psk/reveal`,
    access: 'operator',
    auditRefusal: 'revealPsk',
  },
  // One tunnel of a dual-tunnel connection (ModifyTunnelAttribute).
  { methods: ['PATCH'], pattern: `${R}/vpn-connections/:id/tunnels/:tunnelId`, access: 'operator' },
  // The peer configuration for a device (issue 13): carries the PSK, audited like a reveal.
  {
    methods: ['POST'],
    pattern: `${R}/vpn-connections/:id/peer-config`,
    access: 'operator',
    auditRefusal: 'exportPeerConfig',
  },
  // Client certificates and the downloads that carry a private key or a PSK.
  { methods: ['POST'], pattern: `${R}/ssl-vpn-servers/:id/client-certs`, access: 'operator' },
  { methods: ['PATCH', 'DELETE'], pattern: `${R}/ssl-vpn-client-certs/:id`, access: 'operator' },
  {
    methods: ['POST'],
    pattern: `${R}/ssl-vpn-client-certs/:id/bundle`,
    access: 'operator',
    auditRefusal: 'downloadSslVpnClientBundle',
  },
  {
    methods: ['POST'],
    pattern: `${R}/ipsec-servers/:id/client-profile/download`,
    access: 'operator',
    auditRefusal: 'downloadIpsecClientProfile',
  },
  // Admins: accounts, and /metrics (or a scraper with METRICS_TOKEN: auth/guard.ts).
  { methods: READ, pattern: '/metrics', access: 'admin' },
  { methods: ['GET', 'HEAD', 'POST'], pattern: '/api/v1/accounts', access: 'admin' },
  { methods: ['GET', 'HEAD', 'PATCH'], pattern: '/api/v1/accounts/:accountId', access: 'admin' },
  { methods: ['DELETE'], pattern: '/api/v1/accounts/:accountId/sessions', access: 'admin' },
];

interface CompiledRule {
  readonly methods: ReadonlySet<string>;
  readonly segments: readonly string[];
  readonly rest: boolean;
  readonly access: Access;
  readonly auditRefusal: string | undefined;
}

function compile(rule: PolicyRule): CompiledRule {
  const segments = rule.pattern.split('/').filter((s) => s !== '');
  const rest = segments.at(-1) === '**';
  return {
    methods: new Set(rule.methods),
    segments: rest ? segments.slice(0, -1) : segments,
    rest,
    access: rule.access,
    auditRefusal: rule.auditRefusal,
  };
}

function matches(rule: CompiledRule, segments: readonly string[]): boolean {
  if (
    rule.rest ? segments.length < rule.segments.length : segments.length !== rule.segments.length
  ) {
    return false;
  }
  return rule.segments.every((p, i) => {
    const s = segments[i];
    return s !== undefined && s !== '' && (p.startsWith(':') || p === s);
  });
}

export type Decision =
  { readonly access: Access; readonly auditRefusal?: string } | { readonly access: 'deny' };

/** Builds the lookup of a rule table (the app uses `policyRules`). */
export function compilePolicy(
  rules: readonly PolicyRule[],
): (method: string, path: string) => Decision {
  const compiled = rules.map(compile);
  return (method, path) => {
    const segments = path.split('/').filter((s) => s !== '');
    // A path with empty segments (`//`), a trailing slash (strict routing) or dot segments
    // never matches a rule.
    if (
      path.includes('//') ||
      (path.length > 1 && path.endsWith('/')) ||
      segments.some((s) => s === '.' || s === '..')
    ) {
      return { access: 'deny' };
    }
    const m = method.toUpperCase();
    const rule = compiled.find((r) => r.methods.has(m) && matches(r, segments));
    if (rule === undefined) return { access: 'deny' };
    return rule.auditRefusal === undefined
      ? { access: rule.access }
      : { access: rule.access, auditRefusal: rule.auditRefusal };
  };
}

export const decide = compilePolicy(policyRules);
