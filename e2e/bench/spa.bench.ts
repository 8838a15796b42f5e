// SPA benchmarks: initial-route JavaScript (gzip) and Lighthouse (desktop preset, Debian's
// Chromium) performance and accessibility for the login page, the gateway list and a gateway page,
// against the built console on a loopback port. Prints the figures against the targets; never fails
// on a figure (only when something cannot be measured at all).
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { demoAccountListSchema } from '@vpn-console/shared/api/demo';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { csrfHeader, sessionPaths } from '@vpn-console/shared/api/session';
import { vpnGatewayListSchema } from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/fixtures/env';
import { startStack, WEB_DIST } from '../tests/fixtures/stack';
import { measureInitialJs } from './initial-js';

const TARGETS = { initialJsGzipBytes: 170_000, performance: 95, accessibility: 95 } as const;

interface PageScore {
  readonly page: string;
  readonly url: string;
  readonly performance: number | undefined;
  readonly accessibility: number | undefined;
  readonly lcpMs: number | undefined;
  readonly tbtMs: number | undefined;
  readonly cls: number | undefined;
  /** Why a score is missing (Lighthouse's runtime error or the LCP audit's message). */
  readonly problem: string | undefined;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok: boolean): string => (ok ? 'meets target' : 'MISSES target');

async function getJson(url: string, cookie?: string): Promise<unknown> {
  const response = await fetch(url, { headers: cookie === undefined ? {} : { Cookie: cookie } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}

/** Logs in as the demo operator and answers the Cookie header a browser would send. */
async function operatorCookie(baseURL: string): Promise<string> {
  const { accounts } = demoAccountListSchema.parse(await getJson(baseURL + sessionPaths.demo()));
  const operator = accounts.find((a) => a.role === 'operator');
  if (operator === undefined) throw new Error('no demo operator account');
  const response = await fetch(baseURL + sessionPaths.session(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [csrfHeader.name]: csrfHeader.value },
    body: JSON.stringify({ username: operator.username, password: operator.password }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  if (cookies.length === 0) throw new Error('login set no cookie');
  return cookies.join('; ');
}

async function audit(
  port: number,
  page: string,
  url: string,
  cookie: string | undefined,
): Promise<PageScore> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(cookie === undefined ? {} : { extraHeaders: { Cookie: cookie } }),
    },
    desktopConfig,
  );
  if (result === undefined) throw new Error(`lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (s: number | null | undefined): number | undefined =>
    s === null || s === undefined ? undefined : Math.round(s * 100);
  return {
    page,
    url,
    performance: score(categories.performance?.score),
    accessibility: score(categories.accessibility?.score),
    lcpMs: audits['largest-contentful-paint']?.numericValue,
    tbtMs: audits['total-blocking-time']?.numericValue,
    cls: audits['cumulative-layout-shift']?.numericValue,
    problem:
      result.lhr.runtimeError?.message ??
      audits['largest-contentful-paint']?.errorMessage ??
      undefined,
  };
}

async function main(): Promise<void> {
  console.log('SPA benchmarks (built apps/web/dist served by the built BFF, Debian Chromium)');

  const initial = await measureInitialJs(WEB_DIST);
  for (const f of initial.files) {
    console.log(`  ${f.file}: ${kb(f.rawBytes)} raw, ${kb(f.gzipBytes)} gzip`);
  }
  console.log(
    `initial-route JS: ${kb(initial.gzipBytes)} gzip (${kb(initial.rawBytes)} raw); ` +
      `target ≤ ${kb(TARGETS.initialJsGzipBytes)}: ${verdict(initial.gzipBytes <= TARGETS.initialJsGzipBytes)}`,
  );

  const stack = await startStack();
  const chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const cookie = await operatorCookie(stack.baseURL);
    // The demo seed's busiest gateway (five connections in every negotiation state).
    const regionId = DEMO_IDS.regions.hangzhou;
    const gatewayId = DEMO_IDS.gateways.connections;
    const gateways = vpnGatewayListSchema.parse(
      await getJson(stack.baseURL + apiPaths.vpnGateways(regionId), cookie),
    );
    if (!gateways.items.some((g) => g.id === gatewayId)) {
      throw new Error(`the demo seed has no gateway ${gatewayId}`);
    }
    const pages: [string, string, string | undefined][] = [
      ['login', `${stack.baseURL}/login`, undefined],
      ['gateway list', `${stack.baseURL}/regions/${regionId}/gateways`, cookie],
      ['gateway page', `${stack.baseURL}/regions/${regionId}/gateways/${gatewayId}`, cookie],
    ];
    const scores: PageScore[] = [];
    for (const [page, url, pageCookie] of pages) {
      scores.push(await audit(chrome.port, page, url, pageCookie));
    }
    console.log('Lighthouse 12.8 desktop preset (one run per page):');
    for (const s of scores) {
      const perf = s.performance ?? 0;
      const a11y = s.accessibility ?? 0;
      console.log(
        `  ${s.page.padEnd(13)} performance ${String(s.performance ?? 'n/a').padStart(3)} ` +
          `(${verdict(perf >= TARGETS.performance)} ≥ ${TARGETS.performance}), ` +
          `accessibility ${String(s.accessibility ?? 'n/a').padStart(3)} ` +
          `(${verdict(a11y >= TARGETS.accessibility)} ≥ ${TARGETS.accessibility}); ` +
          `LCP ${s.lcpMs?.toFixed(0) ?? 'n/a'} ms, TBT ${s.tbtMs?.toFixed(0) ?? 'n/a'} ms, ` +
          `CLS ${s.cls?.toFixed(3) ?? 'n/a'}  ${s.url.replace(stack.baseURL, '')}` +
          (s.problem === undefined ? '' : `  (${s.problem})`),
      );
    }
  } finally {
    chrome.kill();
    await stack.dispose();
  }
}

await main();
