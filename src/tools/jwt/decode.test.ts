import { Buffer } from 'node:buffer';
import { createHmac, createPublicKey, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeToken, findDuplicateMembers } from './decode.ts';
import { extractToken } from './extract.ts';
import type { DecodedJwe, DecodedJws, DecodedToken, TokenProblem } from './types.ts';

const PROBLEM_CODES: readonly TokenProblem['code'][] = [
  'empty',
  'segment-count',
  'invalid-base64url',
  'header-not-json',
  'header-not-object',
  'duplicate-member',
  'payload-not-json',
  'unsupported-format',
];

// RFC 7519 §3.1 and RFC 7515 A.1: header and claims set, with their CRLFs and spaces.
const RFC7519_HEADER = '{"typ":"JWT",\r\n "alg":"HS256"}';
const RFC7519_CLAIMS = '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}';
const RFC7519_CLAIMS_B64 =
  'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const RFC7519_TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.' +
  RFC7519_CLAIMS_B64 +
  '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
// RFC 7515 A.1.1: the HMAC key.
const RFC7515_A1_KEY =
  'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow';
// RFC 7515 A.2: RS256, with the RSA key's modulus from A.2.1.
const RFC7515_A2_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.' +
  RFC7519_CLAIMS_B64 +
  '.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7' +
  'AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4' +
  'BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K' +
  '0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv' +
  'hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrB' +
  'p0igcN_IoypGlUPQGe77Rw';
const RFC7515_A2_N =
  'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs' +
  'D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV' +
  'MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ';
// RFC 7515 A.3: ES256.
const RFC7515_A3_TOKEN =
  'eyJhbGciOiJFUzI1NiJ9.' +
  RFC7519_CLAIMS_B64 +
  '.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q';
// RFC 7515 A.4: ES512 over the payload "Payload", with the P-521 public key of A.4.1.
const RFC7515_A4_TOKEN =
  'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZq' +
  'wqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8Kp' +
  'EHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn';
const RFC7515_A4_JWK = {
  kty: 'EC',
  crv: 'P-521',
  x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
  y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
};
// RFC 7515 A.5: an unsecured JWS, the claims of RFC 7519 §3.1 and an empty signature.
const RFC7515_A5_TOKEN = `eyJhbGciOiJub25lIn0.${RFC7519_CLAIMS_B64}.`;
// RFC 8037 A.4: Ed25519, with the public key of A.2.
const RFC8037_A4_TOKEN =
  'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.' +
  'hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';
const RFC8037_X = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
// RFC 7516 A.1: RSAES-OAEP and AES GCM, plaintext of 63 octets.
const RFC7516_A1_TOKEN =
  'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.' +
  'OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe' +
  'ipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDb' +
  'Sv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaV' +
  'mqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je8' +
  '1860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi' +
  '6UklfCpIMfIjf7iGdXKHzg.' +
  '48V1_ALb6US04U3b.' +
  '5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji' +
  'SdiwkIr3ajwQzaBtQD_A.' +
  'XFBoMYUZodetZdvTiFvSkQ';

/** base64url without padding, by Node: the independent encoder. */
function b64url(text: string | Uint8Array): string {
  return Buffer.from(text).toString('base64url');
}

function build(header: string, payload: string, signature = 'c2ln'): string {
  return `${b64url(header)}.${b64url(payload)}.${signature}`;
}

function jws(token: string): DecodedJws {
  const decoded = decodeToken(token);
  if (decoded.kind !== 'jws') throw new Error(`expected a JWS, got ${decoded.kind}`);
  return decoded;
}

function codes(decoded: DecodedToken): string[] {
  return decoded.problems.map((problem) => problem.code);
}

