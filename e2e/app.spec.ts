// The whole app: every route, the shell, the CSP, accessibility, storage and theme.
import AxeBuilder from '@axe-core/playwright';
import { TOOLS } from '../src/tools/registry.ts';
import { expect, test } from './fixtures.ts';

const ROUTES = [
  { hash: '#/', h1: 'API Security Toolkit', title: 'API Security Toolkit' },
  ...TOOLS.map((tool) => ({
    hash: `#${tool.path}`,
    h1: tool.title,
    title: `${tool.title} · API Security Toolkit`,
  })),
  { hash: '#/privacy', h1: 'Privacy', title: 'Privacy · API Security Toolkit' },
];

/** The minimum the issue requires; the built policy may be stricter, never looser. */
const REQUIRED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
];

test.describe('every route', () => {
  for (const route of ROUTES) {
    test(`${route.hash} renders one h1, its title, and no serious axe violation`, async ({
      page,
    }) => {
      await page.goto(route.hash);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(route.h1);
      await expect(page).toHaveTitle(route.title);
      for (const theme of ['Light', 'Dark'] as const) {
        await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter(
          (v) => v.impact === 'serious' || v.impact === 'critical',
        );
        expect(
          serious.map(
            (v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          ),
        ).toEqual([]);
      }
    });
  }
});

test('the built page carries a strict CSP and no-referrer', async ({ page }) => {
  await page.goto('#/');
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).not.toBeNull();
  const directives = (policy ?? '').split(';').map((d) => d.trim().replace(/\s+/g, ' '));
  for (const required of REQUIRED_CSP) expect(directives).toContain(required);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
});

test('the CSP is enforced: a foreign fetch and an HTML sink are blocked', async ({
  page,
  problems,
}) => {
  await page.goto('#/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const outcome = await page.evaluate(async () => {
    let fetched = 'fetched';
    try {
      await fetch('https://example.com/');
    } catch {
      fetched = 'blocked';
    }
    let sink = 'assigned';
    try {
      // eslint-disable-next-line no-restricted-properties -- proving that Trusted Types block this sink
      document.createElement('div').innerHTML = '<img src=x>';
    } catch {
      sink = 'blocked';
    }
    return { fetched, sink };
  });
  expect(outcome).toEqual({ fetched: 'blocked', sink: 'blocked' });
  // The browser reports both blocks on the console; they are the expected ones, and only those.
  expect(problems.consoleErrors.join('\n')).toMatch(/connect-src/);
  expect(problems.consoleErrors.join('\n')).toMatch(/TrustedHTML/);
  problems.consoleErrors.length = 0;
});

