import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHmacTester } from '../../lib/crypto/hmac-sha2.ts';
import {
  createLineSplitter,
  packedCandidate,
  packWordlist,
  scanCandidates,
  scanPacked,
  shardSize,
  SCAN_CHECK_EVERY,
  WEAK_SECRET_ALGORITHMS,
} from './weak-secret.ts';
import type { WeakSecretReply, WeakSecretRequest } from './weak-secret.worker.ts';

// The committed wordlist and the script that builds it (scripts/build-wordlist.mjs).
const WORDLIST_FILE = new URL('../../../public/wordlists/jwt-secrets.txt', import.meta.url);
const DEFAULTS_FILE = new URL('../../../scripts/jwt-default-secrets.txt', import.meta.url);
const PASSWORDS_FILE = new URL(
  '../../../node_modules/@zxcvbn-ts/language-common/src/passwords.json',
  import.meta.url,
);

const encoder = new TextEncoder();
const SIGNING_INPUT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0';

function testerFor(secret: string, alg: keyof typeof WEAK_SECRET_ALGORITHMS = 'HS256') {
  const hash = WEAK_SECRET_ALGORITHMS[alg].replace('-', '').toLowerCase();
  const mac = createHmac(hash, secret).update(SIGNING_INPUT).digest();
  return createHmacTester(WEAK_SECRET_ALGORITHMS[alg], encoder.encode(SIGNING_INPUT), mac);
}

const WORDS = Array.from({ length: 10_000 }, (_, i) => `candidate-${i}`);

describe('scanCandidates', () => {
  it.each([
    ['start', 0],
    ['middle', 5_000],
    ['end', WORDS.length - 1],
  ])('finds a secret at the %s of the list', (_, at) => {
    const outcome = scanCandidates(testerFor(WORDS[at]!), WORDS);
    expect(outcome).toEqual({ found: WORDS[at], tried: at + 1 });
  });

  it.each(['HS384', 'HS512'] as const)('finds an %s secret', (alg) => {
    expect(scanCandidates(testerFor('candidate-77', alg), WORDS).found).toBe('candidate-77');
  });

  it('reports null and the full count when no candidate matches', () => {
    expect(scanCandidates(testerFor('not-in-the-list'), WORDS)).toEqual({
      found: null,
      tried: WORDS.length,
    });
  });

  it('encodes candidates as UTF-8, including ones longer than the block size', () => {
    const long = 'ü'.repeat(200); // 400 UTF-8 bytes: grows the buffer and is hashed first
    for (const secret of ['pässwörd', '秘密', '🔑key', long]) {
      const outcome = scanCandidates(testerFor(secret), ['a', secret, 'b']);
      expect(outcome).toEqual({ found: secret, tried: 2 });
    }
    // A short candidate after a long one reads only its own bytes.
    expect(scanCandidates(testerFor('ab'), [long, 'ab']).found).toBe('ab');
  });

  it('reports progress and stops when asked', () => {
    const progress: number[] = [];
    const outcome = scanCandidates(testerFor('nope'), WORDS, (n) => progress.push(n));
    expect(outcome.tried).toBe(WORDS.length);
    expect(progress).toEqual([SCAN_CHECK_EVERY, 2 * SCAN_CHECK_EVERY]);

    const stopped = scanCandidates(testerFor(WORDS.at(-1)!), WORDS, undefined, () => true);
    expect(stopped).toEqual({ found: null, tried: SCAN_CHECK_EVERY });
  });

  it("finds jwt.io's example token's secret in the bundled list", () => {
    // The debugger's default HS256 token (jwt.io), signed with "your-256-bit-secret".
    const token =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const tester = createHmacTester(
      'SHA-256',
      encoder.encode(`${header}.${payload}`),
      Uint8Array.from(Buffer.from(signature, 'base64url')),
    );
    const list = readFileSync(WORDLIST_FILE, 'utf8').split('\n');
    expect(scanCandidates(tester, list).found).toBe('your-256-bit-secret');
  });
});

