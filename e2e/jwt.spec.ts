// The JWT tool, driven through the UI contract's roles and names, with tokens signed here by jose.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompactSign,
  exportJWK,
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  SignJWT,
} from 'jose';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const tokenBox = (page: Page) => page.getByRole('textbox', { name: 'Token', exact: true });
const keyBox = (page: Page) => page.getByRole('textbox', { name: 'Secret or key', exact: true });
const status = (page: Page) => page.getByRole('status', { name: 'Signature status' });
const findings = (page: Page) => page.getByRole('list', { name: 'Findings' }).getByRole('listitem');
const finding = (page: Page, code: string) => findings(page).filter({ hasText: code });

const encoder = new TextEncoder();
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** jwt.io's default example token: HS256, signed with "your-256-bit-secret". */
const JWT_IO_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

test.beforeEach(async ({ page }) => {
  await page.goto('#/jwt');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('JWT');
});

test('decodes a token into pretty header and payload, and a claims table with times', async ({
  page,
}) => {
  const secret = encoder.encode('a-long-enough-secret-for-hs256-tests-only!');
  const token = await new SignJWT({ name: 'Zoë 🔐', scope: 'read write' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('https://issuer.example')
    .setAudience('api')
    .setIssuedAt(1_300_819_380)
    .setExpirationTime(1_300_819_380 + 3600)
    .sign(secret);
  await tokenBox(page).fill(token);
  await expect(page.getByRole('region', { name: 'Header' })).toContainText(
    JSON.stringify({ alg: 'HS256', typ: 'JWT' }, null, 2),
  );
  const payload = page.getByRole('region', { name: 'Payload' });
  await expect(payload).toContainText('"name": "Zoë 🔐"');
  const claims = page.getByRole('table', { name: 'Claims' });
  const exp = claims
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'exp', exact: true }) });
  await expect(exp).toContainText('2011-03-22T19:43:00Z');
  await expect(exp).toContainText(/expired \d+ years ago/);
  await expect(claims.getByRole('row').filter({ hasText: 'iat' })).toContainText(
    '2011-03-22T18:43:00Z',
  );
  await expect(page.getByText('Lifetime (exp − iat)')).toContainText('1 hour');
  await expect(status(page)).not.toContainText(/verified|invalid/i);
});

test('finds the token inside an Authorization header and says what it removed', async ({
  page,
}) => {
  await tokenBox(page).fill(`Authorization: Bearer ${JWT_IO_TOKEN}`);
  await expect(page.getByText(/Removed .*Bearer/)).toBeVisible();
  // The three segments, each shown in its own colour, with a legend.
  const [header, payload, signature] = JWT_IO_TOKEN.split('.');
  for (const [segment, name] of [
    [header, 'header'],
    [payload, 'payload'],
    [signature, 'signature'],
  ] as const) {
    await expect(page.getByText(segment!, { exact: true })).toHaveCount(1);
    await expect(page.getByText(`■ ${name}`, { exact: true })).toBeVisible();
  }
  const colours = await page
    .getByText(JWT_IO_TOKEN.split('.')[0]!, { exact: true })
    .locator('xpath=../..')
    .locator(':scope > span > span:last-child')
    .evaluateAll((spans) => spans.map((span) => getComputedStyle(span).color));
  expect(new Set(colours).size).toBe(3);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('John Doe');
});

test('HS256: the right secret verifies, a wrong one is invalid, and encodings apply', async ({
  page,
}) => {
  await tokenBox(page).fill(JWT_IO_TOKEN);
  await keyBox(page).fill('your-256-bit-secret');
  await expect(status(page)).toContainText('verified');
  await keyBox(page).fill('not-the-secret');
  await expect(status(page)).toContainText('invalid');
  await keyBox(page).fill(Buffer.from('your-256-bit-secret').toString('base64'));
  await expect(status(page)).toContainText('invalid');
  await page.getByRole('combobox', { name: 'Secret encoding' }).selectOption('Base64');
  await expect(status(page)).toContainText('verified');
  await page.getByRole('combobox', { name: 'Secret encoding' }).selectOption('Hex');
  await keyBox(page).fill(Buffer.from('your-256-bit-secret').toString('hex'));
  await expect(status(page)).toContainText('verified');
});

