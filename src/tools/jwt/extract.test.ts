import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractToken } from './extract.ts';

// RFC 7519 §3.1.
const TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.' +
  'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.' +
  'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
// RFC 7515 A.5: an unsecured JWS ends with a dot.
const UNSECURED =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

const CASES: readonly (readonly [string, string, string, readonly string[]])[] = [
  ['a bare token', TOKEN, TOKEN, []],
  ['surrounding whitespace, not reported', `  \n${TOKEN}\t\n`, TOKEN, []],
  [
    'an Authorization header',
    `Authorization: Bearer ${TOKEN}`,
    TOKEN,
    ['the “Authorization: Bearer ” prefix'],
  ],
  [
    'a lowercase header',
    `authorization: bearer ${TOKEN}\r\n`,
    TOKEN,
    ['the “Authorization: bearer ” prefix'],
  ],
  ['a Bearer prefix', `Bearer ${TOKEN}`, TOKEN, ['the “Bearer ” prefix']],
  ['a lowercase bearer prefix', `bearer   ${TOKEN}`, TOKEN, ['the “bearer ” prefix']],
  [
    'a curl line',
    `curl -s -H 'Authorization: Bearer ${TOKEN}' https://api.example.com/v1/me`,
    TOKEN,
    ['the curl command around the “Authorization: Bearer ” header'],
  ],
  [
    'a curl line with double quotes and --header',
    `curl --header "Authorization: Bearer ${TOKEN}" -X POST https://api.example.com`,
    TOKEN,
    ['the curl command around the “Authorization: Bearer ” header'],
  ],
  [
    'a request dump',
    `GET /me HTTP/1.1\nHost: api.example.com\nAuthorization: Bearer ${TOKEN}\nAccept: */*`,
    TOKEN,
    ['the text around the “Authorization: Bearer ” header'],
  ],
  [
    'a token response',
    `{"access_token": "${TOKEN}", "token_type": "Bearer", "expires_in": 3600}`,
    TOKEN,
    ['the JSON around the “access_token” member'],
  ],
  [
    'a JSON member of another name',
    `{\n  "credential": "${TOKEN}"\n}`,
    TOKEN,
    ['the JSON around the “credential” member'],
  ],
  ['double quotes', `"${TOKEN}"`, TOKEN, ['surrounding quotes']],
  ['single quotes', `'${TOKEN}'`, TOKEN, ['surrounding quotes']],
  ['backticks', `\`${TOKEN}\``, TOKEN, ['surrounding quotes']],
  ['typographic quotes', `“${TOKEN}”`, TOKEN, ['surrounding quotes']],
  ['a quoted token with a comma', `"${TOKEN}",`, TOKEN, ['the trailing “,”', 'surrounding quotes']],
  [
    'an id_token fragment',
    `https://app.example.com/callback#id_token=${TOKEN}&state=af0ifjsldkj`,
    TOKEN,
    ['the URL around the id_token fragment parameter'],
  ],
  [
    'an access_token fragment',
    `https://app.example.com/cb#state=xyz&access_token=${TOKEN}&token_type=Bearer`,
    TOKEN,
    ['the URL around the access_token fragment parameter'],
  ],
  [
    'an access_token query parameter',
    `https://api.example.com/v1/me?access_token=${TOKEN}`,
    TOKEN,
    ['the URL around the access_token query parameter'],
  ],
  [
    'a token query parameter after another',
    `https://x.example/?a=1&token=${TOKEN}`,
    TOKEN,
    ['the URL around the token query parameter'],
  ],
  [
    'a percent-encoded value',
    `https://x.example/cb#id_token=${TOKEN.replace(/\./g, '%2E')}`,
    TOKEN,
    ['the URL around the id_token fragment parameter', 'the percent-encoding of the value'],
  ],
  ['a parameter alone', `id_token=${TOKEN}`, TOKEN, ['the “id_token=” parameter name']],
  [
    'a form body',
    `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${TOKEN}`,
    TOKEN,
    ['the form parameters around the assertion parameter'],
  ],
  [
    'a percent-encoded token',
    TOKEN.replace(/\./g, '%2e'),
    TOKEN,
    ['the percent-encoding of the token'],
  ],
  [
    'a token wrapped at a fixed width',
    TOKEN.match(/.{1,64}/g)!.join('\n'),
    TOKEN,
    ['line breaks inside the token'],
  ],
  [
    'a token wrapped and indented',
    TOKEN.match(/.{1,50}/g)!.join('\r\n    '),
    TOKEN,
    ['line breaks and spaces inside the token'],
  ],
  [
    'a token broken at its dots',
    TOKEN.split('.').join('.\n'),
    TOKEN,
    ['line breaks inside the token'],
  ],
  [
    'a token in a sentence',
    `Here is my token: ${TOKEN}. It expires soon.`,
    TOKEN,
    ['the text around the token'],
  ],
  [
    'an unsecured token in a sentence',
    `token ${UNSECURED} (alg none)`,
    UNSECURED,
    ['the text around the token'],
  ],
  [
    'a cookie',
    `Cookie: theme=dark; session=${TOKEN}; lang=en`,
    TOKEN,
    ['the text around the token'],
  ],
  [
    'layers: quotes around a header',
    `"Authorization: Bearer ${TOKEN}"`,
    TOKEN,
    ['surrounding quotes', 'the “Authorization: Bearer ” prefix'],
  ],
];

