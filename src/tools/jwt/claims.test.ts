import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLAIM_INFO,
  TIME_CLAIMS,
  claimInfo,
  describeTime,
  describeTimeClaim,
  formatDuration,
  listClaims,
  tokenLifetime,
} from './claims.ts';

// RFC 7519 §3.1: "exp":1300819380 is 2011-03-22T18:43:00Z (the UI contract's example).
const EXP = 1300819380;
const EXP_MS = EXP * 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('describeTime', () => {
  it('gives the contract example in ISO 8601 UTC without milliseconds, and locally', () => {
    expect(describeTime('exp', EXP, EXP_MS, 'UTC')).toEqual({
      iso: '2011-03-22T18:43:00Z',
      local: '22 Mar 2011, 18:43:00 UTC',
      relative: 'expired just now',
    });
    expect(describeTime('iat', EXP, EXP_MS, 'Asia/Tokyo').local).toBe(
      '23 Mar 2011, 03:43:00 GMT+9',
    );
  });

  it('keeps milliseconds when there are some', () => {
    expect(describeTime('iat', EXP + 0.25, EXP_MS, 'UTC').iso).toBe('2011-03-22T18:43:00.250Z');
  });

  it.each([
    [0, 'just now'],
    [29_999, 'just now'],
    [-29_999, 'just now'],
    [30_000, 'in 30 seconds'],
    [-30_000, '30 seconds ago'],
    [59_999, 'in 59 seconds'],
    [MINUTE, 'in 1 minute'],
    [-2 * MINUTE, '2 minutes ago'],
    [5 * MINUTE, 'in 5 minutes'],
    [HOUR - 1, 'in 59 minutes'],
    [HOUR, 'in 1 hour'],
    [2 * HOUR - 1, 'in 1 hour'],
    [-DAY, '1 day ago'],
    [-3 * DAY, '3 days ago'],
    [30 * DAY - 1000, 'in 29 days'],
    [30 * DAY, 'in 1 month'],
    [-364 * DAY, '12 months ago'],
    [365 * DAY, 'in 1 year'],
    [-10 * 365 * DAY, '10 years ago'],
  ])('says %i ms from now is "%s"', (offset, relative) => {
    expect(describeTime('iat', (EXP_MS + offset) / 1000, EXP_MS, 'UTC').relative).toBe(relative);
  });

  it.each([
    [-3 * DAY, 'expired 3 days ago'],
    [-MINUTE, 'expired 1 minute ago'],
    [-1000, 'expired just now'],
    [0, 'expired just now'],
    [1000, 'expires in 1 second'],
    [12_500, 'expires in 12 seconds'],
    [400, 'expires in 1 second'],
    [5 * MINUTE, 'expires in 5 minutes'],
    [2 * DAY, 'expires in 2 days'],
  ])('words exp %i ms from now as "%s"', (offset, relative) => {
    expect(describeTime('exp', (EXP_MS + offset) / 1000, EXP_MS, 'UTC').relative).toBe(relative);
  });

  it('does not throw on an unknown time zone or values beyond Date', () => {
    expect(describeTime('iat', EXP, EXP_MS, 'Not/AZone').iso).toBe('2011-03-22T18:43:00Z');
    expect(describeTime('exp', 1e300, EXP_MS, 'UTC')).toEqual({
      iso: 'beyond the dates that can be shown',
      local: 'beyond the dates that can be shown',
      relative: '',
    });
    expect(describeTime('exp', Number.NaN, EXP_MS).relative).toBe('');
  });

  it('handles the edges of the Date range', () => {
    expect(describeTime('exp', 8.64e12, 0, 'UTC').iso).toBe('+275760-09-13T00:00:00Z');
    expect(describeTime('nbf', -8.64e12, 0, 'UTC').iso).toBe('-271821-04-20T00:00:00Z');
  });
});

