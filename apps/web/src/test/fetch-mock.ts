// Network mocked at fetch: a test declares the requests it expects and their answers; any other
// request fails the test (reported in afterEach) and answers 599.
import { vi } from 'vitest';

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
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
};