test('the nav lists exactly the registered tools, and each link works', async ({ page }) => {
  await page.goto('#/');
  const nav = page.getByRole('navigation', { name: 'Tools' });
  await expect(nav.getByRole('link')).toHaveText(TOOLS.map((tool) => tool.title));
  for (const tool of TOOLS) {
    await nav.getByRole('link', { name: tool.title, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${tool.path}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tool.title);
    await expect(nav.getByRole('link', { name: tool.title, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
});

test('the home page has a card per tool with its summary', async ({ page }) => {
  await page.goto('#/');
  const cards = page
    .getByRole('list', { name: 'All tools' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading') });
  await expect(cards).toHaveCount(TOOLS.length);
  for (const tool of TOOLS) {
    const card = cards.filter({
      has: page.getByRole('heading', { name: tool.title, exact: true }),
    });
    await expect(card).toContainText(tool.summary);
  }
});

test('the command palette opens with Ctrl+K and finds a tool by keyword, keyboard only', async ({
  page,
}) => {
  await page.goto('#/');
  // Keys go nowhere until the app has mounted.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const options = palette.getByRole('option');
  const search = palette.getByRole('combobox', { name: 'Search tools' });
  await expect(search).toBeFocused();
  await search.fill('verifier');
  await expect(options).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/pkce$/);
  await expect(palette).toBeHidden();

  await page.keyboard.press('Control+k');
  await search.fill('');
  await expect(options).toHaveCount(TOOLS.length);
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#${TOOLS[0]!.path}$`));

  await page.keyboard.press('Control+k');
  await search.fill('no such tool');
  await expect(palette).toContainText('No tool matches');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('#/base64');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Base64');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/base64$/);
});

test('the theme choice persists across a reload', async ({ page }) => {
  await page.goto('#/');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
});

test('tampered saved preferences are ignored and the app still works', async ({ page }) => {
  await page.goto('#/');
  for (const saved of [
    '{not json',
    '{"state":{"theme":"<img src=x onerror=alert(1)>","pkceSettings":[1,2]},"version":1}',
    'null',
  ]) {
    await page.evaluate((value) => {
      localStorage.setItem('api-security-toolkit:preferences', value);
    }, saved);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API Security Toolkit');
    await expect(page.locator('html')).toHaveAttribute('data-theme', /^(light|dark)$/);
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  }
});

test('the privacy line links to the page that explains the enforcement', async ({ page }) => {
  await page.goto('#/base64');
  await expect(page.getByRole('contentinfo')).toContainText(
    'Runs entirely in your browser; nothing is sent anywhere',
  );
  await page.getByRole('link', { name: 'How this is enforced' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Privacy');
  await expect(page.getByRole('main')).toContainText("connect-src 'self'");
});

test('an unknown route shows a way back instead of a blank page', async ({ page }) => {
  await page.goto('#/no-such-tool');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'See all tools' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API Security Toolkit');
});

test('every page fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const route of ROUTES) {
    await page.goto(route.hash);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `${route.hash} overflows`).toBeLessThanOrEqual(0);
  }
});

test('no secret reaches localStorage, sessionStorage or IndexedDB after using the tools', async ({
  page,
}) => {
  await page.goto('#/pkce');
  await page.getByRole('checkbox', { name: 'Remember these settings on this device' }).check();
  await page.getByRole('textbox', { name: 'Client ID', exact: true }).fill('public-client-id');
  await page.getByRole('button', { name: 'Generate' }).click();
  const secrets = [
    await page.getByRole('textbox', { name: 'Code verifier', exact: true }).inputValue(),
    await page.getByRole('textbox', { name: 'State', exact: true }).inputValue(),
    await page.getByRole('textbox', { name: 'Nonce', exact: true }).inputValue(),
    'secret-authorization-code-123',
  ];
  await page.getByRole('textbox', { name: 'Authorization code', exact: true }).fill(secrets[3]!);

  await page.goto('#/base64');
  const pasted = 'Bearer super-secret-token-value';
  await page.getByRole('textbox', { name: 'Input', exact: true }).fill(pasted);
  secrets.push(pasted, Buffer.from(pasted).toString('base64'));
  await page
    .getByRole('radiogroup', { name: 'Mode' })
    .getByRole('radio', { name: 'Decode' })
    .check();

  const stored = await page.evaluate(async () => {
    const dump = (storage: Storage) => JSON.stringify(Object.entries(storage));
    const databases = await indexedDB.databases();
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      indexedDb: JSON.stringify(databases),
    };
  });
  // The opted-in, non-secret setting is there, so the check is looking in the right place.
  expect(stored.local).toContain('public-client-id');
  for (const secret of secrets) {
    expect(stored.local).not.toContain(secret);
    expect(stored.session).not.toContain(secret);
    expect(stored.indexedDb).not.toContain(secret);
  }
  expect(stored.indexedDb).toBe('[]');
  // Nor the address bar: secrets never go into the URL.
  for (const secret of secrets) expect(page.url()).not.toContain(secret);
});

test('busy states have no serious axe violation either: palette, alerts, results', async ({
  page,
}) => {
  const expectNoSeriousViolations = async (where: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
    expect(serious.map((v) => `${where}: ${v.id}`)).toEqual([]);
  };
  await page.goto('#/base64');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await expectNoSeriousViolations('palette');
  await page.keyboard.press('Escape');

  await page
    .getByRole('radiogroup', { name: 'Mode' })
    .getByRole('radio', { name: 'Decode' })
    .check();
  await page.getByRole('textbox', { name: 'Input', exact: true }).fill('//79/Pv6+fg=!');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations('base64 alert');
  await page.getByRole('textbox', { name: 'Input', exact: true }).fill('//79/Pv6+fg=');
  await expectNoSeriousViolations('base64 hex dump');

  await page.goto('#/pkce');
  await page.getByRole('combobox', { name: 'Method' }).selectOption('plain');
  await page
    .getByRole('textbox', { name: 'Authorization endpoint', exact: true })
    .fill('http://auth.example.com/a');
  await page
    .getByRole('textbox', { name: 'Callback URL', exact: true })
    .fill('https://app/cb?code=x&state=wrong');
  await expect(page.getByRole('status', { name: 'State check' })).toBeVisible();
  await expectNoSeriousViolations('pkce results');

  await page.goto('#/jwt');
  await page
    .getByRole('textbox', { name: 'Token', exact: true })
    .fill(
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    );
  await page.getByRole('textbox', { name: 'Secret or key', exact: true }).fill('wrong');
  await expect(
    page.getByRole('list', { name: 'Findings' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(page.getByRole('status', { name: 'Signature status' })).toContainText('invalid');
  for (const theme of ['Light', 'Dark'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await expectNoSeriousViolations(`jwt results, ${theme}`);
  }
});

test('every read-only output field has a Copy button next to it', async ({ page }) => {
  let checked = 0;
  for (const tool of TOOLS) {
    await page.goto(`#${tool.path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(tool.title);
    const outputs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('textarea[readonly], input[readonly]')].map(
        (field) => document.querySelector(`label[for="${field.id}"]`)?.textContent.trim() ?? '',
      ),
    );
    for (const label of outputs) {
      expect(label, `${tool.path}: an output without a label`).not.toBe('');
      const name = new RegExp(`^Copy ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
      await expect(page.getByRole('button', { name })).toHaveCount(1);
      checked++;
    }
  }
  // Base64 (Output) and PKCE (challenge, URL, token request) at least; JWT's outputs are regions.
  expect(checked).toBeGreaterThanOrEqual(4);
  await page.goto('#/jwt');
  await page
    .getByRole('textbox', { name: 'Token', exact: true })
    .fill('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln');
  for (const region of ['Header', 'Payload']) {
    await expect(
      page.getByRole('region', { name: region }).getByRole('button', { name: `Copy ${region}` }),
    ).toHaveCount(1);
  }
});

test('the System theme follows the operating system, live', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('#/');
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
