// Every route of the API with the least role that may call it, written out independently of the
// policy table (so the matrix test checks the policy rather than repeating it), and the routes
// an Express app actually registers.
import { apiRoutes } from '@vpn-console/shared/api/routes';
import type { Role } from '@vpn-console/shared/api/session';
import type { Express } from 'express';
import { z } from 'zod';
import { servedRoutes } from '../../src/http/route-table';

export type Needs = 'public' | Role;

export interface MatrixRoute {
  readonly method: string;
  readonly path: string;
  readonly needs: Needs;
}

const PUBLIC_CONTRACT_ROUTES = new Set(['health', 'ready', 'openapi']);
/** Demo mode's levers (issue 17): admins only. */
const ADMIN_CONTRACT_ROUTES = new Set(['resetDemo', 'startDemoScenario']);

const contractRoutes: MatrixRoute[] = apiRoutes.map((r) => ({
  method: r.method,
  path: r.path,
  needs: PUBLIC_CONTRACT_ROUTES.has(r.id)
    ? 'public'
    : ADMIN_CONTRACT_ROUTES.has(r.id)
      ? 'admin'
      : r.method === 'GET' ||
          r.id === 'watch' ||
          r.id === 'checkIpsecServerPsk' ||
          r.id === 'checkVpnConnectionPsk'
        ? 'viewer'
        : 'operator',
}));

/** Routes whose least role the rule above does not give: sessions, accounts, demo, reveals, … */
const securityRoutes: MatrixRoute[] = [
  { method: 'POST', path: '/api/v1/session', needs: 'public' },
  { method: 'GET', path: '/api/v1/session', needs: 'viewer' },
  { method: 'DELETE', path: '/api/v1/session', needs: 'public' },
  { method: 'GET', path: '/api/v1/demo', needs: 'public' },
  { method: 'GET', path: '/api/v1/audit', needs: 'viewer' },
  { method: 'GET', path: '/api/v1/accounts', needs: 'admin' },
  { method: 'POST', path: '/api/v1/accounts', needs: 'admin' },
  { method: 'GET', path: '/api/v1/accounts/:accountId', needs: 'admin' },
  { method: 'PATCH', path: '/api/v1/accounts/:accountId', needs: 'admin' },
  { method: 'DELETE', path: '/api/v1/accounts/:accountId/sessions', needs: 'admin' },
  {
    method: 'POST',
    path: '/api/v1/regions/:regionId/ipsec-servers/:id/psk/reveal',
    needs: 'operator',
  },
  {
    method: 'POST',
    path: '/api/v1/regions/:regionId/vpn-connections/:id/psk/reveal',
    needs: 'operator',
  },
  {
    method: 'POST',
    path: '/api/v1/regions/:regionId/vpn-connections/:id/peer-config',
    needs: 'operator',
  },
  { method: 'GET', path: '/api/v1/openapi.json', needs: 'public' },
  { method: 'GET', path: '/metrics', needs: 'admin' },
];

export const matrixRoutes: MatrixRoute[] = [
  ...new Map(
    [...contractRoutes, ...securityRoutes].map((r) => [`${r.method} ${r.path}`, r] as const),
  ).values(),
];

/** The `stack` of an Express app's router or of a mounted router (both are functions). */
function stackOf(value: unknown): unknown[] | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null)
    return undefined;
  const stack: unknown = Reflect.get(value, 'stack');
  return Array.isArray(stack) ? stack : undefined;
}

const layerSchema = z.looseObject({ route: z.looseObject({}).optional() });

/** `METHOD path` of every route registered on the app (routers mounted at the root). */
export function registeredRoutes(app: Express): string[] {
  return servedRoutes(app.router).map((r) => `${r.method} ${r.path}`);
}

export interface RouterFacts {
  readonly name: string;
  readonly caseSensitive: unknown;
  readonly strict: unknown;
}

/** Every router of the app (the app's own included) that registers routes itself. */
export function routersOf(app: Express): RouterFacts[] {
  const out: RouterFacts[] = [];
  const visit = (router: unknown, name: string) => {
    const stack = stackOf(router);
    if (
      stack === undefined ||
      router === null ||
      (typeof router !== 'object' && typeof router !== 'function')
    )
      return;
    const own = stack.some((raw) => layerSchema.safeParse(raw).data?.route !== undefined);
    if (own) {
      out.push({
        name,
        caseSensitive: Reflect.get(router, 'caseSensitive'),
        strict: Reflect.get(router, 'strict'),
      });
    }
    stack.forEach((raw, i) => {
      const handle: unknown = Reflect.get(z.looseObject({}).parse(raw), 'handle');
      if (stackOf(handle) !== undefined) visit(handle, `${name}.${String(i)}`);
    });
  };
  visit(Reflect.get(app, 'router'), 'app');
  return out;
}
