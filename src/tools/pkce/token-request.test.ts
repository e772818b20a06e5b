// Tests for the token request curl command: its exact shape, and quoting proven by a real POSIX shell.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  TOKEN_REQUEST_PLACEHOLDERS,
  buildTokenRequestCurl,
  quoteShellWord,
  type TokenRequestInput,
} from './token-request.ts';

// RFC 6749 §4.1.3 example values and the RFC 7636 Appendix B verifier.
const BASE: TokenRequestInput = {
  tokenEndpoint: 'https://server.example.com/token',
  code: 'SplxlOBeZQQYbYS6WxSbIA',
  redirectUri: 'https://client.example.com/cb',
  clientId: 's6BhdRkqt3',
  codeVerifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
};
const CONTENT_TYPE = 'Content-Type: application/x-www-form-urlencoded';

function build(overrides: Partial<TokenRequestInput> = {}): string {
  const result = buildTokenRequestCurl({ ...BASE, ...overrides });
  if (!result.ok) throw new Error(`expected a command, got ${result.error.code}`);
  return result.value;
}

/**
 * Runs `command` in /bin/sh with `curl` defined as a shell function that prints each of its
 * arguments followed by NUL, and returns those arguments: exactly what curl would have received.
 */
function argumentsSeenByCurl(command: string): string[] {
  const script = `curl() { for argument; do printf '%s\\0' "$argument"; done; }\n${command}\n`;
  const output = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
  expect(output.endsWith('\0')).toBe(true);
  return output.slice(0, -1).split('\0');
}

function expectedArguments(input: TokenRequestInput, url = input.tokenEndpoint): string[] {
  return [
    '-X',
    'POST',
    url,
    '-H',
    CONTENT_TYPE,
    '--data-urlencode',
    'grant_type=authorization_code',
    '--data-urlencode',
    `code=${input.code}`,
    '--data-urlencode',
    `redirect_uri=${input.redirectUri}`,
    '--data-urlencode',
    `client_id=${input.clientId}`,
    '--data-urlencode',
    `code_verifier=${input.codeVerifier}`,
  ];
}

