// The home page: one card per registered tool.
import { TOOLS } from '../tools/registry.ts';
import { ToolLink } from './tool-link.tsx';

export function HomePage() {
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">API Security Toolkit</h1>
        <p className="max-w-3xl text-muted">
          Tools for API developers and security engineers. Everything runs in this browser tab: no
          token, key or header you enter ever leaves it.
        </p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="All tools">
        {TOOLS.map((tool) => (
          <li key={tool.id} className="card flex flex-col gap-2">
            <h2 className="text-lg font-semibold">
              <ToolLink tool={tool}>{tool.title}</ToolLink>
            </h2>
            <p className="text-sm">{tool.summary}</p>
            <ul className="mt-auto flex flex-wrap gap-1" aria-label={`${tool.title} keywords`}>
              {tool.keywords.map((keyword) => (
                <li key={keyword} className="rounded bg-sunken px-2 py-0.5 text-xs text-muted">
                  {keyword}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
