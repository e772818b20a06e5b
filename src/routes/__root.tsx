import { createRootRoute, HeadContent, Link, Outlet } from '@tanstack/react-router';
import { Alert } from '../components/alert.tsx';
import { AppShell } from '../components/app-shell.tsx';
import { errorMessage } from '../lib/error-message.ts';

export const Route = createRootRoute({
  head: () => ({ meta: [{ title: 'API Security Toolkit' }] }),
  component: () => (
    <>
      <HeadContent />
      <AppShell>
        <Outlet />
      </AppShell>
    </>
  ),
  notFoundComponent: () => (
    <section className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">See all tools</Link>.
      </p>
    </section>
  ),
  // A last line of defence: tools return errors as values, so reaching this is a bug.
  errorComponent: ({ error }) => (
    <section className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <Alert>
        This page hit an unexpected error: {errorMessage(error)}. Reloading the page usually helps;
        nothing you entered was sent anywhere.
      </Alert>
      <p>
        <Link to="/">Back to all tools</Link>
      </p>
    </section>
  ),
});