describe('createLineSplitter', () => {
  const splitAll = (chunks: readonly string[]) => {
    const splitter = createLineSplitter();
    return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
  };

  it('handles CRLF split across chunks, a trailing line and empty lines', () => {
    expect(splitAll(['a\r', '\nb\n\n', '\r\nc'])).toEqual(['a', 'b', 'c']);
    expect(splitAll(['one line, no newline'])).toEqual(['one line, no newline']);
    expect(splitAll(['x', 'y', 'z\n'])).toEqual(['xyz']);
    expect(splitAll(['lone\rcr\n'])).toEqual(['lone\rcr']);
    expect(splitAll(['', '\n', '\r\n'])).toEqual([]);
  });

  it('equals text.split(/\\r?\\n/) without empties, however the text is cut', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'é', '\n', '\r', '\r\n', ' ', '🔑'), { maxLength: 200 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 10 }), (input, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) =>
          input.slice(from, points[i] ?? input.length),
        );
        expect(splitAll(chunks)).toEqual(input.split(/\r?\n/).filter((line) => line !== ''));
      }),
      { numRuns: 500 },
    );
  });
});

interface BuildWordlistModule {
  buildFromFiles(): string;
  buildWordlist(defaults: readonly string[], passwords: readonly string[], limit?: number): string;
  parseDefaults(text: string): string[];
  PASSWORD_LIMIT: number;
}

describe('packWordlist', () => {
  const unpack = (text: string) => {
    const list = packWordlist(text);
    return Array.from({ length: list.count }, (_, i) => packedCandidate(list, i));
  };
  const split = (text: string) => text.split(/\r?\n/).filter((line) => line !== '');

  it('gives the candidates text.split(/\\r?\\n/) gives, empties dropped', () => {
    expect(unpack('a\r\nbb\n\n\r\nc\rd\né€😀\n\r')).toEqual(['a', 'bb', 'c\rd', 'é€😀', '\r']);
    expect(unpack('')).toEqual([]);
    expect(unpack('\n\n')).toEqual([]);
    expect(unpack('last')).toEqual(['last']);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\n', '\r', '\r\n'))),
        (parts) => {
          const text = parts.join('');
          expect(unpack(text)).toEqual(split(text));
        },
      ),
    );
  });

  it('packs each candidate as its UTF-8 bytes, back to back', () => {
    const list = packWordlist('ab\r\n€\n');
    expect([...list.bytes]).toEqual([0x61, 0x62, 0xe2, 0x82, 0xac]);
    expect([...list.offsets]).toEqual([0, 2, 5]);
    expect(list.count).toBe(2);
  });
});

describe('shardSize', () => {
  it('counts every count-th candidate from index', () => {
    for (let total = 0; total < 20; total++) {
      for (let count = 1; count < 6; count++) {
        let sum = 0;
        for (let index = 0; index < count; index++) {
          const expected = Array.from({ length: total }, (_, i) => i).filter(
            (i) => i % count === index,
          ).length;
          expect(shardSize(total, index, count)).toBe(expected);
          sum += expected;
        }
        expect(sum).toBe(total);
      }
    }
  });
});

describe('scanPacked', () => {
  const list = packWordlist(WORDS.join('\n'));

  it('finds the same candidate as scanCandidates, in the shard that has it', () => {
    const count = 3;
    const target = 9998; // 9998 % 3 = 2
    const tester = testerFor(WORDS[target]!, 'HS384');
    for (let index = 0; index < count; index++) {
      const outcome = scanPacked(tester, list, { index, count });
      if (index === target % count) {
        expect(outcome).toEqual({ foundIndex: target, tried: Math.floor(target / count) + 1 });
      } else {
        expect(outcome).toEqual({ foundIndex: -1, tried: shardSize(WORDS.length, index, count) });
      }
    }
    expect(scanCandidates(tester, WORDS).found).toBe(WORDS[target]);
  });

  it('tries every candidate once across the shards and reports progress', () => {
    const progress: number[] = [];
    let tried = 0;
    for (let index = 0; index < 2; index++) {
      tried += scanPacked(testerFor('none'), list, { index, count: 2 }, (n) =>
        progress.push(n),
      ).tried;
    }
    expect(tried).toBe(WORDS.length);
    expect(progress).toEqual([SCAN_CHECK_EVERY, SCAN_CHECK_EVERY]);
  });
});

