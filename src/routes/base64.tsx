import { createFileRoute } from '@tanstack/react-router';
import { BASE64_META } from '../tools/base64/base64.meta.ts';
import { Base64View } from '../tools/base64/base64-view.tsx';
import { pageTitle } from '../tools/tool-meta.ts';

export const Route = createFileRoute('/base64')({
  head: () => ({ meta: [{ title: pageTitle(BASE64_META.title) }] }),
  component: Base64View,
});
