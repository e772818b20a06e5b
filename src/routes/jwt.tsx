import { createFileRoute } from '@tanstack/react-router';
import { JWT_META } from '../tools/jwt/jwt.meta.ts';
import { JwtView } from '../tools/jwt/jwt-view.tsx';
import { pageTitle } from '../tools/tool-meta.ts';

export const Route = createFileRoute('/jwt')({
  head: () => ({ meta: [{ title: pageTitle(JWT_META.title) }] }),
  component: JwtView,
});
