// The explicitly named "no security layer" for benches (BENCH_SECURITY=off measures the BFF
// core alone). It lives outside src/ so the production bundle can never import it: createApp
// requires a security layer, and this is the only one that allows everything.
import { randomBytes } from 'node:crypto';
import type { AppSecurity } from '../src/app';
import { pskKeys } from '../src/modules/secret-view';

/** Allows every request without a session. Benches only — never production or tests. */
export const PERMISSIVE_SECURITY_FOR_BENCH_ONLY: AppSecurity = {
  guard: [],
  routers: [],
  pskKeys: pskKeys(randomBytes(32)),
  windows: { take: () => Promise.resolve(0) },
};