describe('extractToken', () => {
  it.each(CASES)('finds the token in %s', (_name, text, token, stripped) => {
    expect(extractToken(text)).toEqual({ token, stripped });
  });

  it('returns null for empty and blank input', () => {
    expect(extractToken('')).toBeNull();
    expect(extractToken(' \r\n\t ')).toBeNull();
  });

  it('does not take an authorization code for a token', () => {
    const url = 'https://app.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz';
    expect(extractToken(url)).toEqual({ token: url, stripped: [] });
  });

  it('leaves text with nothing token-like as it is, trimmed, for the decoder to explain', () => {
    expect(extractToken('  hello world \n')).toEqual({ token: 'hello world', stripped: [] });
    expect(extractToken('not.a.jwt')).toEqual({ token: 'not.a.jwt', stripped: [] });
  });

  it('does not hide bad characters inside a token', () => {
    const broken = `${TOKEN.slice(0, 30)}!${TOKEN.slice(31)}`;
    expect(extractToken(broken)).toEqual({ token: broken, stripped: [] });
    const standard = TOKEN.replace('-', '+').replace('_', '/');
    expect(extractToken(`Bearer ${standard}`)).toEqual({
      token: standard,
      stripped: ['the “Bearer ” prefix'],
    });
    const padded = `${TOKEN}==`;
    expect(extractToken(padded)).toEqual({ token: padded, stripped: [] });
  });

  it('keeps a JWE whole', () => {
    const jwe = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..NjY2NjY2NjY2NjY2.Y2lwaGVy.dGFn';
    expect(extractToken(`Bearer ${jwe}`)).toEqual({
      token: jwe,
      stripped: ['the “Bearer ” prefix'],
    });
  });

  it('never throws, and returns null only for blank text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (text) => {
        const result = extractToken(text);
        expect(result === null).toBe(text.trim() === '');
        if (result !== null) {
          expect(result.token).not.toBe('');
          expect(result.token).toBe(result.token.trim());
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a token wrapped in any of the supported ways', () => {
    const wrappers = [
      (t: string) => `Authorization: Bearer ${t}`,
      (t: string) => `"${t}"`,
      (t: string) => `{"id_token":"${t}"}`,
      (t: string) => `https://x.example/cb#id_token=${encodeURIComponent(t)}&state=1`,
      (t: string) => `curl -H 'Authorization: Bearer ${t}' https://x.example`,
    ];
    const part = fc.string({
      unit: fc.constantFrom(
        ...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(part, part, part, fc.constantFrom(...wrappers), (a, b, c, wrap) => {
        const token = `eyJ${a}.${b}.${c}`;
        expect(extractToken(wrap(token))?.token).toBe(token);
      }),
    );
  });

  it('extracts from 1 MiB of text quickly', () => {
    const big = `Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.${'A'.repeat(1_048_576)}.c2ln\n`;
    const start = performance.now();
    const result = extractToken(big);
    expect(performance.now() - start).toBeLessThan(100);
    expect(result?.token.length).toBe(big.trim().length - 'Authorization: Bearer '.length);
  });
});