describe('decodeToken on published vectors', () => {
  it('decodes RFC 7519 §3.1 exactly, CRLFs and spaces included', () => {
    const decoded = jws(RFC7519_TOKEN);
    expect(decoded.problems).toEqual([]);
    expect(decoded.headerText).toBe(RFC7519_HEADER);
    expect(decoded.header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(decoded.payload).toEqual({
      kind: 'json',
      text: RFC7519_CLAIMS,
      value: { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true },
    });
    expect(decoded.signingInput).toBe(RFC7519_TOKEN.slice(0, RFC7519_TOKEN.lastIndexOf('.')));
    expect(decoded.segments).toEqual(RFC7519_TOKEN.split('.'));
  });

  it('gives the RFC 7515 A.1 signature bytes, which the A.1 key verifies', () => {
    const decoded = jws(RFC7519_TOKEN);
    // RFC 7515 A.1.1 lists the signature octets.
    expect(Array.from(decoded.signature ?? [])).toEqual([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77,
      105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    const mac = createHmac('sha256', Buffer.from(RFC7515_A1_KEY, 'base64url'))
      .update(decoded.signingInput)
      .digest();
    expect(Buffer.from(decoded.signature ?? []).equals(mac)).toBe(true);
  });

  it('decodes RFC 7515 A.2 (RS256), and its signature verifies under the A.2 key', () => {
    const decoded = jws(RFC7515_A2_TOKEN);
    expect(decoded.problems).toEqual([]);
    expect(decoded.headerText).toBe('{"alg":"RS256"}');
    expect(decoded.payload?.kind === 'json' && decoded.payload.text).toBe(RFC7519_CLAIMS);
    expect(decoded.signature?.length).toBe(256);
    const key = createPublicKey({ key: { kty: 'RSA', n: RFC7515_A2_N, e: 'AQAB' }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(decoded.signingInput), key, decoded.signature!)).toBe(true);
  });

  it('decodes RFC 7515 A.3 (ES256): a 64-byte R || S signature', () => {
    const decoded = jws(RFC7515_A3_TOKEN);
    expect(decoded.problems).toEqual([]);
    expect(decoded.header).toEqual({ alg: 'ES256' });
    expect(decoded.payload?.kind === 'json' && decoded.payload.value).toEqual({
      iss: 'joe',
      exp: 1300819380,
      'http://example.com/is_root': true,
    });
    expect(decoded.signature?.length).toBe(64);
  });

  it('decodes RFC 7515 A.4 (ES512) as a non-JSON payload, and its signature verifies', () => {
    const decoded = jws(RFC7515_A4_TOKEN);
    expect(decoded.header).toEqual({ alg: 'ES512' });
    expect(decoded.payload).toEqual({ kind: 'text', text: 'Payload' });
    // No typ and no cty: the decoder cannot tell it is not meant as a JWT, and says so.
    expect(codes(decoded)).toEqual(['payload-not-json']);
    expect(decoded.problems[0]).toMatchObject({ segment: 'payload', at: 21 });
    expect(decoded.signature?.length).toBe(132);
    const key = createPublicKey({ key: RFC7515_A4_JWK, format: 'jwk' });
    expect(
      verify(
        'sha512',
        Buffer.from(decoded.signingInput),
        { key, dsaEncoding: 'ieee-p1363' },
        decoded.signature!,
      ),
    ).toBe(true);
  });

  it('decodes RFC 7515 A.5, an unsecured JWS, with an empty signature', () => {
    const decoded = jws(RFC7515_A5_TOKEN);
    expect(decoded.problems).toEqual([]);
    expect(decoded.headerText).toBe('{"alg":"none"}');
    expect(decoded.signature).toEqual(new Uint8Array(0));
    expect(decoded.segments[2]).toBe('');
    expect(decoded.payload?.kind).toBe('json');
  });

  it('decodes RFC 8037 A.4 (Ed25519), and its signature verifies under the A.2 key', () => {
    const decoded = jws(RFC8037_A4_TOKEN);
    expect(decoded.headerText).toBe('{"alg":"EdDSA"}');
    expect(decoded.payload).toEqual({ kind: 'text', text: 'Example of Ed25519 signing' });
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: RFC8037_X },
      format: 'jwk',
    });
    expect(verify(null, Buffer.from(decoded.signingInput), key, decoded.signature!)).toBe(true);
  });

  it('recognises RFC 7516 A.1 as a JWE and decodes only its protected header', () => {
    const decoded = decodeToken(RFC7516_A1_TOKEN);
    expect(decoded.kind).toBe('jwe');
    const jwe = decoded as DecodedJwe;
    expect(jwe.problems).toEqual([]);
    expect(jwe.headerText).toBe('{"alg":"RSA-OAEP","enc":"A256GCM"}');
    expect(jwe.header).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
    // The parts' sizes in RFC 7516 A.1: a 2048-bit key, a 96-bit IV, 63 octets, a 128-bit tag.
    expect(jwe.segments.map((part) => Buffer.from(part, 'base64url').length)).toEqual([
      34, 256, 12, 63, 16,
    ]);
    expect('payload' in jwe).toBe(false);
  });

  it('decodes what extractToken finds in a pasted Authorization header', () => {
    const extracted = extractToken(`Authorization: Bearer ${RFC7519_TOKEN}\n`);
    expect(jws(extracted!.token).headerText).toBe(RFC7519_HEADER);
  });
});

