import { createFileRoute } from '@tanstack/react-router';
import { PrivacyPage } from '../components/privacy-page.tsx';
import { pageTitle } from '../tools/tool-meta.ts';

export const Route = createFileRoute('/privacy')({
  head: () => ({ meta: [{ title: pageTitle('Privacy') }] }),
  component: PrivacyPage,
});