describe('describeTimeClaim', () => {
  it('describes a NumericDate', () => {
    expect(describeTimeClaim('exp', EXP, EXP_MS + 3 * DAY, 'UTC')).toEqual({
      iso: '2011-03-22T18:43:00Z',
      local: '22 Mar 2011, 18:43:00 UTC',
      relative: 'expired 3 days ago',
    });
  });

  it('says a string is not a NumericDate (RFC 7519 §2)', () => {
    expect(describeTimeClaim('exp', '1300819380', 0)).toEqual({
      problem:
        'Not a NumericDate: "1300819380" is a string, not a number; a NumericDate is a JSON number of seconds since 1970 (RFC 7519 §2).',
    });
  });

  it.each([
    [null, 'null is not a number'],
    [undefined, 'undefined is not a number'],
    [true, 'a boolean is not a number'],
    [[1], 'an array is not a number'],
    [{ t: 1 }, 'an object is not a number'],
  ])('says %j is not a NumericDate', (value, words) => {
    const result = describeTimeClaim('iat', value, 0);
    expect('problem' in result && result.problem).toContain(words);
  });

  it('says why huge and non-finite numbers cannot be shown', () => {
    expect(describeTimeClaim('exp', Infinity, 0)).toEqual({
      problem:
        'Not a NumericDate: the number is too large to be finite; a NumericDate is a JSON number of seconds since 1970 (RFC 7519 §2).',
    });
    expect(describeTimeClaim('exp', 1e13, 0)).toEqual({
      problem:
        '10000000000000 seconds is beyond the dates that can be shown (275,760 years either side of 1970).',
    });
    expect('problem' in describeTimeClaim('exp', -1e13, 0)).toBe(true);
    expect('problem' in describeTimeClaim('exp', Number.NaN, 0)).toBe(true);
  });

  it('never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.anything(), fc.double(), (value, now) => {
        const result = describeTimeClaim('exp', value, now, 'UTC');
        expect('problem' in result || 'iso' in result).toBe(true);
      }),
    );
  });

  it('agrees with Date on every representable whole second', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e12, max: 8.64e12 }), (seconds) => {
        const result = describeTimeClaim('iat', seconds, 0, 'UTC');
        expect('iso' in result && result.iso).toBe(
          new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'),
        );
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [45, '45 seconds'],
    [90, '1 minute 30 seconds'],
    [3600, '1 hour'],
    [5400, '1 hour 30 minutes'],
    [86_400, '1 day'],
    [90_000, '1 day 1 hour'],
    [86_700, '1 day'],
    [604_800, '7 days'],
    [31_536_000, '365 days'],
    [-3600, '-1 hour'],
    [59.6, '1 minute'],
    [Number.NaN, 'an unknown duration'],
    [Infinity, 'an unknown duration'],
  ])('formats %d seconds as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('tokenLifetime', () => {
  it('is exp − iat when both are finite numbers', () => {
    expect(tokenLifetime({ iat: 1516239022, exp: 1516242622 })).toBe(3600);
    expect(tokenLifetime({ iat: 10, exp: 5 })).toBe(-5);
    expect(tokenLifetime({ iat: '10', exp: 20 })).toBeNull();
    expect(tokenLifetime({ exp: 20 })).toBeNull();
    expect(tokenLifetime({ iat: -Infinity, exp: Infinity })).toBeNull();
    expect(tokenLifetime([10, 20])).toBeNull();
    expect(tokenLifetime(null)).toBeNull();
    expect(tokenLifetime('x')).toBeNull();
  });
});