describe('decodeToken on tokens built here', () => {
  it('round-trips non-ASCII and emoji claims exactly', () => {
    const claims =
      '{"name":"Zoë Ångström","city":"東京","mood":"🙂👍🏽","rtl":"שלום","nfd":"e\u0301"}';
    const decoded = jws(build('{"alg":"HS256","typ":"JWT"}', claims));
    expect(decoded.problems).toEqual([]);
    expect(decoded.payload).toEqual({
      kind: 'json',
      text: claims,
      value: JSON.parse(claims) as unknown,
    });
  });

  it('keeps a byte-order mark and other bytes as they are in the text', () => {
    const claims = '\uFEFF{"a":1}';
    const decoded = jws(build('{"alg":"HS256"}', claims));
    // JSON.parse rejects a BOM: the text is shown as decoded, not silently cleaned.
    expect(decoded.payload).toEqual({ kind: 'text', text: claims });
    expect(codes(decoded)).toEqual(['payload-not-json']);
  });

  it('reads a b64:false payload as the payload itself (RFC 7797)', () => {
    const header = b64url('{"alg":"HS256","b64":false,"crit":["b64"]}');
    const plain = jws(`${header}.$02 and more: not base64url!.sig`);
    expect(plain.payload).toEqual({ kind: 'text', text: '$02 and more: not base64url!' });
    expect(plain.problems).toEqual([]);
    const json = jws(`${header}.{"a":1}.sig`);
    expect(json.payload).toEqual({ kind: 'json', value: { a: 1 }, text: '{"a":1}' });
  });

  it('shows a non-UTF-8 payload as bytes', () => {
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x00]);
    const decoded = jws(`${b64url('{"alg":"HS256"}')}.${b64url(bytes)}.sig`);
    expect(decoded.payload).toEqual({ kind: 'bytes', bytes });
    expect(decoded.problems).toHaveLength(1);
    // Byte 1 starts in character floor(4 × 1 / 3) = 1 of the payload part.
    expect(decoded.problems[0]).toMatchObject({
      code: 'payload-not-json',
      segment: 'payload',
      at: decoded.segments[0].length + 1 + 1,
    });
  });

  it('accepts non-JSON text without a problem when cty or typ says it is not a JWT', () => {
    const nested = jws(build('{"alg":"HS256","cty":"JWT"}', 'eyJhbGciOiJub25lIn0.e30.'));
    expect(nested.payload).toEqual({ kind: 'text', text: 'eyJhbGciOiJub25lIn0.e30.' });
    expect(nested.problems).toEqual([]);
    const plain = jws(build('{"alg":"HS256","typ":"JOSE","cty":"text/plain"}', 'hello'));
    expect(plain.problems).toEqual([]);
    const typed = jws(build('{"alg":"HS256","typ":"at+jwt"}', 'hello'));
    expect(codes(typed)).toEqual(['payload-not-json']);
    const jsonCty = jws(build('{"alg":"HS256","cty":"application/json"}', 'hello'));
    expect(codes(jsonCty)).toEqual(['payload-not-json']);
  });

  it('says when a JWT payload is JSON but not an object', () => {
    const decoded = jws(build('{"alg":"HS256","typ":"JWT"}', '[1,2]'));
    expect(decoded.payload).toEqual({ kind: 'json', value: [1, 2], text: '[1,2]' });
    expect(decoded.problems).toEqual([
      expect.objectContaining({ code: 'payload-not-json', segment: 'payload' }),
    ]);
    expect(decoded.problems[0]?.message).toContain('an array');
  });
});

