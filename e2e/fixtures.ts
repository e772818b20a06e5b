// Every e2e test runs with the app's standing promises checked: no console error, no uncaught
// exception, no request to another origin. A test that trips one fails, whatever it was testing.
import { test as base, expect, type Page } from '@playwright/test';

export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly foreignRequests: string[];
}

function watch(page: Page, appOrigin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    problems.pageErrors.push(error.message);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.origin !== appOrigin) problems.foreignRequests.push(request.url());
  });
  return problems;
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const problems = watch(page, new URL(baseURL ?? 'http://127.0.0.1').origin);
      await use(problems);
      expect(problems.pageErrors, 'uncaught exceptions').toEqual([]);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
      expect(problems.foreignRequests, 'requests to another origin').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
