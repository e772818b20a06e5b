// A link to a tool by its registry path; the one place a registry path becomes a typed route.
import { Link, type LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ToolMeta } from '../tools/tool-meta.ts';

/** The router's typed `to` only knows literal paths; registry paths are checked by e2e/app.spec.ts. */
export function toolRoute(tool: ToolMeta): LinkProps['to'] {
  return tool.path as LinkProps['to'];
}

interface ToolLinkProps {
  readonly tool: ToolMeta;
  readonly className?: string;
  readonly children: ReactNode;
}

export function ToolLink({ tool, className, children }: ToolLinkProps) {
  return (
    <Link to={toolRoute(tool)} className={className} activeProps={{ 'aria-current': 'page' }}>
      {children}
    </Link>
  );
}
