// Decodes a compact JWS (RFC 7515 §7.1) or a JWE's protected header (RFC 7516 §7.1), collecting problems.
import { decodeBase64 } from '../../lib/encoding/base64.ts';
import { describeCharacter, describePosition } from '../../lib/encoding/position.ts';
import { decodeUtf8, encodeUtf8 } from '../../lib/encoding/utf8.ts';
import type {
  DecodedJwe,
  DecodedJws,
  DecodedPayload,
  DecodedToken,
  Segment,
  TokenProblem,
} from './types.ts';
import { isRecord } from '../../lib/is-record.ts';
import { describeJsonKind } from '../../lib/describe-json.ts';
import { errorMessage } from '../../lib/error-message.ts';

/** Parts of each compact serialization: RFC 7515 §7.1 (JWS) and RFC 7516 §7.1 (JWE). */
const JWS_PARTS = 3;
const JWE_PARTS = 5;
const JWE_SEGMENTS: readonly Segment[] = ['header', 'encrypted-key', 'iv', 'ciphertext', 'tag'];
const SEGMENT_WORDS: Readonly<Record<Segment, string>> = {
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  'encrypted-key': 'encrypted key',
  iv: 'initialization vector',
  ciphertext: 'ciphertext',
  tag: 'authentication tag',
};