test('the bundled wordlist finds jwt.io’s default secret, offline', async ({ page }) => {
  await tokenBox(page).fill(JWT_IO_TOKEN);
  const weak = finding(page, 'weak-secret');
  await expect(weak).toContainText('Critical');
  await expect(weak).toContainText('your-256-bit-secret');
});

test('RS256 verifies with SPKI PEM, PKCS#8, JWK and JWKS by kid, and names the key', async ({
  page,
}) => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const other = await generateKeyPair('RS256', { extractable: true });
  const token = await new SignJWT({ sub: 'rs' })
    .setProtectedHeader({ alg: 'RS256', kid: 'signing-key' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  await tokenBox(page).fill(token);

  await keyBox(page).fill(await exportSPKI(publicKey));
  await expect(status(page)).toContainText('verified');
  await keyBox(page).fill(await exportSPKI(other.publicKey));
  await expect(status(page)).toContainText('invalid');
  await keyBox(page).fill(await exportPKCS8(privateKey));
  await expect(status(page)).toContainText('verified');
  await keyBox(page).fill(JSON.stringify(await exportJWK(publicKey)));
  await expect(status(page)).toContainText('verified');
  const jwks = {
    keys: [
      { ...(await exportJWK(other.publicKey)), kid: 'old-key' },
      { ...(await exportJWK(publicKey)), kid: 'signing-key' },
    ],
  };
  await keyBox(page).fill(JSON.stringify(jwks));
  await expect(status(page)).toContainText('verified');
  await expect(page.getByTestId('signature-detail')).toContainText('signing-key');
});

test('ES256 and EdDSA tokens verify with their public JWKs', async ({ page }) => {
  for (const alg of ['ES256', 'EdDSA'] as const) {
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
    const token = await new SignJWT({ sub: alg })
      .setProtectedHeader({ alg })
      .setExpirationTime('5m')
      .sign(privateKey);
    await tokenBox(page).fill(token);
    await keyBox(page).fill(JSON.stringify(await exportJWK(publicKey)));
    await expect(status(page)).toContainText('verified');
  }
});

test('an HS256 token forged with an RSA public key is never verified: alg-confusion', async ({
  page,
}) => {
  const { publicKey } = await generateKeyPair('RS256', { extractable: true });
  const pem = await exportSPKI(publicKey);
  // The classic CVE-2016-10555 forgery: the public key's PEM text used as an HMAC secret.
  const forged = await new SignJWT({ sub: 'admin' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(encoder.encode(pem));
  await tokenBox(page).fill(forged);
  await keyBox(page).fill(pem);
  await expect(finding(page, 'alg-confusion')).toContainText('Critical');
  await expect(status(page)).not.toContainText('verified');
});

test('alg none is never verified and is flagged critical', async ({ page }) => {
  const unsecured = `${b64url('{"alg":"none"}')}.${b64url(JSON.stringify({ sub: 'x', exp: nowSeconds() + 60 }))}.`;
  await tokenBox(page).fill(unsecured);
  await keyBox(page).fill('anything');
  await expect(finding(page, 'alg-none')).toContainText('Critical');
  await expect(status(page)).not.toContainText(/verified|invalid/i);
});

test('findings show severity, code, sentence and reference for risky headers', async ({ page }) => {
  const header = {
    alg: 'HS256',
    kid: '../../etc/passwd',
    jku: 'https://attacker.example/jwks.json',
    zip: 'DEF',
  };
  const payload = { sub: 'x', password: 'hunter2' };
  await tokenBox(page).fill(
    `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.c2ln`,
  );
  for (const code of [
    'kid-injection',
    'jku-header',
    'zip-header',
    'sensitive-claim',
    'missing-exp',
  ]) {
    await expect(finding(page, code)).toHaveCount(1);
    await expect(finding(page, code)).toContainText(/Critical|High|Medium|Low|Info/);
    await expect(finding(page, code)).toContainText(/RFC|OWASP|CVE/);
  }
  await expect(finding(page, 'sensitive-claim')).not.toContainText('hunter2');
});

test('a self-carried jwk verifies only on request, and the result says it proves nothing', async ({
  page,
}) => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const token = await new CompactSign(encoder.encode('{"sub":"me"}'))
    .setProtectedHeader({ alg: 'ES256', jwk: await exportJWK(publicKey) })
    .sign(privateKey);
  await tokenBox(page).fill(token);
  await expect(finding(page, 'embedded-jwk')).toHaveCount(1);
  await expect(status(page)).not.toContainText('verified');
  await page.getByRole('checkbox', { name: /Also test the key the token carries/ }).check();
  await expect(status(page)).toContainText('verified');
  await expect(status(page)).toContainText(/proves nothing/i);
});

test('malformed tokens get alerts that name the segment, and what decodes is still shown', async ({
  page,
}) => {
  await tokenBox(page).fill(`${b64url('{"alg":"HS256"}')}.${b64url('{"sub":"still here"}')}`);
  await expect(page.getByRole('alert')).toContainText('3');
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('still here');

  await tokenBox(page).fill(`${b64url('{"alg":"HS256"}')}.ab$cd.sig`);
  await expect(page.getByRole('alert')).toContainText('"$"');
  await expect(page.getByRole('alert')).toContainText(/payload/i);

  await tokenBox(page).fill(`${b64url('{alg:HS256}')}.${b64url('{"sub":"x"}')}.sig`);
  await expect(page.getByRole('alert')).toContainText(/header/i);
  await expect(page.getByRole('region', { name: 'Payload' })).toContainText('"sub": "x"');
});

test('a five-part token is recognised as an encrypted JWE', async ({ page }) => {
  await tokenBox(page).fill(
    `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`,
  );
  await expect(page.getByText(/encrypted JWT \(JWE/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Header' })).toContainText('"enc": "A256GCM"');
});

test('XSS payloads in claims are rendered as text', async ({ page }) => {
  const payload = {
    name: '<img src=x onerror="window.__pwned=1">',
    html: '<script>window.__pwned=2</script>',
  };
  await tokenBox(page).fill(`${b64url('{"alg":"HS256"}')}.${b64url(JSON.stringify(payload))}.c2ln`);
  await expect(page.getByRole('table', { name: 'Claims' })).toContainText('<img src=x');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('random byte soup never breaks the page', async ({ page }) => {
  for (const junk of [
    '....',
    '\u0000\u0001.\uFFFF.\uD800',
    'eyJ' + '\\'.repeat(50),
    '.'.repeat(1000),
    'a.b.c.d',
  ]) {
    await tokenBox(page).fill(junk);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('JWT');
  }
});

test('a 1 MiB token decodes and the page stays usable', async ({ page }) => {
  const big = { sub: 'big', blob: 'x'.repeat(1024 * 1024), exp: nowSeconds() + 60 };
  const token = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(big))}.c2ln`;
  await tokenBox(page).fill(token);
  await expect(finding(page, 'large-token')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Show all/ })).toBeVisible();
  // Re-hashing 1 MiB per candidate would take minutes: the scan waits to be asked.
  await expect(page.getByRole('button', { name: 'Scan anyway' })).toBeVisible();
  await keyBox(page).fill('typing still works');
  await expect(keyBox(page)).toHaveValue('typing still works');
});

test('RS256 also verifies with an X.509 certificate, a PKCS#1 public key and a private JWK', async ({
  page,
}) => {
  const fixture = (name: string) =>
    readFileSync(join(import.meta.dirname, '../src/tools/jwt/fixtures', name), 'utf8');
  const privateKey = await importPKCS8(fixture('rsa-2048-pkcs8.pem'), 'RS256', {
    extractable: true,
  });
  const token = await new SignJWT({ sub: 'cert' })
    .setProtectedHeader({ alg: 'RS256' })
    .setExpirationTime('5m')
    .sign(privateKey);
  await tokenBox(page).fill(token);
  for (const key of [
    fixture('rsa-2048-cert.pem'),
    fixture('rsa-2048-pkcs1-public.pem'),
    JSON.stringify(await exportJWK(privateKey)),
  ]) {
    await keyBox(page).fill(key);
    await expect(status(page)).toContainText('verified');
  }
  await expect(page.getByTestId('signature-detail')).toContainText(/private|derived/i);
});

test('an unknown algorithm is reported, not crashed on', async ({ page }) => {
  await tokenBox(page).fill(`${b64url('{"alg":"XX999"}')}.${b64url('{"sub":"x"}')}.c2ln`);
  await keyBox(page).fill('secret');
  await expect(status(page)).not.toContainText(/verified|invalid/i);
  await expect(status(page)).toContainText('cannot check');
  await expect(page.getByTestId('signature-detail')).toContainText('"XX999"');
  await expect(finding(page, 'alg-unknown')).toHaveCount(1);
});

test('claim checks: expected issuer and audience, tolerance and a "now" override', async ({
  page,
}) => {
  const secret = encoder.encode('claim-check-secret-that-is-32-bytes!');
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://issuer.example')
    .setAudience(['api', 'web'])
    .setIssuedAt(1_700_000_000)
    .setExpirationTime(1_700_000_600)
    .sign(secret);
  await tokenBox(page).fill(token);
  await page.getByText('Claim checks', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Expected issuer' }).fill('https://other.example');
  await page.getByRole('textbox', { name: 'Expected audience' }).fill('web');
  await page.getByRole('textbox', { name: /^Now/ }).fill('2023-11-14T22:15:00Z');
  const checks = page.getByRole('list', { name: 'Claim checks' });
  await expect(checks.getByRole('listitem').filter({ hasText: /^iss/ })).toContainText('fail');
  await expect(checks.getByRole('listitem').filter({ hasText: /^aud/ })).toContainText('pass');
  await expect(checks.getByRole('listitem').filter({ hasText: /^exp/ })).toContainText('pass');
  await page.getByRole('textbox', { name: /^Now/ }).fill('2030-01-01T00:00:00Z');
  await expect(checks.getByRole('listitem').filter({ hasText: /^exp/ })).toContainText('fail');
});

test('a wordlist file of the user’s own is streamed and finds a secret the bundled list lacks', async ({
  page,
}) => {
  const secret = 'acme-internal-2019!';
  const token = await new SignJWT({ sub: 'x' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(encoder.encode(secret));
  await tokenBox(page).fill(token);
  const scanStatus = page.getByRole('status', { name: 'Weak-secret scan' });
  await expect(scanStatus).toContainText('none matched');
  await expect(finding(page, 'weak-secret')).toHaveCount(0);
  const words = Array.from({ length: 50_000 }, (_, i) => `candidate-${i}`);
  words.splice(31_337, 0, secret);
  await page.getByLabel('Wordlist file').setInputFiles({
    name: 'company.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(words.join('\r\n')),
  });
  await expect(scanStatus).toContainText(secret);
  await expect(finding(page, 'weak-secret')).toContainText(secret);
});

test('a wordlist file can also be dropped on the scan button', async ({ page }) => {
  const token = await new SignJWT({ sub: 'x' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(encoder.encode('dropped-secret-value'));
  await tokenBox(page).fill(token);
  const data = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['one\ntwo\ndropped-secret-value\n'], 'drop.txt', { type: 'text/plain' }),
    );
    return transfer;
  });
  await page.getByText('Scan with a wordlist file').dispatchEvent('drop', { dataTransfer: data });
  await expect(finding(page, 'weak-secret')).toContainText('dropped-secret-value');
});

test('a long wordlist scan shows progress and cancels at once', async ({ page }, testInfo) => {
  const token = await new SignJWT({ sub: 'x' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('5m')
    .sign(encoder.encode('not-in-any-list-0b9f'));
  await tokenBox(page).fill(token);
  const scanStatus = page.getByRole('status', { name: 'Weak-secret scan' });
  await expect(scanStatus).toContainText('none matched');
  const path = testInfo.outputPath('huge-wordlist.txt');
  mkdirSync(testInfo.outputPath(), { recursive: true });
  writeFileSync(path, Array.from({ length: 6_000_000 }, (_, i) => `w${i}`).join('\n'));
  await page.getByLabel('Wordlist file').setInputFiles(path);
  await expect(scanStatus).toContainText('Checking');
  await page.getByRole('button', { name: 'Cancel scan' }).click();
  await expect(scanStatus).toContainText('cancelled');
  await expect(page.getByRole('button', { name: 'Cancel scan' })).toHaveCount(0);
});

test('a token cannot make the status say "verified": hostile alg and kid stay outside it', async ({
  page,
}) => {
  await tokenBox(page).fill(
    `${b64url('{"alg":"verified","kid":"verified"}')}.${b64url('{"sub":"x"}')}.c2ln`,
  );
  await keyBox(page).fill(
    JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'verified' }] }),
  );
  await expect(page.getByTestId('signature-detail')).toContainText('"verified"');
  await expect(status(page)).not.toContainText(/verified|invalid/i);
});
