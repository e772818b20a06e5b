// The Base64 tool, driven through the UI contract's roles and names.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const input = (page: Page) => page.getByRole('textbox', { name: 'Input', exact: true });
const output = (page: Page) => page.getByRole('textbox', { name: 'Output', exact: true });
const mode = (page: Page, name: 'Encode' | 'Decode') =>
  page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name });

test.beforeEach(async ({ page }) => {
  await page.goto('#/base64');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Base64');
});

test('encodes the RFC 4648 §10 vectors as the user types', async ({ page }) => {
  await expect(mode(page, 'Encode')).toBeChecked();
  for (const [text, encoded] of [
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ] as const) {
    await input(page).fill(text);
    await expect(output(page)).toHaveValue(encoded);
  }
});

test('URL-safe and Padding change the alphabet and the = signs', async ({ page }) => {
  await input(page).fill('subjects?_d');
  await expect(output(page)).toHaveValue('c3ViamVjdHM/X2Q=');
  await page.getByRole('checkbox', { name: 'URL-safe' }).check();
  await expect(output(page)).toHaveValue('c3ViamVjdHM_X2Q=');
  await page.getByRole('checkbox', { name: 'Padding' }).uncheck();
  await expect(output(page)).toHaveValue('c3ViamVjdHM_X2Q');
});

test('text is encoded as UTF-8', async ({ page }) => {
  await input(page).fill('héllo 🔐');
  await expect(output(page)).toHaveValue(Buffer.from('héllo 🔐', 'utf8').toString('base64'));
});

test('MIME wrapping breaks lines at 76 characters', async ({ page }) => {
  const text = 'x'.repeat(200);
  await input(page).fill(text);
  await page.getByRole('checkbox', { name: 'Wrap lines at 76 (MIME)' }).check();
  const lines = (await output(page).inputValue()).split('\n');
  expect(lines.map((line) => line.length)).toEqual([76, 76, 76, 40]);
  expect(lines.join('')).toBe(Buffer.from(text).toString('base64'));
});

test('decoding accepts either alphabet, no padding, whitespace and line breaks', async ({
  page,
}) => {
  await mode(page, 'Decode').check();
  for (const encoded of ['c3ViamVjdHM/X2Q=', 'c3ViamVjdHM_X2Q', '  c3ViamVj\r\ndHM/X2Q \n']) {
    await input(page).fill(encoded);
    await expect(output(page)).toHaveValue('subjects?_d');
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a pasted data: URL is decoded, and downloads with its media type', async ({ page }) => {
  await mode(page, 'Decode').check();
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await input(page).fill(`data:image/png;base64,${png.toString('base64')}`);
  await expect(page.getByText('A data: URL of type image/png')).toBeVisible();
  await expect(output(page)).toHaveValue(/^00000000 {2}89 50 4e 47/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  expect(readFileSync(await (await download).path()).equals(png)).toBe(true);
});

test('invalid input gets an alert naming the character and its position', async ({ page }) => {
  await mode(page, 'Decode').check();
  await input(page).fill('Zm9v!mFy');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('"!"');
  await expect(alert).toContainText('position 5');
  await expect(output(page)).toHaveValue('');
  await expect(input(page)).toHaveAttribute('aria-invalid', 'true');

  await input(page).fill('Zm9vY');
  await expect(alert).toContainText('single character');
  await input(page).fill('Zm9v');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(output(page)).toHaveValue('foo');
});

test('bytes that are not UTF-8 are shown as a hex dump, never as replacement characters', async ({
  page,
}) => {
  await mode(page, 'Decode').check();
  await input(page).fill(Buffer.from([0x48, 0x69, 0xff, 0x00, 0xc3]).toString('base64'));
  const value = await output(page).inputValue();
  expect(value).not.toContain('\uFFFD');
  // hexdump -C layout: 16 columns of `xx `, an extra space after the eighth, then |ascii|.
  expect(value).toBe(`00000000  48 69 ff 00 c3${' '.repeat(36)}|Hi...|`);
  await expect(page.getByText('first bad byte at offset 2')).toBeVisible();
});

test('hex mode works both ways', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Format' }).selectOption('Hex (Base16)');
  await input(page).fill('foobar');
  await expect(output(page)).toHaveValue('666f6f626172');
  await mode(page, 'Decode').check();
  await input(page).fill('66 6F 6f\n62 61 72');
  await expect(output(page)).toHaveValue('foobar');
  await input(page).fill('66 6G');
  await expect(page.getByRole('alert')).toContainText('"G"');
});

test('swap moves the output to the input and flips the mode', async ({ page }) => {
  await input(page).fill('round trip ✓');
  await page.getByRole('button', { name: /^Swap/ }).click();
  await expect(mode(page, 'Decode')).toBeChecked();
  await expect(input(page)).toHaveValue(Buffer.from('round trip ✓').toString('base64'));
  await expect(output(page)).toHaveValue('round trip ✓');
});

test('swapping binary output keeps every byte', async ({ page }) => {
  const bytes = Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80]);
  await mode(page, 'Decode').check();
  await input(page).fill(bytes.toString('base64'));
  await page.getByRole('button', { name: /^Swap/ }).click();
  await expect(mode(page, 'Encode')).toBeChecked();
  await expect(output(page)).toHaveValue(bytes.toString('base64'));
});

