import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// Mantine's ScrollArea (inside every Table) imports only `useMergeRefs` from @floating-ui/react,
// which drags floating-ui's positioning engine into the first screens; give it our copy of that
// hook (src/lib/merge-refs.ts). Other Mantine components keep using floating-ui.
const scrollAreaMergeRefs = (): Plugin => ({
  name: 'vpn-console:scroll-area-merge-refs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      source === '@floating-ui/react' &&
      importer !== undefined &&
      /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/.test(
        importer,
      )
    )
      return fileURLToPath(new URL('./src/lib/merge-refs.ts', import.meta.url));
    return null;
  },
});

// zod 4 classic binds a JSON Schema generator to every schema type (`.toJSONSchema()`), so that
// generator (≈ 4.5 kB gzip) cannot be tree-shaken and sat in every first screen. The browser
// never generates JSON Schema (it parses BFF answers with the shared schemas), so in the bundle
// those two zod modules keep their export names but throw if ever called. Parsing does not use
// them (checked on a bundle: safeParse of the shared schemas unchanged, `.toJSONSchema()` throws).
const zodWithoutJsonSchema = (): Plugin => ({
  name: 'vpn-console:zod-without-json-schema',
  apply: 'build',
  enforce: 'pre',
  load(id) {
    if (!/[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/.test(id))
      return null;
    const source = readFileSync(id, 'utf8');
    const names = new Set<string>();
    for (const m of source.matchAll(
      /^export (?:async )?(?:function\*? ?|const |let |class )(\w+)/gm,
    ))
      if (m[1] !== undefined) names.add(m[1]);
    for (const m of source.matchAll(/^export \{([^}]*)\}/gm))
      for (const part of (m[1] ?? '').split(','))
        names.add(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop() ?? '',
        );
    names.delete('');
    const factories = new Set(['createToJSONSchemaMethod', 'createStandardJSONSchemaMethod']);
    return [
      "const unavailable = () => { throw new Error('zod JSON Schema generation is not in the web bundle'); };",
      ...[...names].map((n) =>
        factories.has(n)
          ? `export const ${n} = () => unavailable;`
          : `export const ${n} = unavailable;`,
      ),
    ].join('\n');
  },
});

// The BFF serves apps/web/dist in production; in development the dev server proxies /api to it.
export default defineConfig({
  plugins: [react(), scrollAreaMergeRefs(), zodWithoutJsonSchema()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
