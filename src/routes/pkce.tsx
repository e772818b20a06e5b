import { createFileRoute } from '@tanstack/react-router';
import { PKCE_META } from '../tools/pkce/pkce.meta.ts';
import { PkceView } from '../tools/pkce/pkce-view.tsx';
import { pageTitle } from '../tools/tool-meta.ts';

export const Route = createFileRoute('/pkce')({
  head: () => ({ meta: [{ title: pageTitle(PKCE_META.title) }] }),
  component: PkceView,
});
