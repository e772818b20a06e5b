// Base64 (and hex) throughput of the app's own code path in Chromium beside Node's Buffer on the
// same bytes in the same run. Wrong output fails the run; a slow result only says BELOW GOAL.
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { relative } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import {
  fillDeterministic,
  fnv1aBytes,
  isEncode,
  median,
  MIB,
  OPERATIONS,
  PLANS,
  quantile,
  seedFor,
  timeSample,
  type Operation,
  type Sample,
  type SizePlan,
} from './shared.ts';

/** The goal at 64 MiB, as Chromium/Node. */
const GOAL = { encode: 0.8, decode: 0.4 } as const;
const GOAL_BYTES = 64 * MIB;
/** A 64 MiB verdict whose samples spread wider than this (IQR / median) is flagged as noisy. */
const NOISY_SPREAD = 0.25;

/** Buffer's counterpart of each operation. The input is a view, not a copy: only the codec is timed. */
function nodeCall(
  operation: Operation,
  buffer: Buffer,
  base64Text: string,
  hexText: string,
): () => string | Buffer {
  switch (operation) {
    case 'encode base64 (convert)':
    case 'encode base64 (lib encodeBase64)':
      return () => buffer.toString('base64');
    case 'decode base64 (convert)':
    case 'decode base64 (lib decodeBase64)':
      return () => Buffer.from(base64Text, 'base64');
    case 'encode hex (convert)':
      return () => buffer.toString('hex');
    case 'decode hex (convert)':
      return () => Buffer.from(hexText, 'hex');
  }
}

function chromiumSample(
  page: Page,
  operation: Operation,
  byteLength: number,
  checksum: boolean,
): Promise<Sample> {
  return page.evaluate(([op, n, c]) => window.benchSample(op, n, c), [
    operation,
    byteLength,
    checksum,
  ] as const);
}

interface Row {
  readonly operation: Operation;
  readonly bytes: number;
  readonly chromiumMBps: number;
  readonly nodeMBps: number;
  /** Interquartile range / median of the samples, per side: how much to trust the row. */
  readonly chromiumSpread: number;
  readonly nodeSpread: number;
}

/** 1e6 bytes/s, counting the encoder's input or the decoder's output: the plan's size either way. */
function mbPerSecond(bytes: number, msPerCall: readonly number[]): number {
  return bytes / 1e6 / (median(msPerCall) / 1e3);
}

