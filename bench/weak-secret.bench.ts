// The JWT weak-secret scan in Chromium (the app's warm worker pool, one worker per core, over the
// bundled list) beside Node's createHmac over the same candidates in the same run. A wrong answer
// fails the run; a slow one only says BELOW GOAL.
//
// The headline row is what a user waits for: the time from pasting a token (the scan request) to
// the answer, on the pool that started warming (worker startup, fetch, packing, a JIT warm-up
// scan) when the JWT page opened. That warm-up is left out of the headline on purpose: it happens
// while the user is still reading the page, before there is a token, so leaving it out IS what the
// user sees. The cold-pool row shows the other case, a token scanned by workers started for it.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { WeakSecretAlgorithm } from '../src/tools/jwt/weak-secret.ts';
import { median, quantile } from './shared.ts';
import type { ScanJob, ScanTiming } from './weak-secret-page.ts';

/** The goal: the warm pool's full-list scan at least this many times Node's candidates/s. */
const GOAL = 2.5;
/** Timed samples per side after one warm-up each; the sides take turns sample by sample. */
const SAMPLES = 11;
const CONTEXT_SAMPLES = 3;

const WORDLIST = readFileSync(
  new URL('../public/wordlists/jwt-secrets.txt', import.meta.url),
  'utf8',
);
const CANDIDATES = WORDLIST.split('\n').filter((line) => line !== '');

const NODE_HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

/** A fixed, typical HS token: jwt.io's example claims plus the usual registered ones. */
function job(alg: WeakSecretAlgorithm, secret: string): ScanJob & { signatureBuffer: Buffer } {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg, typ: 'JWT' });
  const payload = encode({
    sub: '1234567890',
    name: 'John Doe',
    iat: 1516239022,
    exp: 1516242622,
    iss: 'https://auth.example.com/',
    aud: 'api.example.com',
  });
  const signingInput = `${header}.${payload}`;
  const signatureBuffer = createHmac(NODE_HASH[alg], secret).update(signingInput).digest();
  return { alg, signingInput, signature: [...signatureBuffer], signatureBuffer };
}

/** Node's way: one createHmac per candidate, digest, compare. */
function nodeScan(scan: ReturnType<typeof job>): { found: string | null; ms: number } {
  const started = performance.now();
  const hash = NODE_HASH[scan.alg];
  for (const candidate of CANDIDATES) {
    const mac = createHmac(hash, candidate).update(scan.signingInput).digest();
    if (mac.equals(scan.signatureBuffer))
      return { found: candidate, ms: performance.now() - started };
  }
  return { found: null, ms: performance.now() - started };
}

const warmScan = (page: Page, scan: ScanJob): Promise<ScanTiming> =>
  page.evaluate((s) => window.weakSecretWarmPool(s), plain(scan));
const coldScan = (page: Page, scan: ScanJob): Promise<ScanTiming> =>
  page.evaluate((s) => window.weakSecretColdPool(s), plain(scan));
/** Waits until the pool is warm again (a hit replaces it); returns the first warm-up's ms. */
const poolReady = (page: Page): Promise<number> =>
  page.evaluate(() => window.weakSecretPoolReady());

/** Only the fields the page needs cross the bridge. */
function plain(scan: ScanJob): ScanJob {
  return { alg: scan.alg, signingInput: scan.signingInput, signature: scan.signature };
}

interface Row {
  readonly operation: string;
  readonly ms: readonly number[];
  readonly goal: boolean;
}

const rate = (ms: number) => CANDIDATES.length / (ms / 1e3);
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const spread = (ms: readonly number[]) => (quantile(ms, 0.75) - quantile(ms, 0.25)) / median(ms);

