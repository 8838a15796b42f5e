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
});
