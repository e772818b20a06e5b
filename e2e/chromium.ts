// How Playwright starts Chromium here: Debian's build by default, never a downloaded one.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * PLAYWRIGHT_CHROMIUM_EXECUTABLE picks another binary (for example Playwright's own Chromium:
 * set it to an empty string to let Playwright choose). Without it, Debian's /usr/bin/chromium.
 */
function chromiumExecutable(): string | undefined {
  const chosen = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: chromiumExecutable(),
  // Without the networking flags Chromium keeps calling home, which this sandbox refuses.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
