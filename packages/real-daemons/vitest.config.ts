import { defineConfig } from 'vitest/config';

// Real daemons in network namespaces: one file at a time (they share the machine's two cores
// with everything else), and generous limits because a failing IKEv1 exchange waits for its
// retransmits before it gives up.
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