/** Outside base64url (RFC 4648 §5) and outside the lenient extras below. */
const NOT_BASE64 = /[^A-Za-z0-9_\-+/=]/;
/** The standard alphabet's two characters (RFC 4648 §4); JWS uses base64url, RFC 7515 §2. */
const STANDARD_ONLY = /[+/]/;
/** Where JSON.parse's message puts the fault: V8 gives an offset, SpiderMonkey a line and column. */
const JSON_ERROR_POSITION = /at position (\d+)/;
const JSON_ERROR_LINE_COLUMN = /at line (\d+) column (\d+)/;
/** A JSON string token, or a bracket: enough to walk a JSON text already known to be valid. */
const JSON_TOKEN = /"[^"\\]*(?:\\.[^"\\]*)*"|[{}[\]]/g;
const COLON_NEXT = /\s*:/y;
/** Media types that say the payload is JSON (RFC 7515 §4.1.10: "application/" may be omitted). */
const JSON_MEDIA_TYPE = /(?:^|[/+])json$/i;
/** `typ` values that say the object is a JWT (RFC 7519 §5.1, RFC 8725 §3.11 explicit typing). */
const JWT_MEDIA_TYPE = /^(?:application\/)?(?:jwt|[^/]*\+jwt)$/i;

interface Context {
  readonly token: string;
  readonly problems: TokenProblem[];
}

/**
 * Decodes a compact token as extracted by extractToken: three parts give a DecodedJws, five a
 * DecodedJwe (only its protected header is decoded). Any other count gives a DecodedJws with the
 * parts it has (missing ones as "", extra ones dropped), a 'segment-count' problem, and whatever the
 * leading parts still decode to. Problems are collected, never thrown; `at` indexes into `token`.
 *
 * Strict where RFC 7515 §2 is (base64url without padding) but lenient in what it still shows: "="
 * padding and the standard alphabet's "+" and "/" are reported and decoded anyway. A payload is
 * expected to be JSON only where the header makes it a JWT claims set (see decodePayload).
 *
 * Does not verify the signature, check claims, decrypt a JWE, or judge the algorithm: other modules
 * do. Duplicate header member names are reported ('duplicate-member'); JSON.parse keeps the last.
 */
export function decodeToken(token: string): DecodedToken {
  const ctx: Context = { token, problems: [] };
  if (token === '') {
    ctx.problems.push({
      code: 'empty',
      message: 'There is no token: paste a JWS (three dot-separated parts) or a JWE (five).',
    });
    return emptyJws(token, ctx.problems);
  }
  if (token.startsWith('{')) {
    ctx.problems.push({
      code: 'unsupported-format',
      message:
        'This is JSON, not a compact token: the JWS and JWE JSON serializations (RFC 7515 §7.2, RFC 7516 §7.2) are not supported here. Paste the compact form, three or five base64url parts joined by dots.',
      at: 0,
    });
    return emptyJws(token, ctx.problems);
  }
  const parts = token.split('.');
  const starts: number[] = [];
  let offset = 0;
  for (const part of parts) {
    starts.push(offset);
    offset += part.length + 1;
  }
  if (parts.length === JWE_PARTS) return decodeJwe(ctx, parts, starts);
  if (parts.length !== JWS_PARTS) {
    const extraDot = parts.length > JWS_PARTS ? starts[JWS_PARTS]! - 1 : undefined;
    ctx.problems.push({
      code: 'segment-count',
      message: `A JWS has 3 dot-separated parts and a JWE 5; this has ${parts.length}.${
        extraDot === undefined
          ? ''
          : ` The part after the dot at ${describePosition(token, extraDot)} is one too many for a JWS.`
      }`,
      ...(extraDot === undefined ? {} : { at: extraDot }),
    });
  }
  return decodeJws(ctx, parts, starts);
}

function emptyJws(token: string, problems: readonly TokenProblem[]): DecodedJws {
  return {
    kind: 'jws',
    token,
    segments: ['', '', ''],
    signingInput: '.',
    header: null,
    headerText: null,
    payload: null,
    signature: null,
    problems,
  };
}

function decodeJws(ctx: Context, parts: readonly string[], starts: readonly number[]): DecodedJws {
  const segments: [string, string, string] = [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
  const { header, headerText } = decodeHeader(ctx, segments[0]);
  let payload: DecodedPayload | null = null;
  if (parts.length > 1) {
    payload =
      header?.b64 === false
        ? unencodedPayload(segments[1])
        : decodePayload(ctx, header, segments[1], starts[1]!);
  }
  const signature =
    parts.length > 2 ? decodeSegment(ctx, segments[2], starts[2]!, 'signature') : null;
  return {
    kind: 'jws',
    token: ctx.token,
    segments,
    signingInput: `${segments[0]}.${segments[1]}`,
    header,
    headerText,
    payload,
    signature,
    problems: ctx.problems,
  };
}

function decodeJwe(ctx: Context, parts: readonly string[], starts: readonly number[]): DecodedJwe {
  const segments = parts as unknown as readonly [string, string, string, string, string];
  const { header, headerText } = decodeHeader(ctx, segments[0]);
  // The other parts are binary and stay encrypted; only their characters are checked.
  for (let i = 1; i < JWE_PARTS; i++)
    checkCharacters(ctx, segments[i]!, starts[i]!, JWE_SEGMENTS[i]!);
  return { kind: 'jwe', token: ctx.token, segments, header, headerText, problems: ctx.problems };
}

/** RFC 7515 §5.2 steps 2–4: base64url, UTF-8, a JSON object. */
function decodeHeader(
  ctx: Context,
  segment: string,
): { header: Readonly<Record<string, unknown>> | null; headerText: string | null } {
  const bytes = decodeSegment(ctx, segment, 0, 'header');
  if (bytes === null) return { header: null, headerText: null };
  const text = decodeUtf8(bytes);
  if (!text.ok) {
    const at = charIndexOfByte(0, text.error.at ?? 0);
    ctx.problems.push({
      code: 'header-not-json',
      message: `The header is not UTF-8 text, so it cannot be JSON: ${text.error.message} (RFC 7515 §4).`,
      segment: 'header',
      at,
    });
    return { header: null, headerText: null };
  }
  const parsed = parseJson(text.value);
  if (!parsed.ok) {
    const where =
      parsed.position === undefined
        ? ''
        : ` at ${describePosition(text.value, parsed.position)} of the decoded header`;
    ctx.problems.push({
      code: 'header-not-json',
      message: `The header is not JSON${where}: ${parsed.message}`,
      segment: 'header',
      at: parsed.position === undefined ? 0 : charIndexOfText(0, text.value, parsed.position),
    });
    return { header: null, headerText: text.value };
  }
  if (!isRecord(parsed.value)) {
    ctx.problems.push({
      code: 'header-not-object',
      message: `The header is JSON but ${describeJsonKind(parsed.value)}; a JOSE header must be a JSON object (RFC 7515 §4).`,
      segment: 'header',
      at: 0,
    });
    return { header: null, headerText: text.value };
  }
  const duplicates = findDuplicateMembers(text.value);
  if (duplicates.length > 0) {
    // Parsers disagree on which copy wins, so a verifier and a gateway may read different headers.
    ctx.problems.push({
      code: 'duplicate-member',
      message: `The header repeats ${duplicates.map((name) => JSON.stringify(name)).join(', ')}; RFC 7515 §4 says such a token must be rejected or only the last value used (shown here), and parsers that pick differently can be played against each other.`,
      segment: 'header',
      at: 0,
    });
  }
  return { header: parsed.value, headerText: text.value };
}

/**
 * RFC 7515 §5.2 step 6 and RFC 7519 §7.2 step 10: the claims set must be a JSON object when the
 * token is a JWT, that is when the header's `typ` says JWT, or when there is neither `typ` nor `cty`
 * to say otherwise. A `cty` of "JWT" (a nested JWT, RFC 7519 §5.2) or of a non-JSON media type, or a
 * `typ` naming something else, makes a non-JSON payload legitimate: it is shown without a problem.
 */
function decodePayload(
  ctx: Context,
  header: Readonly<Record<string, unknown>> | null,
  segment: string,
  start: number,
): DecodedPayload | null {
  const bytes = decodeSegment(ctx, segment, start, 'payload');
  if (bytes === null) return null;
  const expectJson = expectsJsonClaims(header);
  const text = decodeUtf8(bytes);
  if (!text.ok) {
    if (expectJson) {
      ctx.problems.push({
        code: 'payload-not-json',
        message: `The payload is not UTF-8 text, so it is not a JWT claims set (RFC 7519 §7.2): ${text.error.message} It is shown as bytes.`,
        segment: 'payload',
        at: charIndexOfByte(start, text.error.at ?? 0),
      });
    }
    return { kind: 'bytes', bytes };
  }
  const parsed = parseJson(text.value);
  if (!parsed.ok) {
    if (expectJson && text.value === '') {
      ctx.problems.push({
        code: 'payload-not-json',
        message:
          'The payload is empty, so it is not a JWT claims set (RFC 7519 §7.2). A JWS with a detached payload (RFC 7515 Appendix F) cannot be shown without it.',
        segment: 'payload',
        at: start,
      });
    } else if (expectJson) {
      const looksLikeJson = /^\s*[{[]/.test(text.value);
      ctx.problems.push({
        code: 'payload-not-json',
        message: `The payload is not JSON, so it is not a JWT claims set (RFC 7519 §7.2)${
          looksLikeJson ? `: ${parsed.message}` : '.'
        } It is shown as text.`,
        segment: 'payload',
        at:
          parsed.position === undefined
            ? start
            : charIndexOfText(start, text.value, parsed.position),
      });
    }
    return { kind: 'text', text: text.value };
  }
  if (expectJson && !isRecord(parsed.value)) {
    ctx.problems.push({
      code: 'payload-not-json',
      message: `The payload is JSON but ${describeJsonKind(parsed.value)}; a JWT claims set is a JSON object (RFC 7519 §4).`,
      segment: 'payload',
      at: start,
    });
  }
  return { kind: 'json', value: parsed.value, text: text.value };
}

/** RFC 7797 §3: with `"b64": false` the payload part is the payload itself, not base64url. */
function unencodedPayload(segment: string): DecodedPayload {
  const parsed = parseJson(segment);
  return parsed.ok
    ? { kind: 'json', value: parsed.value, text: segment }
    : { kind: 'text', text: segment };
}

function expectsJsonClaims(header: Readonly<Record<string, unknown>> | null): boolean {
  if (header === null) return true;
  const { typ, cty } = header;
  if (typeof cty === 'string') return JSON_MEDIA_TYPE.test(cty);
  if (typeof typ === 'string') return JWT_MEDIA_TYPE.test(typ) || JSON_MEDIA_TYPE.test(typ);
  return true;
}

/** Checks a part's characters, then decodes it leniently; null when it cannot be decoded at all. */
function decodeSegment(
  ctx: Context,
  segment: string,
  start: number,
  name: Segment,
): Uint8Array | null {
  const what = SEGMENT_WORDS[name];
  const invalid = NOT_BASE64.exec(segment);
  if (invalid !== null) {
    ctx.problems.push(invalidCharacter(ctx, what, name, start + invalid.index));
    return null;
  }
  const result = decodeBase64(segment);
  const standard = STANDARD_ONLY.exec(segment);
  if (standard !== null) {
    const at = start + standard.index;
    ctx.problems.push({
      code: 'invalid-base64url',
      message: `The ${what} has ${describeCharacter(ctx.token, at)} at ${describePosition(ctx.token, at)}, from the standard Base64 alphabet; JWTs use base64url, with "-" and "_" instead of "+" and "/", and no padding (RFC 7515 §2).${result.ok ? ' It is decoded anyway.' : ''}`,
      segment: name,
      at,
    });
  }
  if (result.ok) {
    const pad = segment.indexOf('=');
    if (pad !== -1) {
      const at = start + pad;
      ctx.problems.push({
        code: 'invalid-base64url',
        message: `The ${what} has "=" padding at ${describePosition(ctx.token, at)}; JWTs use base64url without padding (RFC 7515 §2). It is decoded anyway.`,
        segment: name,
        at,
      });
    }
    return result.value;
  }
  const at = start + (result.error.at ?? 0);
  ctx.problems.push({
    code: 'invalid-base64url',
    message:
      result.error.code === 'truncated-group'
        ? `The ${what} has ${segment.replace(/=+$/, '').length} characters, a length base64url never produces (4k + 1): a character is missing or one too many, near ${describePosition(ctx.token, at)}.`
        : `The ${what} cannot be decoded: its "=" at ${describePosition(ctx.token, at)} is in the wrong place, and JWTs use base64url without padding anyway (RFC 7515 §2).`,
    segment: name,
    at,
  });
  return null;
}

/** Only checks the characters of a part that stays encoded (a JWE's encrypted parts). */
function checkCharacters(ctx: Context, segment: string, start: number, name: Segment): void {
  const invalid = /[^A-Za-z0-9_-]/.exec(segment);
  if (invalid !== null) {
    ctx.problems.push(invalidCharacter(ctx, SEGMENT_WORDS[name], name, start + invalid.index));
  }
}

function invalidCharacter(ctx: Context, what: string, name: Segment, at: number): TokenProblem {
  const character = ctx.token.charAt(at);
  const hint =
    character === '='
      ? ' JWTs use base64url without padding.'
      : character === '+' || character === '/'
        ? ' That is the standard Base64 alphabet; JWTs use base64url, with "-" and "_".'
        : '';
  return {
    code: 'invalid-base64url',
    message: `The ${what} has the character ${describeCharacter(ctx.token, at)} at ${describePosition(ctx.token, at)}, which base64url does not use: only A–Z, a–z, 0–9, "-" and "_" (RFC 7515 §2).${hint}`,
    segment: name,
    at,
  };
}

type JsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly position?: number };

function parseJson(text: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = errorMessage(error);
    const position = errorPosition(text, message);
    const sentence = /[.!?]$/.test(message) ? message : `${message}.`;
    return position === undefined || position > text.length
      ? { ok: false, message: sentence }
      : { ok: false, message: sentence, position };
  }
}

function errorPosition(text: string, message: string): number | undefined {
  const offset = JSON_ERROR_POSITION.exec(message);
  if (offset !== null) return Number(offset[1]);
  const lineColumn = JSON_ERROR_LINE_COLUMN.exec(message);
  if (lineColumn === null) return undefined;
  let lineStart = 0;
  for (let line = 1; line < Number(lineColumn[1]); line++) {
    const next = text.indexOf('\n', lineStart);
    if (next === -1) return undefined;
    lineStart = next + 1;
  }
  return lineStart + Number(lineColumn[2]) - 1;
}

/** Index in the token of the base64url character that starts encoding byte `byte` of a part. */
function charIndexOfByte(start: number, byte: number): number {
  return start + 4 * Math.floor(byte / 3) + (byte % 3);
}

/** Index in the token of the character that encodes UTF-16 offset `position` of the decoded text. */
function charIndexOfText(start: number, text: string, position: number): number {
  return charIndexOfByte(start, encodeUtf8(text.slice(0, position)).length);
}

/**
 * Names of members that occur more than once in one object of a valid JSON text, at any depth, in
 * the order of their second occurrence. RFC 7515 §4 and RFC 7519 §4 want them rejected or the last
 * one used; JSON.parse uses the last, so a header or claims set can mean different things to
 * different parsers. Does not validate the JSON: give it text that JSON.parse accepted.
 */
export function findDuplicateMembers(json: string): readonly string[] {
  const duplicates: string[] = [];
  // Arrays push null so that only objects' keys are counted.
  const stack: (Set<string> | null)[] = [];
  JSON_TOKEN.lastIndex = 0;
  for (let match = JSON_TOKEN.exec(json); match !== null; match = JSON_TOKEN.exec(json)) {
    const token = match[0];
    if (token === '{') stack.push(new Set());
    else if (token === '[') stack.push(null);
    else if (token === '}' || token === ']') stack.pop();
    else {
      const members = stack[stack.length - 1];
      COLON_NEXT.lastIndex = JSON_TOKEN.lastIndex;
      if (members === undefined || members === null || !COLON_NEXT.test(json)) continue;
      let name: string;
      try {
        name = JSON.parse(token) as string;
      } catch {
        continue;
      }
      if (members.has(name) && !duplicates.includes(name)) duplicates.push(name);
      members.add(name);
    }
  }
  return duplicates;
}
