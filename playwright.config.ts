// End-to-end tests drive the built app (dist/, under its real CSP) served from a sub-path.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './e2e/chromium.ts';

const PORT = 4317;
/** A sub-path, so every run proves that dist/ works away from the host's root. */
export const APP_PATH = '/tools/api-security/';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}${APP_PATH}`,
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: CHROMIUM_LAUNCH_OPTIONS },
    },
  ],
  webServer: {
    command: `node e2e/serve-dist.mjs ${PORT} ${APP_PATH}`,
    url: `http://127.0.0.1:${PORT}${APP_PATH}`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
