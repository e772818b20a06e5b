// `npm run bench`: the Base64 throughput bench in Chromium, launched exactly as the e2e suite
// launches it, against the Vite dev server (the bench page is not part of the built app).
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../e2e/chromium.ts';

const PORT = 4399;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  // Not the repo's test-results/: the e2e suite empties that at its start, and so would we.
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 10 * 60_000,
  use: {
    browserName: 'chromium',
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
  },
  webServer: {
    // 127.0.0.1 explicitly: "localhost" may resolve to ::1 only, and the URL below is IPv4.
    command: `npx vite --port ${PORT} --strictPort --host 127.0.0.1`,
    cwd: ROOT,
    url: `http://127.0.0.1:${PORT}/bench/base64.html`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