describe('the bundled wordlist', () => {
  let script: BuildWordlistModule;
  beforeAll(async () => {
    // A plain-JS script outside this project's TypeScript program: typed here by hand.
    const path = '../../../scripts/build-wordlist.mjs';
    script = (await import(/* @vite-ignore */ path)) as BuildWordlistModule;
  });
  const committed = () => readFileSync(WORDLIST_FILE, 'utf8');

  it('is up to date with its inputs (run `npm run wordlist`)', () => {
    expect(
      committed() === script.buildFromFiles(),
      'public/wordlists/jwt-secrets.txt is stale',
    ).toBe(true);
  });

  it('is the defaults, then the most popular passwords, each once', () => {
    const lines = committed().split('\n');
    expect(lines.pop()).toBe(''); // ends with exactly one LF
    expect(lines.every((line) => line !== '' && !line.includes('\r'))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.length).toBeGreaterThanOrEqual(10_000);
    expect(lines.length).toBeLessThanOrEqual(30_000);
    expect(Buffer.byteLength(committed())).toBeLessThan(300_000);

    // Re-derived here, independently of the script: defaults first, then passwords in order.
    const defaults = readFileSync(DEFAULTS_FILE, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    const passwords = (JSON.parse(readFileSync(PASSWORDS_FILE, 'utf8')) as string[]).slice(
      0,
      script.PASSWORD_LIMIT,
    );
    expect(lines).toEqual([...new Set([...defaults, ...passwords])]);
    expect(lines[0]).toBe('your-256-bit-secret');
    for (const secret of ['your-384-bit-secret', 'your-512-bit-secret', 'shhhhh', 'keyboard cat']) {
      expect(lines).toContain(secret);
    }
  });

  it('builds deterministically and drops repeats and empty entries', () => {
    expect(script.parseDefaults('# header\r\nsecret\r\n\r\nkeyboard cat\n#x\n')).toEqual([
      'secret',
      'keyboard cat',
    ]);
    expect(script.buildWordlist(['b', 'a'], ['a', '', 'c', 'x\ny', 'd'], 4)).toBe('b\na\nc\n');
  });
});

describe('weak-secret.worker', () => {
  const replies: WeakSecretReply[] = [];
  let handler: ((event: { data: WeakSecretRequest }) => void) | null = null;

  beforeAll(async () => {
    const scope = {
      location: {
        href: 'https://app.example/tools/assets/worker.js',
        origin: 'https://app.example',
      },
      postMessage: (reply: WeakSecretReply) => replies.push(reply),
      set onmessage(fn: typeof handler) {
        handler = fn;
      },
    };
    vi.stubGlobal('self', scope);
    await import('./weak-secret.worker.ts');
    vi.unstubAllGlobals();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function run(request: WeakSecretRequest): Promise<WeakSecretReply> {
    replies.length = 0;
    handler!({ data: request });
    await vi.waitFor(() => {
      expect(replies.some((r) => r.type !== 'progress' && r.type !== 'ready')).toBe(true);
    });
    return replies.find((r) => r.type !== 'progress' && r.type !== 'ready')!;
  }

  const signatureFor = (secret: string) =>
    new Uint8Array(createHmac('sha256', secret).update(SIGNING_INPUT).digest());
  const base = { id: 7, alg: 'HS256', signingInput: SIGNING_INPUT } as const;

  it('streams a file and, across shards, tries every line exactly once', async () => {
    const text = `${WORDS.join('\r\n')}\r\n\r\n`;
    const file = new File([text], 'list.txt');
    const count = 3;
    let tried = 0;
    for (let index = 0; index < count; index++) {
      const shard = { index, count };
      const reply = await run({
        ...base,
        type: 'scan-file',
        signature: signatureFor('x'),
        file,
        shard,
      });
      expect(reply.type).toBe('done');
      if (reply.type === 'done') tried += reply.tried;
      expect(replies[0]).toMatchObject({ type: 'progress', tried: 0, totalBytes: file.size });
    }
    expect(tried).toBe(WORDS.length);

    // candidate-9998 is line 9998: shard 9998 % 3 = 2 has it, the others do not.
    const signature = signatureFor('candidate-9998');
    const found = await run({
      ...base,
      type: 'scan-file',
      signature,
      file,
      shard: { index: 2, count },
    });
    expect(found).toEqual({ type: 'found', id: 7, secret: 'candidate-9998', tried: 3333 });
    const missed = await run({
      ...base,
      type: 'scan-file',
      signature,
      file,
      shard: { index: 1, count },
    });
    expect(missed.type).toBe('done');
  });

  it("loads the bundled list once for 'load' and every later scan", async () => {
    const fetchMock = vi.fn(() => Promise.resolve(new Response(WORDS.join('\n'))));
    vi.stubGlobal('fetch', fetchMock);
    replies.length = 0;
    handler!({ data: { type: 'load', wordlistUrl: '/once.txt', warmUp: true } });
    await vi.waitFor(() => {
      expect(replies).toContainEqual({ type: 'ready', ok: true });
    });
    const request = {
      ...base,
      type: 'scan-bundled',
      wordlistUrl: '/once.txt',
      shard: { index: 1, count: 2 },
    } as const;
    const found = await run({ ...request, id: 41, signature: signatureFor('candidate-9999') });
    expect(found).toEqual({ type: 'found', id: 41, secret: 'candidate-9999', tried: 5000 });
    expect(replies[0]).toEqual({ type: 'progress', id: 41, tried: 0, total: 5000 });
    const done = await run({ ...request, id: 42, signature: signatureFor('candidate-9998') });
    expect(done).toEqual({ type: 'done', id: 42, tried: 5000 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('fetches the bundled list and reports failures as messages', async () => {
    const list = readFileSync(WORDLIST_FILE, 'utf8');
    const fetchMock = vi.fn((url: string) =>
      Promise.resolve(
        url === '/wordlists/jwt-secrets.txt'
          ? new Response(list)
          : new Response('', { status: 404 }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const shard = { index: 0, count: 1 };
    const found = await run({
      ...base,
      type: 'scan-bundled',
      signature: signatureFor('keyboard cat'),
      wordlistUrl: '/wordlists/jwt-secrets.txt',
      shard,
    });
    expect(found).toMatchObject({ type: 'found', secret: 'keyboard cat' });

    const missing = await run({
      ...base,
      type: 'scan-bundled',
      signature: signatureFor('keyboard cat'),
      wordlistUrl: '/nope.txt',
      shard,
    });
    expect(missing).toEqual({
      type: 'failed',
      id: 7,
      message: 'The bundled wordlist could not be loaded (HTTP 404).',
    });

    const badShard = await run({
      ...base,
      type: 'scan-bundled',
      signature: signatureFor('x'),
      wordlistUrl: '/wordlists/jwt-secrets.txt',
      shard: { index: 2, count: 2 },
    });
    expect(badShard).toEqual({ type: 'failed', id: 7, message: 'Invalid shard.' });

    // The page's CSP does not reach a worker: the worker itself refuses other origins.
    const foreign = await run({
      ...base,
      type: 'scan-bundled',
      signature: signatureFor('x'),
      wordlistUrl: 'https://attacker.example/list.txt',
      shard,
    });
    expect(foreign).toEqual({
      type: 'failed',
      id: 7,
      message: 'The wordlist must come from this site.',
    });
    expect(fetchMock).not.toHaveBeenCalledWith(
      'https://attacker.example/list.txt',
      expect.anything(),
    );
  });
});
