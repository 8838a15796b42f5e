import { defineConfig } from 'tsup';

export default defineConfig({
  // `user`: the account command (issue 5), `node dist/user.js add <name> --role admin`.
  entry: { server: 'src/server.ts', user: 'src/cli/user.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  splitting: false,
  // Workspace packages export TypeScript sources: bundle them; npm dependencies stay external.
  noExternal: [/^@vpn-console\//],
  // Bundled CommonJS (e.g. the emulator's node-forge) calls require('crypto'): give the ESM
  // bundle a real require, or the built server dies at start with "Dynamic require ...".
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
});
