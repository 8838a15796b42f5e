// Size gate: the JavaScript a browser must load to show the first screen stays within 170 KB
// gzip. The first screen is the login page (signed out) or the gateway list (signed in: "/"
// redirects there), so each is measured as the entry chunk plus everything it imports
// statically, plus the route's lazy page chunk and its static imports. Wizards and other pages
// are separate lazy chunks and are not part of it. The tab also loads one dictionary chunk (its
// language); the larger of the two is counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const LIMIT_BYTES = 170_000;
const dist = join(import.meta.dirname, '..', 'dist');

const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);
const manifest = manifestSchema.parse(
  JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')),
);

const closure = (keys: readonly string[]): Set<string> => {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const dep of manifest[key]?.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return seen;
};

const gzipCache = new Map<string, number>();
const gzipOf = (file: string): number => {
  const cached = gzipCache.get(file);
  if (cached !== undefined) return cached;
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  gzipCache.set(file, size);
  return size;
};

const entry = Object.entries(manifest).find(([, v]) => v.isEntry === true)?.[0];
if (entry === undefined) throw new Error('size-gate: no entry in the Vite manifest');

const routes: Record<string, string> = {
  'login (signed out)': 'src/app/login-route.tsx',
  'gateway list (signed in)': 'src/app/gateway-routes.tsx',
};

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
let failed = false;
const entryFiles = closure([entry]);
const entryBytes = [...entryFiles].reduce((sum, k) => sum + gzipOf(manifest[k]?.file ?? ''), 0);
console.log(`entry (${entryFiles.size} chunks): ${kb(entryBytes)} gzip`);
const dictionaries = ['src/lib/messages-en.ts', 'src/lib/messages-zh-cn.ts'];
const sizeOf = (keys: Set<string>) =>
  [...keys].reduce((sum, k) => sum + gzipOf(manifest[k]?.file ?? ''), 0);
const largestDictionary = dictionaries.reduce((best, d) => {
  if (manifest[d] === undefined) throw new Error(`size-gate: ${d} is not a chunk`);
  return sizeOf(closure([entry, d])) > sizeOf(closure([entry, best])) ? d : best;
});
for (const [name, page] of Object.entries(routes)) {
  if (manifest[page] === undefined) throw new Error(`size-gate: ${page} is not a chunk`);
  const files = closure([entry, page, largestDictionary]);
  const total = [...files].reduce((sum, k) => sum + gzipOf(manifest[k]?.file ?? ''), 0);
  const over = total > LIMIT_BYTES;
  failed ||= over;
  console.log(
    `initial route JS, ${name}: ${kb(total)} gzip in ${files.size} chunks (limit ${kb(LIMIT_BYTES)})${over ? '  OVER BUDGET' : ''}`,
  );
}
if (failed) {
  console.error('size-gate: the initial route JavaScript is over budget');
  process.exit(1);
}