describe('decodeToken problems', () => {
  it('empty', () => {
    const decoded = jws('');
    expect(decoded.problems).toEqual([
      {
        code: 'empty',
        message: 'There is no token: paste a JWS (three dot-separated parts) or a JWE (five).',
      },
    ]);
    expect(decoded.header).toBeNull();
    expect(decoded.payload).toBeNull();
    expect(decoded.signature).toBeNull();
  });

  it('segment-count with too few parts still decodes the header and payload', () => {
    const two = jws(`${b64url('{"alg":"HS256"}')}.${b64url('{"sub":"a"}')}`);
    expect(two.problems).toEqual([
      {
        code: 'segment-count',
        message: 'A JWS has 3 dot-separated parts and a JWE 5; this has 2.',
      },
    ]);
    expect(two.header).toEqual({ alg: 'HS256' });
    expect(two.payload?.kind === 'json' && two.payload.value).toEqual({ sub: 'a' });
    expect(two.signature).toBeNull();
    expect(two.segments[2]).toBe('');

    const one = jws(b64url('{"alg":"HS256"}'));
    expect(codes(one)).toEqual(['segment-count']);
    expect(one.problems[0]?.message).toContain('this has 1.');
    expect(one.header).toEqual({ alg: 'HS256' });
    expect(one.payload).toBeNull();
  });

  it('segment-count with too many parts points at the extra dot', () => {
    const token = `${RFC7519_TOKEN}.extra`;
    const decoded = jws(token);
    expect(decoded.problems).toEqual([
      {
        code: 'segment-count',
        message: `A JWS has 3 dot-separated parts and a JWE 5; this has 4. The part after the dot at position ${RFC7519_TOKEN.length + 1} is one too many for a JWS.`,
        at: RFC7519_TOKEN.length,
      },
    ]);
    expect(decoded.headerText).toBe(RFC7519_HEADER);
    expect(decoded.signature?.length).toBe(32);
  });

  it('invalid-base64url names the part, the character and its place in the whole token', () => {
    const token = RFC7519_TOKEN.slice(0, 60) + '!' + RFC7519_TOKEN.slice(61);
    const decoded = jws(token);
    expect(decoded.problems).toEqual([
      {
        code: 'invalid-base64url',
        message:
          'The payload has the character "!" (U+0021) at position 61, which base64url does not use: only A–Z, a–z, 0–9, "-" and "_" (RFC 7515 §2).',
        segment: 'payload',
        at: 60,
      },
    ]);
    expect(decoded.payload).toBeNull();
    expect(decoded.headerText).toBe(RFC7519_HEADER);
    expect(decoded.signature?.length).toBe(32);
  });

  it('invalid-base64url for a space shows the invisible character by code point', () => {
    const decoded = jws('eyJhbGciOiJIUzI1NiJ9.e30.ab cd');
    expect(decoded.problems[0]).toMatchObject({ segment: 'signature', at: 27 });
    expect(decoded.problems[0]?.message).toContain('U+0020 at position 28');
  });

  it('invalid-base64url for padding and the standard alphabet, decoded anyway', () => {
    const headerText = '{"a":"~~~"}';
    const header = Buffer.from(headerText).toString('base64');
    expect(header).toBe('eyJhIjoifn5+In0='); // "+" and "=" where base64url has neither
    const token = `${header}.e30.sig`;
    const decoded = jws(token);
    expect(decoded.header).toEqual({ a: '~~~' });
    expect(decoded.headerText).toBe(headerText);
    expect(decoded.problems.map((p) => [p.code, p.segment, p.at])).toEqual([
      ['invalid-base64url', 'header', header.indexOf('+')],
      ['invalid-base64url', 'header', header.indexOf('=')],
    ]);
    expect(decoded.problems[0]?.message).toContain('standard Base64 alphabet');
    expect(decoded.problems[0]?.message).toContain('It is decoded anyway.');
    expect(decoded.problems[1]?.message).toBe(
      `The header has "=" padding at position ${header.indexOf('=') + 1}; JWTs use base64url without padding (RFC 7515 §2). It is decoded anyway.`,
    );
  });

  it('invalid-base64url for a length of 4k + 1, which no encoder produces', () => {
    const decoded = jws(`${RFC7519_TOKEN.split('.')[0]!}.e30.abcde`);
    const start = RFC7519_TOKEN.indexOf('.') + 5;
    expect(decoded.problems).toEqual([
      {
        code: 'invalid-base64url',
        message: `The signature has 5 characters, a length base64url never produces (4k + 1): a character is missing or one too many, near position ${start + 5}.`,
        segment: 'signature',
        at: start + 4,
      },
    ]);
    expect(decoded.signature).toBeNull();
  });

  it('invalid-base64url for misplaced "=" does not claim to decode', () => {
    const decoded = jws('eyJhbGciOiJIUzI1NiJ9.e3=0.sig');
    expect(codes(decoded)).toEqual(['invalid-base64url']);
    expect(decoded.problems[0]?.message).toContain('in the wrong place');
    expect(decoded.payload).toBeNull();
  });

  it('header-not-json gives the parser message and where in the decoded header', () => {
    const header = '{"alg","HS256"}';
    const decoded = jws(build(header, '{}'));
    expect(decoded.headerText).toBe(header);
    expect(decoded.header).toBeNull();
    const problem = decoded.problems[0]!;
    expect(problem.code).toBe('header-not-json');
    expect(problem.segment).toBe('header');
    // V8: "Expected ':' after property name in JSON at position 6"; byte 6 starts in character 8.
    expect(problem.message).toMatch(
      /^The header is not JSON at position 7 of the decoded header: /,
    );
    expect(problem.at).toBe(Math.floor((4 * 6) / 3));
  });

  it('header-not-json for a header that is not UTF-8', () => {
    const decoded = jws(`${b64url(new Uint8Array([0x7b, 0x22, 0xc3, 0x28]))}.e30.sig`);
    expect(decoded.headerText).toBeNull();
    // decodeUtf8 blames byte 3, which starts in character floor(4 × 3 / 3) = 4.
    expect(decoded.problems[0]).toMatchObject({
      code: 'header-not-json',
      segment: 'header',
      at: 4,
    });
  });

  it('header-not-object for arrays, strings, numbers and null', () => {
    for (const [header, kind] of [
      ['["HS256"]', 'an array'],
      ['"HS256"', 'a string'],
      ['256', 'a number'],
      ['null', 'null'],
    ] as const) {
      const decoded = jws(build(header, '{}'));
      expect(decoded.header).toBeNull();
      expect(decoded.headerText).toBe(header);
      expect(decoded.problems).toEqual([
        {
          code: 'header-not-object',
          message: `The header is JSON but ${kind}; a JOSE header must be a JSON object (RFC 7515 §4).`,
          segment: 'header',
          at: 0,
        },
      ]);
    }
  });

  it('payload-not-json includes the parser message when the payload looks like JSON', () => {
    const decoded = jws(build('{"alg":"HS256","typ":"JWT"}', '{"sub":"a",}'));
    const start = decoded.segments[0].length + 1;
    expect(decoded.payload).toEqual({ kind: 'text', text: '{"sub":"a",}' });
    expect(decoded.problems[0]).toMatchObject({
      code: 'payload-not-json',
      segment: 'payload',
      at: start + Math.floor((4 * 11) / 3),
    });
    expect(decoded.problems[0]?.message).toContain('Expected double-quoted property name');
  });

  it('unsupported-format for the JSON serializations', () => {
    const decoded = jws('{"payload":"e30","signatures":[]}');
    expect(codes(decoded)).toEqual(['unsupported-format']);
    expect(decoded.problems[0]?.at).toBe(0);
  });

  it('checks a JWE’s encrypted parts for base64url characters', () => {
    const token = RFC7516_A1_TOKEN.replace('48V1_ALb6US04U3b', '48V1/ALb6US04U3b');
    const decoded = decodeToken(token);
    expect(decoded.kind).toBe('jwe');
    expect(decoded.problems).toEqual([
      expect.objectContaining({ code: 'invalid-base64url', segment: 'iv', at: token.indexOf('/') }),
    ]);
    expect(decoded.problems[0]?.message).toContain('standard Base64 alphabet');
  });
});

