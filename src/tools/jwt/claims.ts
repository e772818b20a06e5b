// The Claims table's data: what each known claim means, and NumericDate claims as dates and durations.
import { isRecord } from '../../lib/is-record.ts';
import { countOf } from '../../lib/words.ts';

export interface ClaimInfo {
  /** One short sentence. */
  readonly description: string;
  /** Where the claim is defined. */
  readonly reference: string;
}

const OIDC_CORE = 'OpenID Connect Core 1.0';

/** Claims the table explains: registered (RFC 7519 §4.1), OpenID Connect, OAuth 2.0 and a few vendors'. */
export const CLAIM_INFO: Readonly<Record<string, ClaimInfo>> = Object.freeze({
  // RFC 7519 §4.1: registered claim names.
  iss: { description: 'Issuer: who created and signed the token.', reference: 'RFC 7519 §4.1.1' },
  sub: {
    description: 'Subject: whom the token is about, unique at the issuer.',
    reference: 'RFC 7519 §4.1.2',
  },
  aud: {
    description: 'Audience: the recipients that must accept the token.',
    reference: 'RFC 7519 §4.1.3',
  },
  exp: {
    description: 'Expiration time: the token must not be accepted from then on.',
    reference: 'RFC 7519 §4.1.4',
  },
  nbf: {
    description: 'Not before: the token must not be accepted before then.',
    reference: 'RFC 7519 §4.1.5',
  },
  iat: { description: 'Issued at: when the token was created.', reference: 'RFC 7519 §4.1.6' },
  jti: {
    description: 'JWT ID: a unique identifier, for detecting replays.',
    reference: 'RFC 7519 §4.1.7',
  },
  // OpenID Connect Core 1.0 §2: ID Token claims.
  auth_time: { description: 'When the user last authenticated.', reference: `${OIDC_CORE} §2` },
  nonce: {
    description: 'The value from the authentication request, against replay.',
    reference: `${OIDC_CORE} §2`,
  },
  acr: {
    description: 'Authentication context class: how strongly the user was authenticated.',
    reference: `${OIDC_CORE} §2`,
  },
  amr: {
    description: 'Authentication methods used, such as "pwd" or "otp" (values: RFC 8176).',
    reference: `${OIDC_CORE} §2`,
  },
  azp: {
    description: 'Authorized party: the client the ID token was issued to.',
    reference: `${OIDC_CORE} §2`,
  },
  at_hash: {
    description: 'Hash of the access token issued with this ID token.',
    reference: `${OIDC_CORE} §3.1.3.6`,
  },
  c_hash: {
    description: 'Hash of the authorization code issued with this ID token.',
    reference: `${OIDC_CORE} §3.3.2.11`,
  },
  sid: {
    description: 'Session ID at the issuer, for logout.',
    reference: 'OpenID Connect Front-Channel Logout 1.0 §3',
  },
  // OpenID Connect Core 1.0 §5.1: standard claims.
  name: { description: 'Full name of the user.', reference: `${OIDC_CORE} §5.1` },
  given_name: { description: 'Given (first) name of the user.', reference: `${OIDC_CORE} §5.1` },
  family_name: { description: 'Family (last) name of the user.', reference: `${OIDC_CORE} §5.1` },
  middle_name: { description: 'Middle name of the user.', reference: `${OIDC_CORE} §5.1` },
  nickname: { description: 'Casual name of the user.', reference: `${OIDC_CORE} §5.1` },
  preferred_username: {
    description: 'The name the user prefers to be shown; not unique, not stable.',
    reference: `${OIDC_CORE} §5.1`,
  },
  profile: { description: "URL of the user's profile page.", reference: `${OIDC_CORE} §5.1` },
  picture: { description: "URL of the user's picture.", reference: `${OIDC_CORE} §5.1` },
  website: { description: "URL of the user's web page or blog.", reference: `${OIDC_CORE} §5.1` },
  email: {
    description: "The user's preferred email address; not unique, not stable.",
    reference: `${OIDC_CORE} §5.1`,
  },
  email_verified: {
    description: 'Whether the issuer verified the email address.',
    reference: `${OIDC_CORE} §5.1`,
  },
  gender: { description: "The user's gender.", reference: `${OIDC_CORE} §5.1` },
  birthdate: {
    description: "The user's birthday, as YYYY-MM-DD or YYYY.",
    reference: `${OIDC_CORE} §5.1`,
  },
  zoneinfo: {
    description: "The user's time zone, such as Europe/Paris.",
    reference: `${OIDC_CORE} §5.1`,
  },
  locale: { description: "The user's locale, such as en-US.", reference: `${OIDC_CORE} §5.1` },
  phone_number: {
    description: "The user's preferred telephone number.",
    reference: `${OIDC_CORE} §5.1`,
  },
  phone_number_verified: {
    description: 'Whether the issuer verified the phone number.',
    reference: `${OIDC_CORE} §5.1`,
  },
  address: {
    description: "The user's postal address, as a JSON object.",
    reference: `${OIDC_CORE} §5.1.1`,
  },
  updated_at: {
    description: "When the user's information was last updated (seconds since 1970).",
    reference: `${OIDC_CORE} §5.1`,
  },
  // OAuth 2.0.
  scope: { description: 'Space-separated scopes the token grants.', reference: 'RFC 8693 §4.2' },
  scp: {
    description: 'Scopes the token grants, as a list or string (Azure AD, Okta; not registered).',
    reference: 'Microsoft identity platform access tokens',
  },
  client_id: {
    description: 'The OAuth client the token was issued to.',
    reference: 'RFC 8693 §4.3, RFC 9068 §2.2',
  },
  roles: {
    description: 'Roles of the subject, for authorization.',
    reference: 'RFC 9068 §2.2.3.1 (SCIM, RFC 7643 §4.1.2)',
  },
  groups: {
    description: 'Groups the subject belongs to, for authorization.',
    reference: 'RFC 9068 §2.2.3.1 (SCIM, RFC 7643 §4.1.2)',
  },
  entitlements: {
    description: 'Entitlements of the subject, for authorization.',
    reference: 'RFC 9068 §2.2.3.1 (SCIM, RFC 7643 §4.1.2)',
  },
  cnf: {
    description: 'Confirmation: the key the presenter must prove it holds.',
    reference: 'RFC 7800 §3.1',
  },
  act: {
    description: 'Actor: who is acting on behalf of the subject (delegation).',
    reference: 'RFC 8693 §4.1',
  },
  may_act: {
    description: 'Who is allowed to act on behalf of the subject.',
    reference: 'RFC 8693 §4.4',
  },
  // RFC 9449 §4.2: DPoP proof claims.
  htm: { description: 'DPoP proof: the HTTP method of the request.', reference: 'RFC 9449 §4.2' },
  htu: {
    description: 'DPoP proof: the URI of the request, without query or fragment.',
    reference: 'RFC 9449 §4.2',
  },
  ath: {
    description: 'DPoP proof: hash of the access token sent with it.',
    reference: 'RFC 9449 §4.2',
  },
  events: {
    description: 'Security event token: the events it reports.',
    reference: 'RFC 8417 §2.2',
  },
  // Vendors'.
  tid: {
    description: 'Azure AD tenant the token was issued in.',
    reference: 'Microsoft identity platform access tokens',
  },
  oid: {
    description: 'Azure AD object ID of the user, stable across applications.',
    reference: 'Microsoft identity platform access tokens',
  },
} satisfies Record<string, ClaimInfo>);

