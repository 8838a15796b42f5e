// Network mocked at fetch: a test declares the requests it expects and their answers; any other
// request fails the test (reported in afterEach) and answers 599. A mocked answer the route table
// says the server cannot give (a dry run on a route without one, a status the route does not
// answer, a success body its schema refuses) fails the test the same way: a mock may only say
// what the real server can say.
import { dryRunVerdictSchema } from '@vpn-console/shared/api/operations';
import { apiRoutes, type ApiRoute } from '@vpn-console/shared/api/routes';
import { vi } from 'vitest';

const table = (apiRoutes as readonly ApiRoute[]).map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/:[A-Za-z]+/g, '[^/]+')}$`),
}));
/** Answers every guarded route can give besides its own (no session, role or CSRF refused). */
const GUARD_STATUSES = [401, 403];

/** Why the server could not give this answer, or undefined when it could (or the table has no such route). */
const impossibleAnswer = (
  method: string,
  url: URL,
  answer: { status: number; body?: unknown },
): string | undefined => {
  const route = table.find((r) => r.route.method === method && r.pattern.test(url.pathname))?.route;
  if (route === undefined) return undefined;
  const dryRun = url.searchParams.get('dryRun') === 'true';
  if (dryRun && route.dryRun !== true) return `${route.id} has no dry run`;
  const success = dryRun ? { status: 200, schema: dryRunVerdictSchema } : route.success;
  if (answer.status === success.status) {
    if (success.status === 204) {
      return answer.body === undefined ? undefined : `${route.id} answers 204 without a body`;
    }
    if (typeof success.schema === 'string' || success.schema.safeParse(answer.body).success) {
      return undefined;
    }
    return `${route.id} answers ${success.status} with a body its schema refuses`;
  }
  if ([...route.errors, ...GUARD_STATUSES].includes(answer.status)) return undefined;
  return `${route.id} never answers ${answer.status}`;
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export interface MockRoute {
  method: string;
  /** Path without the query string, or a pattern. */
  path: string | RegExp;
  /** Matches the query string too when given (e.g. 'dryRun=true'). */
  query?: string;
  respond: (
    req: RecordedRequest,
  ) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;
  /** Answer only once (later calls fall through to other routes). */
  once?: boolean;
}

let problems: string[] = [];

export const takeFetchProblems = (): string[] => {
  const out = problems;
  problems = [];
  return out;
};

export const mockFetch = (routes: MockRoute[]) => {
  const calls: RecordedRequest[] = [];
  const used = new Set<MockRoute>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, 'http://127.0.0.1');
    const method = (init?.method ?? 'GET').toUpperCase();
    const rawBody = init?.body;
    const req: RecordedRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: typeof rawBody === 'string' ? (JSON.parse(rawBody) as unknown) : undefined,
    };
    calls.push(req);
    const route = routes.find(
      (r) =>
        !(r.once === true && used.has(r)) &&
        r.method === method &&
        (typeof r.path === 'string' ? r.path === url.pathname : r.path.test(url.pathname)) &&
        (r.query === undefined || url.search.includes(r.query)),
    );
    if (route === undefined) {
      problems.push(`${method} ${url.pathname}${url.search}`);
      return new Response(JSON.stringify({ error: { code: 'NotMocked', httpStatus: 599 } }), {
        status: 599,
      });
    }
    used.add(route);
    const answer = await route.respond(req);
    const impossible = impossibleAnswer(method, url, answer);
    if (impossible !== undefined)
      problems.push(`${method} ${url.pathname}${url.search}: ${impossible}`);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
};
