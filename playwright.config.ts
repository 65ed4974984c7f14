// End-to-end tests drive the release build in Debian's Chromium, served by the same server
// that `make serve` uses. No browser is ever downloaded by Playwright.
import { defineConfig, devices } from '@playwright/test';

// DIST and PORT let two builds be tested side by side; the defaults are what make test uses.
const port = Number(process.env.PORT || 4173);
const dist = process.env.DIST || 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    ...devices['Desktop Chrome'],
    channel: undefined,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--no-sandbox',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs ${dist} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
