// Applies the theme preference to <html data-theme>, following the OS when the choice is "system".
import { useEffect } from 'react';
import { usePreferences, type ThemeChoice } from '../stores/preferences.ts';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && matchMedia(DARK_QUERY).matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Keeps <html data-theme> in step with the stored choice and, for "system", with the OS. */
export function useAppliedTheme(): void {
  const theme = usePreferences((state) => state.theme);
  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system') return;
    const query = matchMedia(DARK_QUERY);
    const follow = () => {
      applyTheme('system');
    };
    query.addEventListener('change', follow);
    return () => {
      query.removeEventListener('change', follow);
    };
  }, [theme]);
}

/** Sets the theme before React's first paint, so a dark-mode user never sees a white flash. */
export function applyStoredThemeEarly(): void {
  applyTheme(usePreferences.getState().theme);
}
