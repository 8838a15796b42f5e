// Size gate: the JavaScript a browser downloads before each first screen is usable stays within
// 170 KB gzip (issue 6). Each screen is walked in the graph Vite built (`build.manifest`): the
// entry with its static imports, then each lazy chunk the screen waits for — which must be a
// dynamic import of a chunk already loaded, as in the browser — with its static imports. Every
// chunk is counted once, gzip -9, as the browser fetches it. Screens:
// - login (signed out): entry, login page, the dictionary;
// - gateway list (signed in; "/" redirects there): entry, shell (`app/layout.tsx`), list page,
//   the dictionary;
// - gateway page (deep link): entry, shell, gateway page, the dictionary.
// A tab loads one dictionary (its language): each screen is measured with each language and the
// larger figure is the one gated. Wizards, audit, accounts and the sign-in dialog are other lazy
// chunks and not part of a first screen.
import { existsSync, readFileSync } from 'node:fs';
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
    dynamicImports: z.array(z.string()).optional(),
  }),
);
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) throw new Error('size-gate: no Vite manifest; run `vite build`');
const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));

const chunk = (key: string) => {
  const c = manifest[key];
  if (c === undefined) throw new Error(`size-gate: ${key} is not a chunk of the build`);
  return c;
};

const gzipCache = new Map<string, number>();
const gzipOf = (key: string): number => {
  const cached = gzipCache.get(key);
  if (cached !== undefined) return cached;
  const size = gzipSync(readFileSync(join(dist, chunk(key).file)), { level: 9 }).length;
  gzipCache.set(key, size);
  return size;
};

const entries = Object.entries(manifest).filter(([, v]) => v.isEntry === true);
const entry = entries[0]?.[0];
if (entry === undefined || entries.length !== 1)
  throw new Error('size-gate: expected exactly one entry in the Vite manifest');

/** The chunks loaded to show a screen: the entry, then each lazy chunk in the order awaited. */
const walk = (lazyChunks: readonly string[]): string[] => {
  const loaded: string[] = [];
  const addStatic = (key: string) => {
    if (loaded.includes(key)) return;
    loaded.push(key);
    for (const dep of chunk(key).imports ?? []) addStatic(dep);
  };
  addStatic(entry);
  for (const key of lazyChunks) {
    const importer = loaded.find((k) => chunk(k).dynamicImports?.includes(key) === true);
    if (importer === undefined)
      throw new Error(`size-gate: ${key} is not lazily imported by a chunk loaded before it`);
    addStatic(key);
  }
  return loaded;
};

const dictionaries = { en: 'src/lib/messages-en.ts', 'zh-CN': 'src/lib/messages-zh-cn.ts' };
const screens: Record<string, readonly string[]> = {
  'login (signed out)': ['src/app/login-route.tsx'],
  'gateway list (signed in)': ['src/app/layout.tsx', 'src/app/gateway-routes.tsx'],
  'gateway page (deep link)': ['src/app/layout.tsx', 'src/app/gateway-page.tsx'],
};

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
let failed = false;
for (const [name, lazyChunks] of Object.entries(screens)) {
  const measured = Object.entries(dictionaries).map(([language, dictionary]) => {
    const files = walk([dictionary, ...lazyChunks]);
    return { language, files, total: files.reduce((sum, k) => sum + gzipOf(k), 0) };
  });
  const worst = measured.reduce((a, b) => (b.total > a.total ? b : a));
  const over = worst.total > LIMIT_BYTES;
  failed ||= over;
  console.log(
    `first screen JS, ${name}: ${kb(worst.total)} gzip in ${worst.files.length} chunks (${measured
      .map((m) => `${m.language} ${kb(m.total)}`)
      .join(', ')}; limit ${kb(LIMIT_BYTES)})${over ? '  OVER BUDGET' : ''}`,
  );
  for (const key of [...worst.files].sort((a, b) => gzipOf(b) - gzipOf(a)))
    console.log(`  ${kb(gzipOf(key)).padStart(9)}  ${chunk(key).file}  (${key})`);
}
if (failed) {
  console.error('size-gate: a first screen loads more than 170 kB gzip of JavaScript');
  process.exit(1);
}
