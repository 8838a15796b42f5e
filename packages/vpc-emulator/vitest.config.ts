import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Tests start an emulator and sign real requests; some make RSA keys with node-forge. They check
    // answers, not speed, so a busy 2-core machine must not turn slowness into a failure.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