describe('CLAIM_INFO', () => {
  it('covers the registered claims of RFC 7519 §4.1 with their sections', () => {
    expect(
      ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'].map((name) => CLAIM_INFO[name]?.reference),
    ).toEqual([
      'RFC 7519 §4.1.1',
      'RFC 7519 §4.1.2',
      'RFC 7519 §4.1.3',
      'RFC 7519 §4.1.4',
      'RFC 7519 §4.1.5',
      'RFC 7519 §4.1.6',
      'RFC 7519 §4.1.7',
    ]);
  });

  it('has one short sentence and a reference for every claim', () => {
    for (const [name, info] of Object.entries(CLAIM_INFO)) {
      expect(info.description, name).toMatch(/^[A-Z].{5,90}\.$/);
      expect(info.description.slice(0, -1), name).not.toMatch(/\.\s/);
      expect(info.reference.length, name).toBeGreaterThan(3);
    }
    for (const name of ['auth_time', 'nonce', 'acr', 'amr', 'azp', 'at_hash', 'c_hash', 'sid']) {
      expect(claimInfo(name)?.reference, name).toMatch(/^OpenID Connect/);
    }
    expect(claimInfo('cnf')?.reference).toBe('RFC 7800 §3.1');
    expect(claimInfo('act')?.reference).toBe('RFC 8693 §4.1');
    expect(claimInfo('scope')?.reference).toBe('RFC 8693 §4.2');
  });

  it('has no entries from Object.prototype', () => {
    expect(claimInfo('toString')).toBeUndefined();
    expect(claimInfo('__proto__')).toBeUndefined();
    expect(claimInfo('constructor')).toBeUndefined();
  });

  it('lists the time claims', () => {
    expect(TIME_CLAIMS).toEqual(['exp', 'nbf', 'iat', 'auth_time']);
  });
});

describe('listClaims', () => {
  it('gives one row per claim in payload order, with descriptions and times', () => {
    const payload = JSON.parse(
      '{"iss":"joe","exp":1300819380,"http://example.com/is_root":true,"aud":["a","b"],"nbf":"soon","roles":{"x":[1]}}',
    ) as unknown;
    expect(listClaims(payload, EXP_MS - 5 * MINUTE, 'UTC')).toEqual([
      {
        name: 'iss',
        valueText: '"joe"',
        description: 'Issuer: who created and signed the token.',
        reference: 'RFC 7519 §4.1.1',
      },
      {
        name: 'exp',
        valueText: '1300819380',
        description: 'Expiration time: the token must not be accepted from then on.',
        reference: 'RFC 7519 §4.1.4',
        time: {
          iso: '2011-03-22T18:43:00Z',
          local: '22 Mar 2011, 18:43:00 UTC',
          relative: 'expires in 5 minutes',
        },
      },
      { name: 'http://example.com/is_root', valueText: 'true' },
      {
        name: 'aud',
        valueText: '["a","b"]',
        description: 'Audience: the recipients that must accept the token.',
        reference: 'RFC 7519 §4.1.3',
      },
      {
        name: 'nbf',
        valueText: '"soon"',
        description: 'Not before: the token must not be accepted before then.',
        reference: 'RFC 7519 §4.1.5',
        time: {
          problem:
            'Not a NumericDate: "soon" is a string, not a number; a NumericDate is a JSON number of seconds since 1970 (RFC 7519 §2).',
        },
      },
      {
        name: 'roles',
        valueText: '{"x":[1]}',
        description: 'Roles of the subject, for authorization.',
        reference: 'RFC 9068 §2.2.3.1 (SCIM, RFC 7643 §4.1.2)',
      },
    ]);
  });

  it('treats "__proto__" and "toString" as ordinary claims', () => {
    const payload = JSON.parse('{"__proto__":{"a":1},"toString":"x"}') as unknown;
    expect(listClaims(payload, 0)).toEqual([
      { name: '__proto__', valueText: '{"a":1}' },
      { name: 'toString', valueText: '"x"' },
    ]);
  });

  it('gives no rows for a payload that is not an object', () => {
    for (const payload of [undefined, null, 'text', 42, [1, 2], true]) {
      expect(listClaims(payload, 0)).toEqual([]);
    }
  });

  it('does not throw on values JSON.stringify cannot write', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(listClaims({ big: 10n, cyclic }, 0).map((row) => row.valueText)).toEqual([
      '10',
      '[object Object]',
    ]);
  });
});
