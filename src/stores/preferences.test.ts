import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERSISTED_FIELDS, sanitizePreferences } from './preferences.ts';

const SETTINGS = {
  authorizationEndpoint: 'https://auth.example/authorize',
  tokenEndpoint: 'https://auth.example/token',
  clientId: 'app',
  redirectUri: 'https://app.example/cb',
  scope: 'openid',
};

describe('sanitizePreferences', () => {
  it('keeps well-formed saved state', () => {
    expect(sanitizePreferences({ theme: 'dark', pkceSettings: SETTINGS })).toEqual({
      theme: 'dark',
      pkceSettings: SETTINGS,
    });
  });

  it('falls back to defaults for anything of the wrong type or shape', () => {
    expect(sanitizePreferences(null)).toEqual({ theme: 'system', pkceSettings: null });
    expect(sanitizePreferences([1, 2])).toEqual({ theme: 'system', pkceSettings: null });
    expect(sanitizePreferences({ theme: '<img src=x>', pkceSettings: 'x' })).toEqual({
      theme: 'system',
      pkceSettings: null,
    });
  });

  it('blanks settings fields that are not strings or are too long, and drops unknown ones', () => {
    const saved = {
      pkceSettings: { ...SETTINGS, clientId: 42, scope: 'x'.repeat(5000), verifier: 'secret' },
    };
    expect(sanitizePreferences(saved).pkceSettings).toEqual({
      ...SETTINGS,
      clientId: '',
      scope: '',
    });
  });

  it('never throws and always returns exactly the known fields', () => {
    fc.assert(
      fc.property(fc.anything(), (saved) => {
        expect(Object.keys(sanitizePreferences(saved)).sort()).toEqual(
          Object.keys(PERSISTED_FIELDS).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
