// Finds the compact JWS/JWE in pasted text (headers, curl lines, JSON, URLs) and says what it removed.

export interface ExtractedToken {
  /** The compact token, for decodeToken. */
  readonly token: string;
  /** What was removed around or inside it, in plain words, outermost first; empty when nothing was. */
  readonly stripped: readonly string[];
}

/**
 * Characters of a compact serialization (RFC 7515 §7.1, RFC 7516 §7.1): base64url and dots. `+`, `/`
 * and `=` are kept too, so the decoder can name them instead of extraction hiding them.
 */
const TOKEN_CHARS = /^[A-Za-z0-9_\-+/=.]+$/;
/** Token characters with at least one dot. */
const TOKEN_TEXT = /^[A-Za-z0-9_\-+/=]*(?:\.[A-Za-z0-9_\-+/=]*)+$/;
/** BASE64URL of a JSON object starts "ey" (`{"` or `{ `) or "ew" (`{` and a line break). */
const JSON_OBJECT_START = /^e[wy]/;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/** The HTTP Authorization header (RFC 9110 §11.6.2) with an optional scheme (RFC 6750 §2.1, RFC 9449 §7.1). */
const AUTHORIZATION = /["']?\bauthorization["']?[ \t]*[:=][ \t]*["']?(?:(bearer|dpop)[ \t]+)?/i;
const BEARER_PREFIX = /^(bearer|dpop)\s+/i;
const HEADER_VALUE = /^[^\r\n"'`]*/;
/**
 * URL and form parameters that carry JWTs: OAuth 2.0 (RFC 6749 §4.2.2), OIDC id_token, JAR `request`
 * (RFC 9101), JARM `response`, assertions (RFC 7521, RFC 8693). Not `code`: an authorization code is
 * not a token to decode.
 */
const TOKEN_PARAMETER =
  /(^|[?#&;])(id_token|access_token|refresh_token|logout_token|token|jwt|assertion|client_assertion|subject_token|actor_token|request|response)=([^&#\s"'<>]*)/i;
const JSON_MEMBER = /"([^"\\\r\n]{1,64})"\s*:\s*"([^"\\]*)"/g;
/** JSON member names that usually hold the token, preferred over other members with dotted values. */
const TOKEN_MEMBERS = new Set([
  'access_token',
  'id_token',
  'refresh_token',
  'token',
  'jwt',
  'assertion',
  'accesstoken',
  'idtoken',
]);
const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '“': '”',
  '‘': '’',
};
/** Separators between a token and the words around it. */
const WORD_BREAK = /[\s"'`<>()[\]{},;:]+/;
const NAME_PREFIX = /^[A-Za-z0-9_-]+=(?=e[wy])/;

interface Step {
  readonly rest: string;
  readonly removed: readonly string[];
}

type Rule = (text: string) => Step | null;

/**
 * Finds the compact JWS or JWE in pasted text and lists, in plain words, what it removed: an
 * Authorization or Bearer prefix, a curl command, quotes, the JSON or URL around it, percent-encoding,
 * line breaks inside it. Leading and trailing whitespace is trimmed without being reported.
 *
 * Does not check that the result is a valid token: when nothing token-like is found it returns the
 * trimmed text unchanged (with nothing stripped), so that the decoder can say what is wrong. Returns
 * null only for empty or blank input. Does not treat `?code=` (an authorization code) as a token.
 */
export function extractToken(text: string): ExtractedToken | null {
  let current = text.trim();
  if (current === '') return null;
  const stripped: string[] = [];
  // Each rule shortens the text, so this ends; the bound is only a guard.
  for (let round = 0; round < 12; round++) {
    const step = applyFirstRule(current);
    if (step === null) break;
    current = step.rest;
    stripped.push(...step.removed);
  }
  return { token: current, stripped };
}

const RULES: readonly Rule[] = [
  unquote,
  authorizationHeader,
  bearerPrefix,
  tokenParameter,
  jsonMember,
  trailingPunctuation,
  percentEncoding,
  wrappedLines,
  surroundingWords,
  spacesInside,
];

function applyFirstRule(text: string): Step | null {
  for (const rule of RULES) {
    const step = rule(text);
    if (step === null) continue;
    const rest = step.rest.trim();
    if (rest !== '' && rest.length < text.length) return { rest, removed: step.removed };
  }
  return null;
}

function unquote(text: string): Step | null {
  const close = QUOTE_PAIRS[text.charAt(0)];
  if (close === undefined || text.length < 2 || !text.endsWith(close)) return null;
  return { rest: text.slice(1, -1), removed: ['surrounding quotes'] };
}

function authorizationHeader(text: string): Step | null {
  const match = AUTHORIZATION.exec(text);
  if (match === null) return null;
  const valueStart = match.index + match[0].length;
  const value = HEADER_VALUE.exec(text.slice(valueStart))?.[0] ?? '';
  const scheme = match[1];
  const prefix = scheme === undefined ? '“Authorization: ”' : `“Authorization: ${scheme} ”`;
  const after = text.slice(valueStart + value.length).trim();
  const removed =
    match.index === 0 && (after === '' || after === '"' || after === "'")
      ? `the ${prefix} prefix`
      : /^curl\s/i.test(text)
        ? `the curl command around the ${prefix} header`
        : `the text around the ${prefix} header`;
  return { rest: value, removed: [removed] };
}

function bearerPrefix(text: string): Step | null {
  const match = BEARER_PREFIX.exec(text);
  if (match === null) return null;
  return { rest: text.slice(match[0].length), removed: [`the “${match[1] ?? ''} ” prefix`] };
}

function tokenParameter(text: string): Step | null {
  const match = TOKEN_PARAMETER.exec(text);
  if (match === null) return null;
  const name = match[2] ?? '';
  const raw = match[3] ?? '';
  const after = text.slice(match.index + match[0].length);
  const hash = text.indexOf('#');
  const inFragment = hash !== -1 && hash <= match.index;
  let removed: string;
  if (match.index === 0 && after === '') removed = `the “${name}=” parameter name`;
  else if (hash !== -1 || text.includes('?') || text.includes('://')) {
    removed = `the URL around the ${name} ${inFragment ? 'fragment' : 'query'} parameter`;
  } else removed = `the form parameters around the ${name} parameter`;
  const decoded = decodePercent(raw);
  return decoded === null
    ? { rest: raw, removed: [removed] }
    : { rest: decoded, removed: [removed, 'the percent-encoding of the value'] };
}

function jsonMember(text: string): Step | null {
  if (!text.includes('"')) return null;
  let best: { key: string; value: string } | null = null;
  for (const match of text.matchAll(JSON_MEMBER)) {
    const key = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (!TOKEN_TEXT.test(value)) continue;
    if (TOKEN_MEMBERS.has(key.toLowerCase())) {
      best = { key, value };
      break;
    }
    best ??= { key, value };
  }
  if (best === null) return null;
  return { rest: best.value, removed: [`the JSON around the “${best.key}” member`] };
}

function trailingPunctuation(text: string): Step | null {
  const last = text.charAt(text.length - 1);
  if (last !== ',' && last !== ';') return null;
  const rest = text.slice(0, -1).trim();
  if (!TOKEN_TEXT.test(rest) && unquote(rest) === null) return null;
  return { rest, removed: [`the trailing “${last}”`] };
}

function percentEncoding(text: string): Step | null {
  const decoded = decodePercent(text);
  if (decoded === null || !TOKEN_TEXT.test(decoded)) return null;
  return { rest: decoded, removed: ['the percent-encoding of the token'] };
}

/** A token broken across lines at a fixed width or at its dots, with or without indentation. */
function wrappedLines(text: string): Step | null {
  if (!text.includes('\n') && !text.includes('\r')) return null;
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trim());
  if (!lines.every((line) => line === '' || TOKEN_CHARS.test(line))) return null;
  const nonEmpty = lines.filter((line) => line !== '');
  const joined = nonEmpty.join('');
  if (!TOKEN_TEXT.test(joined) || !JSON_OBJECT_START.test(joined)) return null;
  const widths = new Set(nonEmpty.slice(0, -1).map((line) => line.length));
  const breaksAtDots = nonEmpty.every(
    (line, i) =>
      i === nonEmpty.length - 1 || line.endsWith('.') || nonEmpty[i + 1]!.startsWith('.'),
  );
  if (widths.size > 1 && !breaksAtDots) return null;
  const spaces = text
    .split(/\r\n|\r|\n/)
    .some((line) => /\S\s+\S/.test(line.trim()) || /^\s/.test(line));
  return {
    rest: joined,
    removed: [spaces ? 'line breaks and spaces inside the token' : 'line breaks inside the token'],
  };
}

/** A whole token among other words: "token: eyJ… (expires soon)". */
function surroundingWords(text: string): Step | null {
  if (TOKEN_TEXT.test(text)) return null;
  let best = '';
  for (const word of text.split(WORD_BREAK)) {
    let candidate = word.replace(NAME_PREFIX, '');
    // A sentence's full stop after the token, not a fourth part.
    if (candidate.endsWith('.') && candidate.split('.').length === 4)
      candidate = candidate.slice(0, -1);
    const parts = candidate.split('.').length;
    if (
      (parts === 3 || parts === 5) &&
      TOKEN_CHARS.test(candidate) &&
      JSON_OBJECT_START.test(candidate) &&
      candidate.length > best.length
    ) {
      best = candidate;
    }
  }
  return best === '' ? null : { rest: best, removed: ['the text around the token'] };
}

/** Spaces typed or copied into the token, as from a PDF: every word is token text. */
function spacesInside(text: string): Step | null {
  if (!/\s/.test(text)) return null;
  const joined = text.replace(/\s+/g, '');
  if (!TOKEN_TEXT.test(joined) || !JSON_OBJECT_START.test(joined)) return null;
  return { rest: joined, removed: ['spaces inside the token'] };
}

/** The percent-decoded text (RFC 3986 §2.1), or null when there is nothing to decode or it is malformed. */
function decodePercent(text: string): string | null {
  if (!PERCENT_ESCAPE.test(text)) return null;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
