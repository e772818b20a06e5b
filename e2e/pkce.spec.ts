// The PKCE tool, driven through the UI contract's roles and names.
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

test.beforeEach(async ({ page }) => {
  await page.goto('#/pkce');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('PKCE');
});

test('a verifier is ready on arrival, and its S256 challenge matches SHA-256', async ({ page }) => {
  const verifier = await field(page, 'Code verifier').inputValue();
  expect(verifier).toMatch(UNRESERVED);
  expect(verifier).toHaveLength(64);
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('S256');
  await expect(field(page, 'Code challenge')).toHaveValue(s256(verifier));
  await expect(field(page, 'Code challenge')).toHaveAttribute('readonly', '');
});

test('Generate honours the verifier length, and every verifier is new', async ({ page }) => {
  const seen = new Set<string>();
  for (const length of [43, 128, 77]) {
    await page.getByRole('spinbutton', { name: 'Verifier length' }).fill(String(length));
    await page.getByRole('button', { name: 'Generate' }).click();
    const verifier = await field(page, 'Code verifier').inputValue();
    expect(verifier).toHaveLength(length);
    expect(verifier).toMatch(UNRESERVED);
    seen.add(verifier);
    await expect(field(page, 'Code challenge')).toHaveValue(s256(verifier));
  }
  expect(seen.size).toBe(3);
});

test('a length outside 43–128 is refused with an alert', async ({ page }) => {
  await page.getByRole('spinbutton', { name: 'Verifier length' }).fill('42');
  await expect(page.getByRole('alert')).toContainText('43 to 128');
  await page.getByRole('spinbutton', { name: 'Verifier length' }).fill('129');
  await expect(page.getByRole('alert')).toContainText('43 to 128');
});

test('the RFC 7636 Appendix B verifier gives the published challenge', async ({ page }) => {
  await field(page, 'Code verifier').fill('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
  await expect(field(page, 'Code challenge')).toHaveValue(
    'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  );
});

test('a pasted verifier with a bad character or length gets an alert saying which and where', async ({
  page,
}) => {
  await field(page, 'Code verifier').fill(`${'a'.repeat(20)}+${'b'.repeat(30)}`);
  await expect(page.getByRole('alert')).toContainText('"+"');
  await expect(page.getByRole('alert')).toContainText('position 21');
  await expect(field(page, 'Code challenge')).toHaveValue('');
  await field(page, 'Code verifier').fill('short');
  await expect(page.getByRole('alert')).toContainText('5 characters');
});

test('plain is allowed, with a warning, and the challenge is the verifier', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Method' }).selectOption('plain');
  const verifier = await field(page, 'Code verifier').inputValue();
  await expect(field(page, 'Code challenge')).toHaveValue(verifier);
  await expect(page.getByText('OAuth 2.1')).toBeVisible();
});

test('state and nonce carry at least 128 bits and change with Generate', async ({ page }) => {
  const before = [await field(page, 'State').inputValue(), await field(page, 'Nonce').inputValue()];
  for (const value of before) {
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(value, 'base64url').length).toBeGreaterThanOrEqual(16);
  }
  await page.getByRole('button', { name: 'Generate' }).click();
  expect(await field(page, 'State').inputValue()).not.toBe(before[0]);
  expect(await field(page, 'Nonce').inputValue()).not.toBe(before[1]);
});

test('the authorization URL keeps the endpoint query and encodes every parameter', async ({
  page,
}) => {
  await field(page, 'Authorization endpoint').fill(
    'https://auth.example.com/authorize?audience=api&x=1',
  );
  await field(page, 'Client ID').fill('client & co');
  await field(page, 'Redirect URI').fill('https://app.example.com/cb?from=pkce');
  await field(page, 'Scope').fill('openid profile email');
  await field(page, 'Extra parameters').fill('prompt=consent\nlogin_hint=ana@example.com');
  const verifier = await field(page, 'Code verifier').inputValue();
  const state = await field(page, 'State').inputValue();
  const url = new URL(await field(page, 'Authorization URL').inputValue());
  expect(url.origin + url.pathname).toBe('https://auth.example.com/authorize');
  const params = url.searchParams;
  expect(params.get('audience')).toBe('api');
  expect(params.get('x')).toBe('1');
  expect(params.get('response_type')).toBe('code');
  expect(params.get('client_id')).toBe('client & co');
  expect(params.get('redirect_uri')).toBe('https://app.example.com/cb?from=pkce');
  expect(params.get('scope')).toBe('openid profile email');
  expect(params.get('state')).toBe(state);
  expect(params.get('code_challenge')).toBe(s256(verifier));
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('prompt')).toBe('consent');
  expect(params.get('login_hint')).toBe('ana@example.com');
  expect(params.get('nonce')).toBe(await field(page, 'Nonce').inputValue());
});

