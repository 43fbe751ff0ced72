// Browser tests of the patient pages: Debian's chromium driven by Playwright against the real
// app on Azurite (global-setup.mjs starts both). Screenshots of each step go to artifacts/.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  globalSetup: './global-setup.mjs',
  outputDir: '../../artifacts/browser/results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // One at a time: the tests share one clinic's calendar and each books the first free times.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: '../../artifacts/test-results/browser.xml' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 900 },
    timezoneId: 'America/New_York',
    locale: 'en-GB',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
  },
});