test('Copy puts the output on the clipboard and confirms it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await input(page).fill('copy me');
  await page.getByRole('button', { name: 'Copy output' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Output copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    Buffer.from('copy me').toString('base64'),
  );
});

test('a chosen file is encoded, with a data: URL carrying its type', async ({ page }) => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await page
    .getByLabel('File')
    .setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: png });
  await expect(output(page)).toHaveValue(png.toString('base64'));
  await expect(page.getByRole('textbox', { name: 'Data URL' })).toHaveValue(
    `data:image/png;base64,${png.toString('base64')}`,
  );
  await expect(page.getByText('Using the file pixel.png')).toBeVisible();
});

test('a file dropped on the tool is encoded', async ({ page }) => {
  const data = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['dropped!'], 'drop.txt', { type: 'text/plain' }));
    return transfer;
  });
  await input(page).dispatchEvent('drop', { dataTransfer: data });
  await expect(output(page)).toHaveValue(Buffer.from('dropped!').toString('base64'));
});

test('decoded output downloads as a file, byte for byte', async ({ page }) => {
  const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  await mode(page, 'Decode').check();
  await input(page).fill(bytes.toString('base64'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download' }).click();
  const file = await (await download).path();
  expect(readFileSync(file).equals(bytes)).toBe(true);
});

test('untrusted decoded text is rendered as text, not markup', async ({ page }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  await mode(page, 'Decode').check();
  await input(page).fill(Buffer.from(payload).toString('base64'));
  await expect(output(page)).toHaveValue(payload);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test.describe('large files', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a 128 MiB file is encoded in a worker with progress, and the page stays responsive', async ({
    page,
  }, testInfo) => {
    // Large enough that the work is still running while the test interacts with the page.
    const size = 128 * 1024 * 1024;
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) bytes[i] = (i / 4096) & 0xff;
    const dir = testInfo.outputPath('files');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'big.bin');
    writeFileSync(path, bytes);

    await page.getByLabel('File').setInputFiles(path);
    const progress = page.getByRole('progressbar', { name: 'Conversion progress' });
    await expect(progress).toBeVisible();
    // The main thread answers, and the UI reacts, while the worker is still running.
    await page.getByRole('checkbox', { name: 'Wrap lines at 76 (MIME)' }).check();
    await page.getByRole('checkbox', { name: 'Wrap lines at 76 (MIME)' }).uncheck();
    await expect(progress).toBeVisible();
    const expected = bytes.toString('base64');
    await expect(output(page)).toHaveValue(expected.slice(0, 64 * 1024), { timeout: 60_000 });
    await expect(
      page.getByText(`${expected.length.toLocaleString('en-US')} characters`),
    ).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });

  test('a large conversion can be cancelled at once', async ({ page }, testInfo) => {
    const dir = testInfo.outputPath('files');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'big.b64');
    writeFileSync(path, Buffer.alloc(96 * 1024 * 1024, 'QUFB'));
    await mode(page, 'Decode').check();
    await page.getByLabel('File').setInputFiles(path);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Cancelled')).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await expect(output(page)).toHaveValue('');
  });
});