test('a bad endpoint gets an alert, not a broken URL', async ({ page }) => {
  await field(page, 'Authorization endpoint').fill('not a url');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(field(page, 'Authorization URL')).toHaveValue('');
});

test('the token request is a curl command with the verifier', async ({ page }) => {
  await field(page, 'Token endpoint').fill('https://auth.example.com/token');
  await field(page, 'Client ID').fill('my-app');
  await field(page, 'Authorization code').fill("it's-a-code");
  const verifier = await field(page, 'Code verifier').inputValue();
  const curl = await field(page, 'Token request').inputValue();
  expect(curl).toContain("curl -X POST 'https://auth.example.com/token'");
  expect(curl).toContain("--data-urlencode 'grant_type=authorization_code'");
  expect(curl).toContain(`--data-urlencode 'code_verifier=${verifier}'`);
  expect(curl).toContain(`--data-urlencode 'code=it'\\''s-a-code'`);
});

test('the callback parser shows code, state match and issuer, and fills the code', async ({
  page,
}) => {
  const state = await field(page, 'State').inputValue();
  await field(page, 'Expected issuer').fill('https://auth.example.com');
  await field(page, 'Callback URL').fill(
    `https://app.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=${state}&iss=https%3A%2F%2Fauth.example.com`,
  );
  await expect(page.getByRole('status', { name: 'State check' })).toContainText('State match');
  await expect(page.getByRole('status', { name: 'Issuer check' })).toContainText('Issuer match');
  await expect(page.getByRole('table', { name: /Callback parameters/ })).toContainText(
    'SplxlOBeZQQYbYS6WxSbIA',
  );
  await expect(field(page, 'Authorization code')).toHaveValue('SplxlOBeZQQYbYS6WxSbIA');
});

test('the callback parser flags a state mismatch and shows provider errors', async ({ page }) => {
  await field(page, 'Callback URL').fill(
    'https://app.example.com/cb#error=access_denied&error_description=User+said+no&state=forged&iss=https%3A%2F%2Fevil.example',
  );
  await expect(page.getByRole('status', { name: 'State check' })).toContainText('State mismatch');
  const table = page.getByRole('table', { name: /Callback parameters \(fragment\)/ });
  await expect(table).toContainText('access_denied');
  await expect(table).toContainText('User said no');
  await expect(table).toContainText('https://evil.example');
  await field(page, 'Callback URL').fill('just some text');
  await expect(page.getByRole('alert')).toBeVisible();
});

test('hostile callback values are rendered as text', async ({ page }) => {
  await field(page, 'Callback URL').fill(
    `https://app.example.com/cb?code=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}&state=x`,
  );
  await expect(page.getByRole('table', { name: /Callback parameters/ })).toContainText(
    '<img src=x',
  );
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('settings are remembered only after opting in, and the verifier never is', async ({
  page,
}) => {
  await field(page, 'Authorization endpoint').fill('https://auth.example.com/authorize');
  await field(page, 'Client ID').fill('remembered-client');
  await page.reload();
  await expect(field(page, 'Client ID')).toHaveValue('');

  await field(page, 'Client ID').fill('remembered-client');
  await page.getByRole('checkbox', { name: 'Remember these settings on this device' }).check();
  await field(page, 'Redirect URI').fill('https://app.example.com/cb');
  const verifier = await field(page, 'Code verifier').inputValue();
  await page.reload();
  await expect(field(page, 'Client ID')).toHaveValue('remembered-client');
  await expect(field(page, 'Redirect URI')).toHaveValue('https://app.example.com/cb');
  await expect(field(page, 'Code verifier')).not.toHaveValue(verifier);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(verifier);

  await page.getByRole('checkbox', { name: 'Remember these settings on this device' }).uncheck();
  await page.reload();
  await expect(field(page, 'Client ID')).toHaveValue('');
});

test('Copy puts the code verifier on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy code verifier' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Code verifier copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await field(page, 'Code verifier').inputValue(),
  );
});
