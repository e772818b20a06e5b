// Tests for the authorization request URL: encoding round trips, parameter precedence, warnings, errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildAuthorizationUrl,
  isLoopbackHost,
  type AuthorizationUrlInput,
} from './authorization-url.ts';

// RFC 7636 Appendix B challenge; RFC 6749 §4.1.1 example client and state.
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const BASE: AuthorizationUrlInput = {
  authorizationEndpoint: 'https://server.example.com/authorize',
  clientId: 's6BhdRkqt3',
  redirectUri: 'https://client.example.com/cb',
  scope: 'openid profile',
  state: 'xyz',
  codeChallenge: CHALLENGE,
  method: 'S256',
};
const BUILDER_NAMES = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'nonce',
];

function build(overrides: Partial<AuthorizationUrlInput> = {}) {
  const result = buildAuthorizationUrl({ ...BASE, ...overrides });
  if (!result.ok)
    throw new Error(`expected a URL, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function entries(url: string): [string, string][] {
  return [...new URL(url).searchParams];
}

describe('buildAuthorizationUrl: the URL', () => {
  it('writes the RFC 6749 §4.1.1 request with the RFC 7636 §4.3 parameters, form-encoded', () => {
    expect(build()).toEqual({
      url:
        'https://server.example.com/authorize?response_type=code&client_id=s6BhdRkqt3' +
        '&redirect_uri=https%3A%2F%2Fclient.example.com%2Fcb&scope=openid+profile&state=xyz' +
        '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256',
      warnings: [],
    });
  });

  it('adds the nonce when one is given, and leaves blank optional fields out', () => {
    expect(entries(build({ nonce: 'n-0S6_WzA2Mj', redirectUri: '', scope: '  ' }).url)).toEqual([
      ['response_type', 'code'],
      ['client_id', 's6BhdRkqt3'],
      ['state', 'xyz'],
      ['code_challenge', CHALLENGE],
      ['code_challenge_method', 'S256'],
      ['nonce', 'n-0S6_WzA2Mj'],
    ]);
    expect(new URL(build({ nonce: '' }).url).searchParams.has('nonce')).toBe(false);
  });

  it("keeps the endpoint's own query parameters, first and in order", () => {
    const { url, warnings } = build({
      authorizationEndpoint:
        'https://tenant.b2clogin.example/tenant.onmicrosoft.example/oauth2/v2.0/authorize?p=B2C_1_signin&ui_locales=fr',
    });
    expect(url).toMatch(
      /^https:\/\/tenant\.b2clogin\.example\/tenant\.onmicrosoft\.example\/oauth2\/v2\.0\/authorize\?p=B2C_1_signin&ui_locales=fr&response_type=code&/,
    );
    expect(warnings).toEqual([]);
  });

  it("re-serializes the endpoint's query in form encoding without changing what it means", () => {
    const { url } = build({ authorizationEndpoint: 'https://as.example/a?flag&x=a%20b' });
    expect(url.startsWith('https://as.example/a?flag=&x=a+b&response_type=code&')).toBe(true);
    expect(entries(url).slice(0, 2)).toEqual([
      ['flag', ''],
      ['x', 'a b'],
    ]);
  });

  it('ignores whitespace around the endpoint', () => {
    expect(build({ authorizationEndpoint: '  https://as.example/authorize\n' }).url).toMatch(
      /^https:\/\/as\.example\/authorize\?response_type=code&/,
    );
  });

  it.each([
    ['&', 'a&b'],
    ['=', 'a=b=c'],
    ['#', 'a#b'],
    ['+', 'a+b'],
    ['space', 'openid profile email'],
    ['percent', '100%20off'],
    ['question mark and slash', '?x=/y'],
    ['unicode', 'café 日本 😀'],
    ['quotes', `"it's"`],
  ])('round-trips %s through new URL(url).searchParams', (_label, value) => {
    const url = build({
      clientId: value,
      redirectUri: `https://client.example.com/cb?v=${value}`,
      scope: value,
      state: value,
      nonce: value,
      extraParameters: `login_hint=${value}`,
    }).url;
    const params = new URL(url).searchParams;
    expect(params.get('client_id')).toBe(value);
    expect(params.get('redirect_uri')).toBe(`https://client.example.com/cb?v=${value}`);
    expect(params.get('scope')).toBe(value);
    expect(params.get('state')).toBe(value);
    expect(params.get('nonce')).toBe(value);
    expect(params.get('login_hint')).toBe(value);
    expect(new URL(url).hash).toBe('');
  });

  it('encodes a space as "+" (application/x-www-form-urlencoded, RFC 6749 Appendix B)', () => {
    expect(build({ scope: 'a b' }).url).toContain('&scope=a+b&');
  });

  it('round-trips arbitrary field values', () => {
    const value = fc.string({ unit: 'binary', minLength: 1 }).filter((s) => s.trim() !== '');
    const extraValue = fc.string({ unit: 'binary' }).filter((s) => !/[\r\n]/.test(s));
    fc.assert(
      fc.property(value, value, value, value, extraValue, (clientId, scope, state, nonce, hint) => {
        const result = buildAuthorizationUrl({
          ...BASE,
          clientId,
          scope,
          state,
          nonce,
          extraParameters: `login_hint=${hint}`,
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const params = new URL(result.value.url).searchParams;
        expect(params.get('client_id')).toBe(clientId);
        expect(params.get('scope')).toBe(scope);
        expect(params.get('state')).toBe(state);
        expect(params.get('nonce')).toBe(nonce);
        expect(params.get('login_hint')).toBe(hint);
      }),
    );
  });

  it('never writes a parameter twice, and the builder always wins', () => {
    const name = fc.constantFrom(...BUILDER_NAMES, 'prompt', 'login_hint', 'p');
    const value = fc.constantFrom('1', '2', 'a b', '');
    const pairs = fc.array(fc.tuple(name, value), { maxLength: 6 });
    fc.assert(
      fc.property(pairs, pairs, (queryPairs, extraPairs) => {
        const query = new URLSearchParams(queryPairs).toString();
        const result = buildAuthorizationUrl({
          ...BASE,
          nonce: 'n',
          authorizationEndpoint: `https://as.example/authorize${query === '' ? '' : `?${query}`}`,
          extraParameters: extraPairs.map(([n, v]) => `${n}=${v}`).join('\n'),
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const names = entries(result.value.url).map(([n]) => n);
        expect(new Set(names).size).toBe(names.length);
        const params = new URL(result.value.url).searchParams;
        expect(params.get('state')).toBe('xyz');
        expect(params.get('scope')).toBe('openid profile');
        expect(params.get('nonce')).toBe('n');
        expect(params.get('response_type')).toBe('code');
        // An extra parameter beats the endpoint's; the last line beats earlier ones.
        const lastExtra = extraPairs.filter(([n]) => n === 'prompt').at(-1);
        const lastQuery = queryPairs.filter(([n]) => n === 'prompt').at(-1);
        expect(params.get('prompt')).toBe(lastExtra?.[1] ?? lastQuery?.[1] ?? null);
      }),
    );
  });
});

describe('buildAuthorizationUrl: extra parameters', () => {
  it('takes one name=value per line, skips blank lines, keeps values literally', () => {
    const { url, warnings } = build({
      extraParameters: '\nprompt=login\r\n\n  max_age = 0\nempty=\nclaims={"a":1}\n   \n',
    });
    expect(entries(url).slice(-4)).toEqual([
      ['prompt', 'login'],
      ['max_age', ' 0'],
      ['empty', ''],
      ['claims', '{"a":1}'],
    ]);
    expect(warnings).toEqual([
      'The value of extra parameter "max_age" (line 4) starts or ends with whitespace, which is sent as part of it.',
    ]);
  });

  it('does not decode %-escapes, and says so', () => {
    const { url, warnings } = build({ extraParameters: 'login_hint=a%40b.example' });
    expect(new URL(url).searchParams.get('login_hint')).toBe('a%40b.example');
    expect(url).toContain('login_hint=a%2540b.example');
    expect(warnings).toEqual([
      'Extra parameter "login_hint" (line 1) contains a %-escape; values are taken literally and encoded once more, so "%20" is sent as "%2520". Type the character itself.',
    ]);
  });

  it('lets the builder win over an extra parameter of the same name, with a warning', () => {
    const { url, warnings } = build({ extraParameters: 'state=attacker\nprompt=none' });
    expect(new URL(url).searchParams.getAll('state')).toEqual(['xyz']);
    expect(warnings).toEqual([
      'Extra parameter "state" (line 1) is ignored: the builder sets state itself.',
    ]);
  });

  it('uses the last of repeated extra lines, with a warning', () => {
    const { url, warnings } = build({ extraParameters: 'prompt=login\nx=1\nprompt=none' });
    expect(new URL(url).searchParams.getAll('prompt')).toEqual(['none']);
    expect(warnings).toEqual(['Extra parameter "prompt" is set on lines 1 and 3; line 3 is used.']);
  });

  it('merges repeated lines with the same value quietly', () => {
    const { url, warnings } = build({ extraParameters: 'prompt=login\nprompt=login' });
    expect(new URL(url).searchParams.getAll('prompt')).toEqual(['login']);
    expect(warnings).toEqual([]);
  });

  it('uses an extra parameter for a name the builder leaves out', () => {
    const { url, warnings } = build({ scope: '', extraParameters: 'scope=openid' });
    expect(new URL(url).searchParams.getAll('scope')).toEqual(['openid']);
    expect(warnings).toEqual([]);
  });

  it.each([
    [
      'prompt=login\n\nmax_age',
      'Extra parameter line 3 has no "=": write one name=value per line.',
      14,
    ],
    ['  oops', 'Extra parameter line 1 has no "=": write one name=value per line.', 2],
    [
      'a=1\r\n =value',
      'Extra parameter line 2 has no name before "=": write one name=value per line.',
      6,
    ],
  ])('rejects %j', (extraParameters, message, at) => {
    expect(buildAuthorizationUrl({ ...BASE, extraParameters })).toEqual({
      ok: false,
      error: { code: 'invalid-extra-parameter', message, at },
    });
  });
});

describe("buildAuthorizationUrl: the endpoint's query", () => {
  it('is replaced where the builder sets the same name, with a warning', () => {
    const { url, warnings } = build({
      authorizationEndpoint: 'https://as.example/authorize?client_id=other&response_type=token',
    });
    const params = new URL(url).searchParams;
    expect(params.getAll('client_id')).toEqual(['s6BhdRkqt3']);
    expect(params.getAll('response_type')).toEqual(['code']);
    expect(warnings).toEqual([
      `The endpoint's query already has "client_id"; the builder's value replaces it.`,
      `The endpoint's query already has "response_type"; the builder's value replaces it.`,
    ]);
  });

  it('is replaced quietly where the value is the same', () => {
    const { url, warnings } = build({
      authorizationEndpoint: 'https://as.example/authorize?response_type=code',
    });
    expect(new URL(url).searchParams.getAll('response_type')).toEqual(['code']);
    expect(warnings).toEqual([]);
  });

  it('is replaced by an extra parameter of the same name, with a warning', () => {
    const { url, warnings } = build({
      authorizationEndpoint: 'https://as.example/authorize?prompt=login',
      extraParameters: '\nprompt=consent',
    });
    expect(new URL(url).searchParams.getAll('prompt')).toEqual(['consent']);
    expect(warnings).toEqual([
      `The endpoint's query already has "prompt"; extra parameter line 2 replaces it.`,
    ]);
  });

  it('keeps the last of a repeated name, with a warning', () => {
    const { url, warnings } = build({ authorizationEndpoint: 'https://as.example/a?p=1&p=2' });
    expect(new URL(url).searchParams.getAll('p')).toEqual(['2']);
    expect(warnings).toEqual([
      `The endpoint's query has "p" more than once; its last value is used.`,
    ]);
  });

  it('supplies a client ID the field leaves out, without the missing-client-ID warning', () => {
    const { url, warnings } = build({
      clientId: '',
      authorizationEndpoint: 'https://as.example/a?client_id=from-endpoint',
    });
    expect(new URL(url).searchParams.getAll('client_id')).toEqual(['from-endpoint']);
    expect(warnings).toEqual([]);
  });
});

describe('buildAuthorizationUrl: warnings', () => {
  const HTTP_ENDPOINT =
    'The authorization endpoint uses http://: RFC 6749 §3.1 requires TLS, so use https:// (plain http is only reasonable for localhost, 127.0.0.1 or [::1]).';
  const HTTP_REDIRECT =
    'The redirect URI uses http:// off this machine: the code would travel unencrypted (RFC 6749 §3.1.2.1). Use https://, or http only for a loopback address (RFC 8252 §7.3).';

  it('warns about an http endpoint off this machine', () => {
    expect(build({ authorizationEndpoint: 'http://as.example/authorize' }).warnings).toEqual([
      HTTP_ENDPOINT,
    ]);
  });

  it.each([
    'http://localhost:8080/authorize',
    'http://127.0.0.1/authorize',
    'http://[::1]:9000/authorize',
    'http://auth.localhost/authorize',
  ])('does not warn about http on %s', (authorizationEndpoint) => {
    expect(build({ authorizationEndpoint }).warnings).toEqual([]);
  });

  it('warns about plain', () => {
    expect(build({ method: 'plain', codeChallenge: 'a'.repeat(43) })).toEqual({
      url: expect.stringContaining('&code_challenge_method=plain') as unknown,
      warnings: [
        'The method is plain: the challenge is the verifier itself, so whoever sees this URL can redeem the code. RFC 7636 §4.2 says a client that can use S256 MUST, and RFC 9700 §2.1.1 recommends S256 only.',
      ],
    });
  });

  it('warns about an http redirect URI off this machine', () => {
    expect(build({ redirectUri: 'http://client.example.com/cb' }).warnings).toEqual([
      HTTP_REDIRECT,
    ]);
    expect(build({ redirectUri: 'http://127.0.0.1:49152/cb' }).warnings).toEqual([]);
    expect(build({ redirectUri: 'http://[::1]/cb' }).warnings).toEqual([]);
    expect(build({ redirectUri: 'com.example.app:/oauth2redirect' }).warnings).toEqual([]);
  });

  it('warns about a redirect URI that is relative or has a fragment', () => {
    expect(build({ redirectUri: '/cb' }).warnings).toEqual([
      'The redirect URI is not an absolute URL, which RFC 6749 §3.1.2 requires.',
    ]);
    expect(build({ redirectUri: 'https://client.example.com/cb#x' }).warnings).toEqual([
      'The redirect URI has a fragment, which RFC 6749 §3.1.2 does not allow.',
    ]);
  });

  it('warns about a missing client ID and leaves client_id out', () => {
    const { url, warnings } = build({ clientId: ' ' });
    expect(new URL(url).searchParams.has('client_id')).toBe(false);
    expect(warnings).toEqual(['There is no client ID: RFC 6749 §4.1.1 requires client_id.']);
  });

  it('warns about a missing state and leaves state out', () => {
    const { url, warnings } = build({ state: '' });
    expect(new URL(url).searchParams.has('state')).toBe(false);
    expect(warnings).toEqual([
      'There is no state, so it is left out: the callback cannot be tied to this request (RFC 6749 §10.12). Generate one.',
    ]);
  });

  it('collects every warning that applies', () => {
    expect(
      build({
        authorizationEndpoint: 'http://as.example/authorize',
        redirectUri: 'http://client.example.com/cb',
        clientId: '',
        method: 'plain',
      }).warnings,
    ).toHaveLength(4);
  });
});

describe('buildAuthorizationUrl: errors', () => {
  it.each([
    ['', 'missing-endpoint', 'Enter the authorization endpoint URL.', undefined],
    [' \n', 'missing-endpoint', 'Enter the authorization endpoint URL.', undefined],
    [
      '/authorize',
      'invalid-endpoint',
      'The authorization endpoint is not an absolute URL; write it in full, starting with https://.',
      undefined,
    ],
    [
      'server.example.com/authorize',
      'invalid-endpoint',
      'The authorization endpoint is not an absolute URL; write it in full, starting with https://.',
      undefined,
    ],
    [
      'ftp://server.example.com/authorize',
      'endpoint-not-http',
      'The authorization endpoint starts with "ftp:", not https:// or http://; write it in full, starting with https://.',
      undefined,
    ],
    [
      'localhost:8080/authorize',
      'endpoint-not-http',
      'The authorization endpoint starts with "localhost:", not https:// or http://; write it in full, starting with https://.',
      undefined,
    ],
    [
      'https://server.example.com/authorize#top',
      'endpoint-has-fragment',
      'The authorization endpoint has a fragment ("#…") at position 37; RFC 6749 §3.1 does not allow one.',
      36,
    ],
    [
      ' https://server.example.com/authorize#',
      'endpoint-has-fragment',
      'The authorization endpoint has a fragment ("#…") at position 38; RFC 6749 §3.1 does not allow one.',
      37,
    ],
  ])('rejects the endpoint %j as %s', (authorizationEndpoint, code, message, at) => {
    expect(buildAuthorizationUrl({ ...BASE, authorizationEndpoint })).toEqual({
      ok: false,
      error: at === undefined ? { code, message } : { code, message, at },
    });
  });

  it('rejects a missing code challenge', () => {
    expect(buildAuthorizationUrl({ ...BASE, codeChallenge: '' })).toEqual({
      ok: false,
      error: {
        code: 'missing-code-challenge',
        message: 'There is no code challenge: enter or generate a valid code verifier first.',
      },
    });
  });

  it('never throws on arbitrary input', () => {
    const text = fc.string({ unit: 'binary', maxLength: 60 });
    const prefix = fc.constantFrom('https://a.example/', 'http://', '');
    fc.assert(
      fc.property(
        prefix,
        text,
        text,
        text,
        text,
        (start, endpoint, extra, redirectUri, challenge) => {
          const result = buildAuthorizationUrl({
            ...BASE,
            authorizationEndpoint: start + endpoint,
            extraParameters: extra,
            redirectUri,
            codeChallenge: challenge,
          });
          if (result.ok) expect(() => new URL(result.value.url)).not.toThrow();
          else expect(result.error.message.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['app.localhost', true],
    ['127.0.0.1', true],
    ['127.10.20.30', true],
    ['[::1]', true],
    ['localhost.example.com', false],
    ['127.0.0.1.example.com', false],
    ['128.0.0.1', false],
    ['[::2]', false],
    ['example.com', false],
  ])('%s → %s', (hostname, expected) => {
    expect(isLoopbackHost(hostname)).toBe(expected);
  });
});
