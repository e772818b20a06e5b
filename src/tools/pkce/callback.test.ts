// Tests for reading authorization responses: input shapes, state and issuer checks, repeats, errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCallback } from './callback.ts';

// RFC 6749 §4.1.2 and §4.1.2.1 examples (the Location header values).
const RFC_SUCCESS = 'https://client.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz';
const RFC_ERROR = 'https://client.example.com/cb?error=access_denied&state=xyz';

describe('parseCallback: input shapes', () => {
  it('reads the RFC 6749 §4.1.2 success response', () => {
    expect(parseCallback(RFC_SUCCESS)).toEqual({
      ok: true,
      value: {
        code: 'SplxlOBeZQQYbYS6WxSbIA',
        state: 'xyz',
        responseMode: 'query',
        otherParameters: [],
        warnings: [],
      },
    });
  });

  it('reads the RFC 6749 §4.1.2.1 error response, with description and URI', () => {
    expect(
      parseCallback(
        `${RFC_ERROR}&error_description=The+user+said+no&error_uri=https%3A%2F%2Fas.example%2Ferr`,
      ),
    ).toEqual({
      ok: true,
      value: {
        state: 'xyz',
        error: 'access_denied',
        errorDescription: 'The user said no',
        errorUri: 'https://as.example/err',
        responseMode: 'query',
        otherParameters: [],
        warnings: [],
      },
    });
  });

  it.each([
    ['a query starting with "?"', '?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'query'],
    ['bare parameters', 'code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'query'],
    ['a fragment starting with "#"', '#code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'fragment'],
    [
      'a response_mode=fragment URL',
      'https://client.example.com/cb#code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
      'fragment',
    ],
    ['a path', '/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz', 'query'],
    [
      'a private-use scheme (RFC 8252 §7.1)',
      'com.example.app:/oauth2redirect?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz',
      'query',
    ],
    [
      'a loopback URL with a port',
      'http://127.0.0.1:49152/cb?state=xyz&code=SplxlOBeZQQYbYS6WxSbIA',
      'query',
    ],
    ['surrounding whitespace', `\n  ${RFC_SUCCESS} \t\n`, 'query'],
  ])('reads %s', (_label, text, responseMode) => {
    expect(parseCallback(text)).toEqual({
      ok: true,
      value: {
        code: 'SplxlOBeZQQYbYS6WxSbIA',
        state: 'xyz',
        responseMode,
        otherParameters: [],
        warnings: [],
      },
    });
  });

  it('form-decodes values: %-escapes, "+" as a space, UTF-8', () => {
    const result = parseCallback('?code=a%2Bb%2F%3D&state=caf%C3%A9+%F0%9F%98%80&x=%26%3D%23');
    expect(result).toMatchObject({
      ok: true,
      value: { code: 'a+b/=', state: 'café 😀', otherParameters: [['x', '&=#']] },
    });
  });

  it('keeps a bad %-escape as typed', () => {
    expect(parseCallback('code=100%&state=%zz')).toMatchObject({
      ok: true,
      value: { code: '100%', state: '%zz' },
    });
  });

  it('keeps a "?" inside a bare value and a "=" inside any value', () => {
    expect(parseCallback('state=a?b=c&code=x')).toMatchObject({
      ok: true,
      value: { state: 'a?b=c', code: 'x' },
    });
  });

  it('lists other parameters in order, repeats included, and reads iss', () => {
    expect(
      parseCallback(
        'https://app.example/cb?session_state=s1&code=c&foo=1&iss=https%3A%2F%2Fas.example&foo=2&state=xyz',
      ),
    ).toEqual({
      ok: true,
      value: {
        code: 'c',
        state: 'xyz',
        iss: 'https://as.example',
        responseMode: 'query',
        otherParameters: [
          ['session_state', 's1'],
          ['foo', '1'],
          ['foo', '2'],
        ],
        warnings: [],
      },
    });
  });

  it('reads the fragment when it holds the code and the query only the redirect URI’s own', () => {
    expect(parseCallback('https://app.example/cb?tenant=t1#code=c&state=xyz')).toEqual({
      ok: true,
      value: {
        code: 'c',
        state: 'xyz',
        responseMode: 'fragment',
        otherParameters: [],
        warnings: [
          'The query also has parameters ("tenant"); the response was read from the fragment, as response_mode=fragment puts it there.',
        ],
      },
    });
  });

  it('reads the query when it holds the code, and says the fragment was ignored', () => {
    expect(parseCallback('https://app.example/cb?code=c&state=xyz#/home?tab=1')).toEqual({
      ok: true,
      value: {
        code: 'c',
        state: 'xyz',
        responseMode: 'query',
        otherParameters: [],
        warnings: [
          'The fragment also has parameters ("/home?tab"); the response was read from the query.',
        ],
      },
    });
  });

  it('prefers the part with the code over the part with only a state', () => {
    expect(parseCallback('https://app.example/cb?state=q#code=c&state=f')).toMatchObject({
      ok: true,
      value: { code: 'c', state: 'f', responseMode: 'fragment' },
    });
  });

  it('accepts a response that has only a state', () => {
    expect(parseCallback('#state=xyz')).toEqual({
      ok: true,
      value: { state: 'xyz', responseMode: 'fragment', otherParameters: [], warnings: [] },
    });
  });

  it('warns about a response with both code and error', () => {
    expect(parseCallback('code=c&error=server_error')).toMatchObject({
      ok: true,
      value: {
        code: 'c',
        error: 'server_error',
        warnings: ['The response has both code and error; a server sends one or the other.'],
      },
    });
  });

  it('warns about an implicit-grant access token', () => {
    expect(parseCallback('#access_token=at&token_type=Bearer&state=xyz')).toMatchObject({
      ok: true,
      value: {
        otherParameters: [
          ['access_token', 'at'],
          ['token_type', 'Bearer'],
        ],
        warnings: [
          'The response carries an access_token: that is the implicit grant, which RFC 9700 §2.1.2 says not to use.',
        ],
      },
    });
  });
});

describe('parseCallback: state', () => {
  it.each([
    ['xyz', true],
    ['XYZ', false],
    ['xyz ', false],
    [' xyz', false],
    ['xy', false],
    ['xyzz', false],
  ])('compares the state exactly with %j', (expected, matches) => {
    expect(parseCallback(RFC_SUCCESS, expected)).toMatchObject({
      ok: true,
      value: { state: 'xyz', stateMatches: matches, warnings: [] },
    });
  });

  it('compares the decoded state', () => {
    expect(parseCallback('?code=c&state=a%2Bb%20c', 'a+b c')).toMatchObject({
      ok: true,
      value: { stateMatches: true },
    });
  });

  it('leaves stateMatches out when no state is expected', () => {
    for (const expected of [undefined, '']) {
      const result = parseCallback(RFC_SUCCESS, expected);
      expect(result.ok && 'stateMatches' in result.value).toBe(false);
    }
  });

  it('fails the match, with a warning, when the response lacks a state', () => {
    expect(parseCallback('?code=c', 'xyz')).toEqual({
      ok: true,
      value: {
        code: 'c',
        stateMatches: false,
        responseMode: 'query',
        otherParameters: [],
        warnings: [
          'The response has no state, but one was sent: RFC 6749 §4.1.2 requires it back, so reject this response.',
        ],
      },
    });
  });

  it('matches exactly the states that are equal, for arbitrary strings', () => {
    const state = fc.string({ unit: 'binary', minLength: 1 });
    fc.assert(
      fc.property(state, state, (sent, expected) => {
        const result = parseCallback(
          `https://app.example/cb?${new URLSearchParams({ code: 'c', state: sent }).toString()}`,
          expected,
        );
        expect(result).toMatchObject({
          ok: true,
          value: { state: sent, stateMatches: sent === expected },
        });
      }),
    );
  });
});

describe('parseCallback: issuer (RFC 9207)', () => {
  const WITH_ISS = `${RFC_SUCCESS}&iss=https%3A%2F%2Fserver.example.com`;

  it('says whether iss is the expected issuer', () => {
    expect(parseCallback(WITH_ISS, 'xyz', 'https://server.example.com')).toMatchObject({
      ok: true,
      value: { iss: 'https://server.example.com', issuerMatches: true, stateMatches: true },
    });
    expect(parseCallback(WITH_ISS, 'xyz', 'https://server.example.com/')).toMatchObject({
      ok: true,
      value: { issuerMatches: false },
    });
    expect(parseCallback(WITH_ISS, undefined, 'https://attacker.example')).toMatchObject({
      ok: true,
      value: { issuerMatches: false },
    });
  });

  it('leaves issuerMatches out without an expected issuer', () => {
    const result = parseCallback(WITH_ISS, 'xyz');
    expect(result).toMatchObject({ ok: true, value: { iss: 'https://server.example.com' } });
    expect(result.ok && 'issuerMatches' in result.value).toBe(false);
  });

  it('warns, and leaves issuerMatches out, when an issuer is expected but iss is absent', () => {
    const result = parseCallback(RFC_SUCCESS, 'xyz', 'https://server.example.com');
    expect(result).toMatchObject({
      ok: true,
      value: {
        warnings: [
          'The response has no iss; if the server advertises authorization_response_iss_parameter_supported, RFC 9207 §2.4 says to reject it.',
        ],
      },
    });
    expect(result.ok && 'issuerMatches' in result.value).toBe(false);
  });
});

describe('parseCallback: errors', () => {
  it.each(['', '   ', '\n\t '])('returns "empty" for blank input %j', (text) => {
    expect(parseCallback(text)).toEqual({
      ok: false,
      error: { code: 'empty', message: 'Paste the redirect URL or its query.' },
    });
  });

  it.each([
    [
      'https://client.example.com/cb',
      'No OAuth parameters found: an authorization response has code, error or state in its query or fragment.',
    ],
    [
      'https://client.example.com/cb?foo=1&bar=2&foo=3',
      'No OAuth parameters found: an authorization response has code, error or state in its query or fragment; this has only "foo", "bar".',
    ],
    [
      'hello world',
      'No OAuth parameters found: an authorization response has code, error or state in its query or fragment; this has only "hello world".',
    ],
    [
      '?iss=https%3A%2F%2Fas.example#x=1',
      'No OAuth parameters found: an authorization response has code, error or state in its query or fragment; this has only "iss", "x".',
    ],
    [
      '?Code=abc&STATE=xyz',
      'No OAuth parameters found: an authorization response has code, error or state in its query or fragment; this has only "Code", "STATE".',
    ],
  ])('returns "no-oauth-parameters" for %j', (text, message) => {
    expect(parseCallback(text)).toEqual({
      ok: false,
      error: { code: 'no-oauth-parameters', message },
    });
  });

  it.each([
    [
      '?code=a&state=xyz&code=b',
      '"code" appears again at position 19; RFC 6749 §3.1 allows each response parameter once, so this response cannot be trusted.',
      18,
    ],
    [
      'https://app.example/cb?state=xyz&code=c&state=evil',
      '"state" appears again at position 41; RFC 6749 §3.1 allows each response parameter once, so this response cannot be trusted.',
      40,
    ],
    [
      '  #code=c&iss=a&iss=a',
      '"iss" appears again at position 17; RFC 6749 §3.1 allows each response parameter once, so this response cannot be trusted.',
      16,
    ],
  ])('returns "repeated-parameter" for %j', (text, message, at) => {
    expect(parseCallback(text)).toEqual({
      ok: false,
      error: { code: 'repeated-parameter', message, at },
    });
    expect(text.slice(at)).toMatch(/^(code|state|iss)=/);
  });

  it('never throws, and its codes and positions are sound, on arbitrary text', () => {
    const piece = fc.constantFrom(
      'code=',
      'state=',
      'error=',
      'iss=',
      '&',
      '?',
      '#',
      '=',
      '%',
      '+',
    );
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 12 })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, fc.option(fc.string()), (input, expected) => {
        const result = parseCallback(input, expected ?? undefined);
        if (result.ok) {
          expect(['query', 'fragment']).toContain(result.value.responseMode);
          return;
        }
        const { code, at } = result.error;
        expect(['empty', 'no-oauth-parameters', 'repeated-parameter']).toContain(code);
        expect(code === 'empty').toBe(input.trim() === '');
        if (at !== undefined) {
          expect(at).toBeGreaterThanOrEqual(0);
          expect(at).toBeLessThan(input.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
