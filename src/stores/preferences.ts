// The one persisted store: preferences only. Secrets never come here (ARCHITECTURE rule 3).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { isRecord } from '../lib/is-record.ts';

export type ThemeChoice = 'light' | 'dark' | 'system';

/** Non-secret OAuth client settings the PKCE tool may remember, only when the user opts in. */
export interface PkceSettings {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: string;
}

export interface PreferencesState {
  readonly theme: ThemeChoice;
  /** null unless the user ticked "Remember these settings"; never holds a verifier, state or nonce. */
  readonly pkceSettings: PkceSettings | null;
}

interface PreferencesActions {
  readonly setTheme: (theme: ThemeChoice) => void;
  readonly setPkceSettings: (settings: PkceSettings | null) => void;
}

/**
 * Which fields are written to localStorage. The type covers every key of the state, so a new
 * field does not compile until someone decides whether it persists (the excalidraw pattern).
 */
export const PERSISTED_FIELDS: { readonly [K in keyof PreferencesState]: boolean } = {
  theme: true,
  pkceSettings: true,
};

export const PREFERENCES_STORAGE_KEY = 'api-security-toolkit:preferences';
const MAX_SETTING_LENGTH = 2048;

const DEFAULTS: PreferencesState = { theme: 'system', pkceSettings: null };

/**
 * Rebuilds state from whatever storage held: anything of the wrong type or shape, or too long,
 * falls back to the default. Saved state is input like any other and may have been tampered with.
 */
export function sanitizePreferences(saved: unknown): PreferencesState {
  const record = isRecord(saved) ? saved : {};
  const theme = record.theme;
  return {
    theme: theme === 'light' || theme === 'dark' || theme === 'system' ? theme : DEFAULTS.theme,
    pkceSettings: sanitizePkceSettings(record.pkceSettings),
  };
}

function sanitizePkceSettings(saved: unknown): PkceSettings | null {
  if (!isRecord(saved)) return null;
  const field = (name: keyof PkceSettings): string => {
    const value = saved[name];
    return typeof value === 'string' && value.length <= MAX_SETTING_LENGTH ? value : '';
  };
  return {
    authorizationEndpoint: field('authorizationEndpoint'),
    tokenEndpoint: field('tokenEndpoint'),
    clientId: field('clientId'),
    redirectUri: field('redirectUri'),
    scope: field('scope'),
  };
}

function persistedPart(state: PreferencesState): Partial<PreferencesState> {
  const part: Record<string, unknown> = {};
  for (const key of Object.keys(PERSISTED_FIELDS) as (keyof PreferencesState)[]) {
    if (PERSISTED_FIELDS[key]) part[key] = state[key];
  }
  return part;
}

type Preferences = PreferencesState & PreferencesActions;

export const usePreferences = create<Preferences>()(
  persist<Preferences, [], [], Partial<PreferencesState>>(
    (set) => ({
      ...DEFAULTS,
      setTheme: (theme) => {
        set({ theme });
      },
      setPkceSettings: (pkceSettings) => {
        set({ pkceSettings });
      },
    }),
    {
      name: PREFERENCES_STORAGE_KEY,
      version: 1,
      // A storage that throws (private mode, quota, disabled) must not break the app.
      storage: createJSONStorage(() => localStorage),
      partialize: persistedPart,
      merge: (saved, current): Preferences => ({ ...current, ...sanitizePreferences(saved) }),
      // Every version's data goes through the same sanitiser: unknown shapes become defaults.
      migrate: (saved) => sanitizePreferences(saved) as Preferences,
    },
  ),
);
