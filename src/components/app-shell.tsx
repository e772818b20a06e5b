// The frame around every page: skip link, header with nav, palette and theme, main, privacy line.
import { Link } from '@tanstack/react-router';
import { useRef, type ReactNode } from 'react';
import { TOOLS } from '../tools/registry.ts';
import { CommandPalette } from './command-palette.tsx';
import { ThemeSwitch } from './theme-switch.tsx';
import { useAppliedTheme } from './theme.ts';
import { ToolLink } from './tool-link.tsx';

export function AppShell({ children }: { readonly children: ReactNode }) {
  useAppliedTheme();
  const main = useRef<HTMLElement>(null);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-accent px-3 py-2 text-accent-ink focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        onClick={(event) => {
          // A plain #fragment would be read as a route by the hash router: move focus instead.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="text-lg font-bold text-ink no-underline hover:no-underline">
            API Security Toolkit
          </Link>
          <nav aria-label="Tools" className="order-last w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {TOOLS.map((tool) => (
                <li key={tool.id}>
                  <ToolLink
                    tool={tool}
                    className="block rounded-md px-3 py-1.5 text-sm font-medium text-ink no-underline hover:bg-sunken hover:no-underline aria-[current=page]:bg-sunken aria-[current=page]:text-accent"
                  >
                    {tool.title}
                  </ToolLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <CommandPalette />
            <ThemeSwitch />
          </div>
        </div>
      </header>
      <main
        id="main-content"
        ref={main}
        tabIndex={-1}
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none"
      >
        {children}
      </main>
      <footer className="border-t border-line bg-surface">
        <p className="mx-auto max-w-6xl px-4 py-3 text-sm text-muted">
          Runs entirely in your browser; nothing is sent anywhere.{' '}
          <Link to="/privacy">How this is enforced</Link>
        </p>
      </footer>
    </div>
  );
}