const scratch = mkdtempSync(join(tmpdir(), 'pkce-quoting-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('buildTokenRequestCurl', () => {
  it('writes the RFC 6749 §4.1.3 request with the RFC 7636 §4.5 code_verifier', () => {
    expect(build()).toBe(
      [
        "curl -X POST 'https://server.example.com/token' \\",
        "  -H 'Content-Type: application/x-www-form-urlencoded' \\",
        "  --data-urlencode 'grant_type=authorization_code' \\",
        "  --data-urlencode 'code=SplxlOBeZQQYbYS6WxSbIA' \\",
        "  --data-urlencode 'redirect_uri=https://client.example.com/cb' \\",
        "  --data-urlencode 'client_id=s6BhdRkqt3' \\",
        "  --data-urlencode 'code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'",
      ].join('\n'),
    );
  });

  it('gives curl exactly these arguments through a real shell', () => {
    expect(argumentsSeenByCurl(build())).toEqual(expectedArguments(BASE));
  });

  it('uses placeholders for a blank code, client ID and verifier, and drops a blank redirect URI', () => {
    const command = build({ code: '', clientId: ' ', codeVerifier: '', redirectUri: '' });
    expect(argumentsSeenByCurl(command)).toEqual([
      '-X',
      'POST',
      BASE.tokenEndpoint,
      '-H',
      CONTENT_TYPE,
      '--data-urlencode',
      'grant_type=authorization_code',
      '--data-urlencode',
      `code=${TOKEN_REQUEST_PLACEHOLDERS.code}`,
      '--data-urlencode',
      `client_id=${TOKEN_REQUEST_PLACEHOLDERS.clientId}`,
      '--data-urlencode',
      `code_verifier=${TOKEN_REQUEST_PLACEHOLDERS.codeVerifier}`,
    ]);
    expect(command).toContain("--data-urlencode 'code=<authorization code>'");
  });

  it('passes hostile values through unchanged and runs none of them', () => {
    const marker = join(scratch, 'ran');
    const input: TokenRequestInput = {
      tokenEndpoint: "https://server.example.com/token?x='$(touch%20x)'",
      code: `it's a "code" with $(touch ${marker}) and \`touch ${marker}\``,
      redirectUri: "https://client.example.com/cb?a=1&b=2;x|y>z<w'\\'",
      clientId: "  spaced  \t\ttabs\nnew line\r\nand ''' quotes ' ",
      codeVerifier: `$HOME \${PATH} ~ * ? [a] {b,c} ! # % \\n \\ ; & | > < \` ' " é😀`,
    };
    const command = build(input);
    const url = 'https://server.example.com/token?x=%27$(touch%20x)%27';
    expect(argumentsSeenByCurl(command)).toEqual(expectedArguments(input, url));
    expect(existsSync(marker)).toBe(false);
  });

  it('quotes arbitrary values so the shell gives them back byte for byte', () => {
    const value = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() !== '' && !s.includes('\0'));
    fc.assert(
      fc.property(value, value, value, value, (code, redirectUri, clientId, codeVerifier) => {
        const input = { ...BASE, code, redirectUri, clientId, codeVerifier };
        expect(argumentsSeenByCurl(build(input))).toEqual(expectedArguments(input));
      }),
      { numRuns: 60 },
    );
  });

  it('adds --globoff when the URL holds brackets or braces', () => {
    const command = build({ tokenEndpoint: 'http://[::1]:8080/token?q={a}' });
    expect(command.startsWith("curl --globoff -X POST 'http://[::1]:8080/token?q={a}' \\\n")).toBe(
      true,
    );
    expect(argumentsSeenByCurl(command).slice(0, 4)).toEqual([
      '--globoff',
      '-X',
      'POST',
      'http://[::1]:8080/token?q={a}',
    ]);
  });

  it.each([
    ['', 'missing-endpoint', 'Enter the token endpoint URL.', undefined],
    [
      'token',
      'invalid-endpoint',
      'The token endpoint is not an absolute URL; write it in full, starting with https://.',
      undefined,
    ],
    [
      'javascript:alert(1)',
      'endpoint-not-http',
      'The token endpoint starts with "javascript:", not https:// or http://; write it in full, starting with https://.',
      undefined,
    ],
    [
      'https://server.example.com/token#x',
      'endpoint-has-fragment',
      'The token endpoint has a fragment ("#…") at position 33; RFC 6749 §3.2 does not allow one.',
      32,
    ],
  ])('rejects the endpoint %j as %s', (tokenEndpoint, code, message, at) => {
    expect(buildTokenRequestCurl({ ...BASE, tokenEndpoint })).toEqual({
      ok: false,
      error: at === undefined ? { code, message } : { code, message, at },
    });
  });

  it('rejects a NUL, which no shell argument can carry', () => {
    expect(buildTokenRequestCurl({ ...BASE, clientId: 'ab\0c' })).toEqual({
      ok: false,
      error: {
        code: 'nul-character',
        message:
          'The client_id holds a NUL character (U+0000) at position 3, which no shell command can pass on.',
        at: 2,
      },
    });
  });
});

describe('quoteShellWord', () => {
  it.each([
    ['', "''"],
    ['plain', "'plain'"],
    ["it's", "'it'\\''s'"],
    ["''", "''\\'''\\'''"],
    ['$(id) `id` $HOME', "'$(id) `id` $HOME'"],
    ['a\nb', "'a\nb'"],
  ])('quotes %j as %s', (word, quoted) => {
    expect(quoteShellWord(word)).toBe(quoted);
  });

  it('round-trips through the shell', () => {
    const words = ['', "'", "\\'", '"', '\n', ' ', '$(echo x)', '`echo x`', '${x:-y}', '*', '-n'];
    const output = execFileSync(
      '/bin/sh',
      ['-c', `printf '%s\\0' ${words.map(quoteShellWord).join(' ')}`],
      { encoding: 'utf8' },
    );
    expect(output.slice(0, -1).split('\0')).toEqual(words);
  });
});
