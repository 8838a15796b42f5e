import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    // Hooks open stores (PGlite migrations, a PostgreSQL database each) and start stacks: on a
    // loaded 2-core machine that alone took over 30 s (history-recorder's PGlite, load ~17).
    hookTimeout: 120_000,
    // Integration tests each start an emulator and an app: keep them sequential on 2 cores.
    fileParallelism: false,
  },
});
