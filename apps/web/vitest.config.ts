import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Several 30 s waits (src/test/setup.ts) may follow one another on a loaded machine.
    testTimeout: 120_000,
    pool: 'threads',
    maxWorkers: 1,
  },
});
