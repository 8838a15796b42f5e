import react from '@vitejs/plugin-react';
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

// The BFF serves apps/web/dist in production; in development the dev server proxies /api to it.
export default defineConfig({
  plugins: [react(), scrollAreaMergeRefs()],
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
