import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/fixtures/env';

const isCI = process.env.CI !== undefined && process.env.CI !== '';

export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/global-setup.ts',
  outputDir: './test-results',
  // Two cores run the BFF, the emulator and the browser: two workers keep both busy.
  workers: 2,
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  // Limits for a loaded 2-core machine (the browser, the BFF and the emulator share it with
  // others): at load ~25 the accessibility journeys ran past 60 s (axe on each page at two widths)
  // and lists took over 10 s to show. A journey that passes is not slowed by them.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
  },
  projects: [
    { name: 'en', use: { locale: 'en-US' } },
    { name: 'zh-CN', use: { locale: 'zh-CN' }, grep: /@i18n/ },
  ],
});