/** The entry for a claim name; undefined for names not in CLAIM_INFO, including "__proto__" and "toString". */
export function claimInfo(name: string): ClaimInfo | undefined {
  return Object.hasOwn(CLAIM_INFO, name) ? CLAIM_INFO[name] : undefined;
}

/** NumericDate claims (RFC 7519 §4.1.4–4.1.6, OpenID Connect Core 1.0 §2) that the table shows as times. */
export const TIME_CLAIMS: readonly string[] = ['exp', 'nbf', 'iat', 'auth_time'];

export interface TimeDescription {
  /** ISO 8601 in UTC, milliseconds only when there are some: "2011-03-22T18:43:00Z". */
  readonly iso: string;
  /** The same instant for people: "22 Mar 2011, 18:43:00 UTC" in the given time zone. */
  readonly local: string;
  /** Relative to now: "in 5 minutes", "3 days ago", "just now", "expired 3 days ago". */
  readonly relative: string;
}

export interface TimeProblem {
  /** Why the value is not a date that can be shown. */
  readonly problem: string;
}

/** The largest ECMAScript time value, in seconds (ECMA-262 §21.4.1.1: ±8.64e15 ms). */
const MAX_SECONDS = 8.64e12;
/** Within this many seconds of now, a time is "just now". */
const JUST_NOW_SECONDS = 30;
const SECONDS_PER_DAY = 86_400;
/** Largest unit first; a month is 30 days and a year 365, as approximations. */
const RELATIVE_UNITS: readonly (readonly [string, number])[] = [
  ['year', 365 * SECONDS_PER_DAY],
  ['month', 30 * SECONDS_PER_DAY],
  ['day', SECONDS_PER_DAY],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const DURATION_UNITS: readonly (readonly [string, number])[] = RELATIVE_UNITS.slice(2);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'long' };
    try {
      // en-GB: day, month name, year and a 24-hour clock read the same to everyone.
      formatter = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // An unknown time zone name: the user's own zone rather than an exception.
      formatter = new Intl.DateTimeFormat('en-GB', options);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Describes a NumericDate (seconds since 1970-01-01T00:00:00Z, RFC 7519 §2) as ISO 8601 UTC, as a
 * date in `timeZone` (default: the user's), and relative to `nowMs`. `name` only changes the wording:
 * for `exp` it is "expired 3 days ago" / "expires in 5 minutes". Relative times name the largest
 * whole unit, rounded down ("1 hour" for 1 h 59 min); within 30 seconds of now they are "just now".
 *
 * Does not judge the claim (an expired token, an `iat` in the future): the findings do. Does not
 * throw: a value beyond the range of Date gives a description that says so; prefer describeTimeClaim.
 */
/**
 * A NumericDate (RFC 7519 §2) as ISO 8601 UTC, "2011-03-22T18:43:00Z", with milliseconds only
 * when there are some; null outside the ±8.64e15 ms JavaScript dates can hold. The one format
 * the JWT tool's table, checks and findings share.
 */
export function formatNumericDate(seconds: number): string | null {
  const ms = seconds * 1000;
  if (!(Math.abs(ms) <= 8.64e15)) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function describeTime(
  name: string,
  seconds: number,
  nowMs: number,
  timeZone?: string,
): TimeDescription {
  if (!Number.isFinite(seconds) || Math.abs(seconds) > MAX_SECONDS) {
    const beyond = 'beyond the dates that can be shown';
    return { iso: beyond, local: beyond, relative: '' };
  }
  const date = new Date(seconds * 1000);
  const iso = formatNumericDate(seconds) ?? date.toISOString();
  let local: string;
  try {
    local = formatterFor(timeZone).format(date);
  } catch {
    local = iso;
  }
  return { iso, local, relative: describeRelative(name, seconds * 1000 - nowMs) };
}

function describeRelative(name: string, diffMs: number): string {
  if (!Number.isFinite(diffMs)) return '';
  const future = diffMs > 0;
  const abs = Math.abs(diffMs) / 1000;
  const isExp = name === 'exp';
  if (abs < JUST_NOW_SECONDS) {
    if (!isExp) return 'just now';
    // For expiry the seconds matter: a token that expires in 10 s is still valid.
    return future
      ? `expires in ${countOf(Math.max(1, Math.floor(abs)), 'second')}`
      : 'expired just now';
  }
  const amount = largestUnit(abs);
  if (isExp) return future ? `expires in ${amount}` : `expired ${amount} ago`;
  return future ? `in ${amount}` : `${amount} ago`;
}

function largestUnit(abs: number): string {
  for (const [unit, size] of RELATIVE_UNITS) {
    if (abs >= size) return countOf(Math.floor(abs / size), unit);
  }
  return countOf(0, 'second');
}

/**
 * describeTime for a claim value of any type. Only a finite JSON number within the range of Date is a
 * NumericDate; anything else gives a problem saying why (a string "1300819380" is not one, RFC 7519
 * §2). Does not decide whether `name` is a time claim: see TIME_CLAIMS.
 */
export function describeTimeClaim(
  name: string,
  value: unknown,
  nowMs: number,
  timeZone?: string,
): TimeDescription | TimeProblem {
  const definition = 'a NumericDate is a JSON number of seconds since 1970 (RFC 7519 §2)';
  if (typeof value !== 'number') {
    const kind =
      typeof value === 'string'
        ? `${quoteShort(value)} is a string,`
        : value === null || value === undefined
          ? `${String(value)} is`
          : Array.isArray(value)
            ? 'an array is'
            : typeof value === 'object'
              ? 'an object is'
              : `a ${typeof value} is`;
    return { problem: `Not a NumericDate: ${kind} not a number; ${definition}.` };
  }
  if (!Number.isFinite(value)) {
    return { problem: `Not a NumericDate: the number is too large to be finite; ${definition}.` };
  }
  if (Math.abs(value) > MAX_SECONDS) {
    return {
      problem: `${String(value)} seconds is beyond the dates that can be shown (275,760 years either side of 1970).`,
    };
  }
  return describeTime(name, value, nowMs, timeZone);
}

function quoteShort(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Formats a number of seconds for people, in its two largest units, the second one only when it is
 * not zero, lower units dropped: "90 seconds" is "1 minute 30 seconds", 3600 is "1 hour", 86 400 is
 * "1 day", 5 400 is "1 hour 30 minutes". Rounds to whole seconds; a negative duration gets a "-".
 * Does not use months or years (their lengths vary). Non-finite input gives "an unknown duration".
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'an unknown duration';
  const total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? '-' : '';
  for (let i = 0; i < DURATION_UNITS.length; i++) {
    const [unit, size] = DURATION_UNITS[i]!;
    if (total < size && size > 1) continue;
    const count = Math.floor(total / size);
    const next = DURATION_UNITS[i + 1];
    const rest = next === undefined ? 0 : Math.floor((total % size) / next[1]);
    const tail = next === undefined || rest === 0 ? '' : ` ${countOf(rest, next[0])}`;
    return `${sign}${countOf(count, unit)}${tail}`;
  }
  return countOf(0, 'second');
}

/** exp − iat in seconds when both are finite numbers (RFC 7519 §4.1.4, §4.1.6); otherwise null. */
export function tokenLifetime(payload: unknown): number | null {
  if (!isRecord(payload)) return null;
  const { exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number') return null;
  const lifetime = exp - iat;
  return Number.isFinite(lifetime) ? lifetime : null;
}

export interface ClaimRow {
  readonly name: string;
  /** JSON.stringify of the value, on one line; the view wraps it. */
  readonly valueText: string;
  readonly description?: string;
  readonly reference?: string;
  /** For TIME_CLAIMS only. */
  readonly time?: TimeDescription | TimeProblem;
}

/**
 * One row per member of a claims set, in the object's own order (JSON.parse keeps the text's order,
 * except that integer-like names such as "1" come first: a JavaScript rule). A payload that is not a
 * JSON object gives no rows. Does not validate claims (types of iss, aud, …): the findings do.
 */
export function listClaims(
  payload: unknown,
  nowMs: number,
  timeZone?: string,
): readonly ClaimRow[] {
  if (!isRecord(payload)) return [];
  return Object.entries(payload).map(([name, value]): ClaimRow => {
    const info = claimInfo(name);
    const time = TIME_CLAIMS.includes(name)
      ? describeTimeClaim(name, value, nowMs, timeZone)
      : undefined;
    return {
      name,
      valueText: stringify(value),
      ...(info === undefined ? {} : { description: info.description, reference: info.reference }),
      ...(time === undefined ? {} : { time }),
    };
  });
}

function stringify(value: unknown): string {
  try {
    // Undefined for undefined and functions, whatever the lib's type says.
    const text: unknown = JSON.stringify(value);
    return typeof text === 'string' ? text : String(value);
  } catch {
    // Not from JSON.parse (a BigInt, a cycle): still shown, if it can be.
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}
