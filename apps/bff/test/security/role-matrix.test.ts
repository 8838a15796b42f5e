// Walks EVERY route of the API with no session, viewer, operator and admin: 401 without a
// session, 403 for a role below the route's, and through to the handler (neither) otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type ApiResponse, type TestApi, type TestStack } from '../harness';
import { matrixRoutes, registeredRoutes, type MatrixRoute, type Needs } from './routes';

const rank: Record<Needs, number> = { public: 0, viewer: 1, operator: 2, admin: 3 };
const callers = ['anonymous', 'viewer', 'operator', 'admin'] as const;
type Caller = (typeof callers)[number];

function concrete(path: string): string {
  return path
    .replace(':regionId', 'cn-hangzhou')
    .replace(':streamId', '00000000-0000-4000-8000-000000000000')
    .replace(/:[A-Za-z]+/g, 'x-matrix-1');
}

async function call(api: TestApi, route: MatrixRoute): Promise<ApiResponse> {
  const path = concrete(route.path);
  if (route.path === '/api/v1/events') {
    // A stream never ends by itself: read the status, then hang up.
    const stream = await api.events();
    const status = stream.status;
    stream.close();
    return { status, headers: new Headers(), body: undefined };
  }
  if (route.method === 'GET') return api.get(path);
  return api.raw(path, {
    method: route.method,
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
}

describe('route-by-role matrix', () => {
  let stack: TestStack;
  const apis = new Map<Caller, TestApi>();

  beforeAll(async () => {
    stack = await startTestStack({ role: 'anonymous' });
    for (const caller of callers) apis.set(caller, await stack.as(caller));
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  it('covers every route the app registers', () => {
    const known = new Set(matrixRoutes.map((r) => `${r.method} ${r.path}`));
    const registered = registeredRoutes(stack.app);
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((r) => !known.has(r))).toEqual([]);
  });

  for (const caller of callers) {
    it(`answers every route correctly for ${caller}`, async () => {
      const api = apis.get(caller);
      if (api === undefined) throw new Error('no api');
      const problems: string[] = [];
      for (const route of matrixRoutes) {
        const useApi =
          route.method === 'DELETE' && route.path === '/api/v1/session'
            ? await stack.as(caller)
            : api;
        // Logging out would end the caller's session: DELETE /session uses a throwaway one.
        const res = await call(useApi, route);
        const label = `${route.method} ${route.path} as ${caller} → ${res.status}`;
        const allowed =
          caller === 'anonymous' ? route.needs === 'public' : rank[caller] >= rank[route.needs];
        if (allowed) {
          if (res.status === 401 || res.status === 403 || res.status >= 500) problems.push(label);
          if (res.status === 404 && JSON.stringify(res.body).includes('RouteNotFound')) {
            problems.push(`${label} (route missing)`);
          }
        } else {
          const expected = caller === 'anonymous' ? 401 : 403;
          if (res.status !== expected) problems.push(`${label}, expected ${expected}`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }

  it('denies by default: paths the policy does not name answer 401 without a session and 404 with one', async () => {
    const anonymous = apis.get('anonymous');
    const admin = apis.get('admin');
    if (anonymous === undefined || admin === undefined) throw new Error('no api');
    expect((await anonymous.get('/api/v1/not-a-route')).status).toBe(401);
    expect((await admin.get('/api/v1/not-a-route')).status).toBe(404);
    expect(
      (
        await admin.raw('/api/v1/regions', {
          method: 'POST',
          body: '{}',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(404);
  });
});