function table(rows: readonly Row[], nodeMs: number): string {
  const header = [
    'operation',
    'candidates',
    'ms (median)',
    'candidates/s',
    'ratio C/N',
    'IQR/med',
    'verdict',
  ];
  const nodeRate = rate(nodeMs);
  const lines = rows.map((row) => {
    const ms = median(row.ms);
    const ratio = rate(ms) / nodeRate;
    const isNode = row.operation.startsWith('Node');
    return [
      row.operation,
      String(CANDIDATES.length),
      ms.toFixed(1),
      Math.round(rate(ms)).toLocaleString('en-US'),
      isNode ? '1.00x' : `${ratio.toFixed(2)}x`,
      percent(spread(row.ms)),
      row.goal ? `${ratio >= GOAL ? 'PASS' : 'BELOW GOAL'} (>= ${GOAL}x)` : '',
    ];
  });
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((l) => l[i]!.length)),
  );
  const left = new Set([0, 6]);
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (left.has(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join(
    '\n',
  );
}

test('JWT weak-secret scan: Chromium warm worker pool (app code path) vs Node createHmac', async ({
  page,
  browser,
}) => {
  // Cut the page off from Vite's HMR socket, as the Base64 bench does: a file saved elsewhere
  // would otherwise reload the page mid-run.
  await page.routeWebSocket(/./, () => {
    // Never connected: the Vite client sees a socket that never speaks.
  });
  const loadBefore = loadavg()[0]!;
  await page.goto('/bench/weak-secret.html');
  await page.waitForFunction(() => window.weakSecretReady === true);
  const cores = await page.evaluate(() => window.weakSecretCores());
  // The page opened and the pool warms, as the JWT page's does on mount.
  const warmUpMs = await poolReady(page);

  expect(CANDIDATES.length, 'bundled list size').toBeGreaterThanOrEqual(10_000);
  expect(new Set(CANDIDATES).size, 'bundled list has no repeats').toBe(CANDIDATES.length);
  const missing = 'bench: a secret that is not in the list (7c1e)';
  expect(CANDIDATES, 'worst case needs a secret outside the list').not.toContain(missing);
  const worst = job('HS256', missing);

  // Working code first: a secret near the end is found, by every algorithm, in every path.
  for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
    const secret = CANDIDATES[CANDIDATES.length - 3]!;
    const hit = await warmScan(page, job(alg, secret));
    expect(hit.found, `${alg}: the warm pool finds a secret near the end`).toBe(secret);
    await poolReady(page); // a hit terminates the other shard: wait for the replacement
    const cold = await coldScan(page, job(alg, secret));
    expect(cold.found, `${alg}: a cold pool finds a secret near the end`).toBe(secret);
  }
  const nearEnd = job('HS256', CANDIDATES[CANDIDATES.length - 2]!);
  expect(nodeScan(nearEnd).found).toBe(CANDIDATES[CANDIDATES.length - 2]);
  const mainHit = await page.evaluate((s) => window.weakSecretMainThread(s), plain(nearEnd));
  expect(mainHit.found, 'main thread finds it').toBe(CANDIDATES[CANDIDATES.length - 2]);
  expect(mainHit.tried).toBe(CANDIDATES.length - 1);

  // One untimed round of each (the dev server transforms the cold pool's modules on first
  // load), then turns: warm pool, cold pool, Node.
  const full = { found: null, tried: CANDIDATES.length };
  expect(await warmScan(page, worst)).toMatchObject(full);
  expect(await coldScan(page, worst)).toMatchObject(full);
  nodeScan(worst);
  const warm: number[] = [];
  const cold: number[] = [];
  const node: number[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const w = await warmScan(page, worst);
    expect(w, 'full scan: nothing found, every candidate tried once').toMatchObject(full);
    warm.push(w.wallMs);
    const c = await coldScan(page, worst);
    expect(c, 'full scan, cold pool').toMatchObject(full);
    cold.push(c.wallMs);
    const n = nodeScan(worst);
    expect(n.found).toBeNull();
    node.push(n.ms);
  }

  const mainThread: number[] = [];
  const webCrypto: number[] = [];
  await page.evaluate((s) => window.weakSecretMainThread(s), plain(worst));
  for (let s = 0; s < CONTEXT_SAMPLES; s++) {
    const m = await page.evaluate((j) => window.weakSecretMainThread(j), plain(worst));
    expect(m).toMatchObject(full);
    mainThread.push(m.wallMs);
    const w = await page.evaluate((j) => window.weakSecretWebCrypto(j), plain(worst));
    expect(w).toMatchObject(full);
    webCrypto.push(w.wallMs);
  }
  const webCryptoHit = await page.evaluate((j) => window.weakSecretWebCrypto(j), plain(nearEnd));
  expect(webCryptoHit.found, 'Web Crypto finds it').toBe(CANDIDATES[CANDIDATES.length - 2]);

  const rows: Row[] = [
    { operation: `${cores} workers, warm pool: token pasted -> answer`, ms: warm, goal: true },
    { operation: `${cores} workers, cold pool incl. startup + fetch`, ms: cold, goal: false },
    { operation: 'pure JS, main thread, 1 thread', ms: mainThread, goal: false },
    { operation: 'Web Crypto importKey+sign, main thread', ms: webCrypto, goal: false },
    { operation: 'Node createHmac+digest+equals, 1 thread', ms: node, goal: false },
  ];
  console.log(
    [
      '',
      `JWT weak-secret scan, HS256, secret not in the list (full scan of ${CANDIDATES.length} candidates,`,
      `signing input ${worst.signingInput.length} bytes): Chromium ${browser.version()} (Vite dev server,`,
      `the app's WeakSecretPool over the real weak-secret.worker.ts via startModuleWorker, ${cores} =`,
      `navigator.hardwareConcurrency) vs Node ${process.version} in the same run. Pool rows: median of`,
      `${SAMPLES} runs after 1 untimed run each, taking turns with Node; main-thread rows: ${CONTEXT_SAMPLES} runs.`,
      `Warm pool = from the scan request to the answer on workers that loaded, packed and warmed up`,
      `when the page opened (that took ${warmUpMs.toFixed(0)} ms, while a user would still be reading the page).`,
      `Cold pool = workers started for the scan: startup, fetch, packing and a cold JIT all counted.`,
      `1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${availableParallelism()} CPUs.`,
      `Checked: HS256/384/512 secrets near the end of the list are found by the warm and cold pools;`,
      `HS256 by the main thread, Web Crypto and Node. Goal: warm pool >= ${GOAL}x Node candidates/s.`,
      '',
      table(rows, median(node)),
      '',
    ].join('\n'),
  );
});