describe('findDuplicateMembers', () => {
  it('finds repeated names in any object, after unescaping, but not across objects', () => {
    expect(findDuplicateMembers('{"alg":"none","alg":"HS256"}')).toEqual(['alg']);
    expect(findDuplicateMembers('{"alg":"a","\\u0061lg":"b"}')).toEqual(['alg']);
    expect(findDuplicateMembers('{"a":{"b":1,"b":2},"c":[{"d":1},{"d":2}]}')).toEqual(['b']);
    expect(findDuplicateMembers('{"a":"a","b":["a","a"]}')).toEqual([]);
    expect(findDuplicateMembers(RFC7519_HEADER)).toEqual([]);
  });
});

describe('decodeToken properties', () => {
  function checkShape(token: string, decoded: DecodedToken): void {
    expect(decoded.token).toBe(token);
    for (const problem of decoded.problems) {
      expect(PROBLEM_CODES).toContain(problem.code);
      expect(problem.message.length).toBeGreaterThan(0);
      if (problem.at !== undefined) {
        expect(problem.at).toBeGreaterThanOrEqual(0);
        // An empty last part is pointed at by the index just past the end.
        expect(problem.at).toBeLessThanOrEqual(token.length);
      }
    }
  }

  const base64urlText = fc.string({
    unit: fc.constantFrom(
      ...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
    ),
  });
  const junk = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom(...Array.from('AZaz09-_+/= \n.!%{}"\u00e9\u{1F600}')) }),
  );

  it('never throws and reports only known codes, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string()), (text) => {
        checkShape(text, decodeToken(text));
        const extracted = extractToken(text);
        if (extracted !== null) checkShape(extracted.token, decodeToken(extracted.token));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on dot-joined parts of base64url and junk', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(base64urlText, junk), { maxLength: 7 }), (parts) => {
        const token = parts.join('.');
        const decoded = decodeToken(token);
        checkShape(token, decoded);
        expect(decoded.kind).toBe(
          token.split('.').length === 5 && !token.startsWith('{') ? 'jwe' : 'jws',
        );
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on encoded byte soup in each part', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 3, maxLength: 3 }),
        (parts) => {
          const token = parts.map((bytes) => b64url(bytes)).join('.');
          checkShape(token, decodeToken(token));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips any JSON header object and payload encoded by Node', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.jsonValue(),
        fc.uint8Array({ maxLength: 64 }),
        (header, payload, signature) => {
          const headerText = JSON.stringify({ ...header, alg: 'HS256' });
          const payloadText = JSON.stringify(payload);
          const token = `${b64url(headerText)}.${b64url(payloadText)}.${b64url(signature)}`;
          const decoded = jws(token);
          expect(decoded.headerText).toBe(headerText);
          expect(decoded.header).toEqual(JSON.parse(headerText));
          expect(decoded.payload).toEqual({
            kind: 'json',
            text: payloadText,
            value: JSON.parse(payloadText) as unknown,
          });
          expect(decoded.signature).toEqual(new Uint8Array(signature));
          expect(codes(decoded).filter((code) => code !== 'payload-not-json')).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('decodeToken performance', () => {
  it('decodes a 1 MiB token in well under the time of a frame', () => {
    const claims = JSON.stringify({ sub: 'a', data: 'x'.repeat(768 * 1024) });
    const token = build('{"alg":"HS256","typ":"JWT"}', claims, b64url('s'.repeat(32)));
    expect(token.length).toBeGreaterThan(1_048_576);
    decodeToken(token); // warm up
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const decoded = jws(token);
      times.push(performance.now() - start);
      expect(decoded.problems).toEqual([]);
    }
    times.sort((a, b) => a - b);
    // About 10 ms on a laptop; the bound leaves room for a loaded CI machine.
    expect(times[2]).toBeLessThan(60);
  });
});

describe('duplicate header members (RFC 7515 §4)', () => {
  it('are reported, and the last value is the one shown', () => {
    const header = Buffer.from('{"alg":"HS256","alg":"none"}').toString('base64url');
    const decoded = decodeToken(`${header}.${Buffer.from('{}').toString('base64url')}.c2ln`);
    expect(decoded.header).toEqual({ alg: 'none' });
    expect(decoded.problems.map((p) => p.code)).toEqual(['duplicate-member']);
    expect(decoded.problems[0]?.segment).toBe('header');
    expect(decoded.problems[0]?.message).toContain('"alg"');
  });

  it('are not confused with the same name in a nested object', () => {
    const header = Buffer.from('{"alg":"HS256","jwk":{"alg":"HS256"}}').toString('base64url');
    const decoded = decodeToken(`${header}.${Buffer.from('{}').toString('base64url')}.c2ln`);
    expect(decoded.problems.map((p) => p.code)).not.toContain('duplicate-member');
  });
});