function spread(msPerCall: readonly number[]): number {
  return (quantile(msPerCall, 0.75) - quantile(msPerCall, 0.25)) / median(msPerCall);
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

function verdict(row: Row): string {
  if (row.bytes !== GOAL_BYTES) return '';
  const goal = isEncode(row.operation) ? GOAL.encode : GOAL.decode;
  const met = row.chromiumMBps / row.nodeMBps >= goal;
  const noisy = Math.max(row.chromiumSpread, row.nodeSpread) > NOISY_SPREAD ? ', noisy' : '';
  const text = `${met ? 'PASS' : 'BELOW GOAL'} (>= ${goal.toFixed(2)}x${noisy})`;
  // The goal is about Base64; hex rows get the same yardstick, for information only.
  return row.operation.includes('hex') ? `[${text}, info only]` : text;
}

function table(rows: readonly Row[]): string {
  const header = [
    'operation',
    'size',
    'Chromium MB/s',
    'Node MB/s',
    'ratio C/N',
    'IQR/med C/N',
    'verdict @ 64 MiB',
  ];
  const lines = rows.map((row) => [
    row.operation,
    `${row.bytes / MIB} MiB`,
    row.chromiumMBps.toFixed(1),
    row.nodeMBps.toFixed(1),
    `${(row.chromiumMBps / row.nodeMBps).toFixed(2)}x`,
    `${percent(row.chromiumSpread)}/${percent(row.nodeSpread)}`,
    verdict(row),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]!.length)),
  );
  const left = new Set([0, 6]);
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (left.has(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [format(header), rule, ...lines.map(format)].join('\n');
}

test('Base64 throughput: Chromium (app code path) vs Node Buffer', async ({
  page,
  browser,
}, testInfo) => {
  // Cut the page off from Vite's HMR socket: a file saved elsewhere in the repo (or the dep
  // optimizer finishing) would otherwise reload the page mid-run and destroy its state.
  await page.routeWebSocket(/./, () => {
    // Not connected to the server: the Vite client sees an open socket that never speaks.
  });
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  await page.goto('/bench/base64.html');
  await page.waitForFunction(() => window.benchReady === true);
  const native = await page.evaluate(() => window.benchNative());

  const rows: Row[] = [];
  /** Every sample, ms per call, for anyone who wants more than the median. */
  const raw: { operation: Operation; bytes: number; chromiumMs: number[]; nodeMs: number[] }[] = [];
  for (const plan of PLANS) {
    const seed = seedFor(plan.bytes);
    const size = `${plan.bytes / MIB} MiB`;

    const prepared = await page.evaluate(([n, s]) => window.benchPrepare(n, s), [
      plan.bytes,
      seed,
    ] as const);
    const bytes = fillDeterministic(plan.bytes, seed);
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const base64Text = buffer.toString('base64');
    const hexText = buffer.toString('hex');
    const inputHash = fnv1aBytes(bytes);
    expect.soft(prepared.inputHash, `${size}: same input bytes on both sides`).toBe(inputHash);
    expect.soft(prepared.base64Length, `${size}: Base64 text length`).toBe(base64Text.length);
    expect.soft(prepared.hexLength, `${size}: hex text length`).toBe(hexText.length);

    for (const operation of OPERATIONS) {
      const call = nodeCall(operation, buffer, base64Text, hexText);
      const nodeSample = (checksum: boolean) =>
        timeSample(plan, () => performance.now(), call, checksum);
      const chromium: Sample[] = [];
      const node: Sample[] = [];
      // Warm-up, then strict turns C N C N ...: load from elsewhere hits both sides alike, and
      // neither side runs two samples back to back (that measurably slows the second, which
      // pays for the first one's ~100 MB of garbage); a user's one conversion never does that.
      // The last sample on each side also checksums its output (after its clock stops).
      await chromiumSample(page, operation, plan.bytes, false);
      nodeSample(false);
      for (let s = 0; s < plan.samples; s++) {
        const checksum = s === plan.samples - 1;
        chromium.push(await chromiumSample(page, operation, plan.bytes, checksum));
        node.push(nodeSample(checksum));
      }
      checkOutputs(`${operation} @ ${size}`, operation, plan, inputHash, chromium, node);
      rows.push(row(operation, plan, chromium, node));
      raw.push({
        operation,
        bytes: plan.bytes,
        chromiumMs: chromium.map((x) => x.msPerCall),
        nodeMs: node.map((x) => x.msPerCall),
      });
    }
  }

  const seconds = ((performance.now() - started) / 1e3).toFixed(1);
  const samples = PLANS.map(
    (p) => `${p.bytes / MIB} MiB: ${p.samples} x ${p.repsPerSample} call(s)`,
  ).join(', ');
  const nativeList = Object.entries(native)
    .map(([name, present]) => `${name} ${present ? 'yes' : 'NO'}`)
    .join(', ');
  const rawFile = testInfo.outputPath('samples.json');
  writeFileSync(rawFile, `${JSON.stringify(raw, null, 1)}\n`);
  console.log(
    [
      '',
      `Base64 throughput: Chromium ${browser.version()} running the app's convert() (Vite dev server)`,
      `vs Node ${process.version} Buffer, same xorshift32 bytes, same run (${seconds} s of measuring).`,
      'MB/s = 1e6 bytes/s of the INPUT bytes for encode and of the DECODED bytes for decode.',
      `Median of samples after 1 warm-up sample per side, sides taking turns (${samples}).`,
      `Native Uint8Array codecs in the page: ${nativeList}.`,
      `IQR/med = interquartile range of the samples / their median (noisy above ${percent(NOISY_SPREAD)}). 1-min load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after, on ${availableParallelism()} CPUs.`,
      `Goal at 64 MiB: encode >= ${GOAL.encode}x Node, decode >= ${GOAL.decode}x Node. Outputs checked against Buffer (length + FNV-1a).`,
      '',
      table(rows),
      '',
      `Every sample (ms per call): ${relative(process.cwd(), rawFile)}`,
      '',
    ].join('\n'),
  );
});

function checkOutputs(
  what: string,
  operation: Operation,
  plan: SizePlan,
  inputHash: number,
  chromium: readonly Sample[],
  node: readonly Sample[],
): void {
  const c = chromium.at(-1)?.output;
  const n = node.at(-1)?.output;
  expect.soft(c, `${what}: Chromium checksum`).toBeTruthy();
  expect.soft(n, `${what}: Node checksum`).toBeTruthy();
  if (!c || !n) return;
  expect.soft(c.length, `${what}: output length vs Node`).toBe(n.length);
  expect.soft(c.hash, `${what}: output FNV-1a vs Node`).toBe(n.hash);
  if (!isEncode(operation)) {
    expect.soft(c.length, `${what}: decoded length vs input`).toBe(plan.bytes);
    expect.soft(c.hash, `${what}: decoded bytes vs input`).toBe(inputHash);
  }
}

function row(
  operation: Operation,
  plan: SizePlan,
  chromium: readonly Sample[],
  node: readonly Sample[],
): Row {
  const c = chromium.map((s) => s.msPerCall);
  const n = node.map((s) => s.msPerCall);
  return {
    operation,
    bytes: plan.bytes,
    chromiumMBps: mbPerSecond(plan.bytes, c),
    nodeMBps: mbPerSecond(plan.bytes, n),
    chromiumSpread: spread(c),
    nodeSpread: spread(n),
  };
}
