// What every tool says about itself; the registry, routes, home cards, nav and palette all read it.

export interface ToolMeta {
  /** Folder name, URL segment and id, all the same (ARCHITECTURE rule 8). */
  readonly id: string;
  /** The route path, `/${id}`. */
  readonly path: `/${string}`;
  /** The page's h1, the nav link and the card title. */
  readonly title: string;
  /** One line for the home card and the palette. */
  readonly summary: string;
  /** Extra words the command palette matches on. */
  readonly keywords: readonly string[];
}

/** The document title of a tool page, one format everywhere. */
export function pageTitle(title: string): string {
  return `${title} · API Security Toolkit`;
}
