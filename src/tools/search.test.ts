import { describe, expect, it } from 'vitest';
import { TOOLS } from './registry.ts';
import { searchTools } from './search.ts';
import type { ToolMeta } from './tool-meta.ts';

const tool = (id: string, title: string, keywords: string[] = [], summary = ''): ToolMeta => ({
  id,
  path: `/${id}`,
  title,
  keywords,
  summary,
});

const ALPHA = tool('alpha', 'Alpha', ['shared'], 'mentions gamma');
const BETA = tool('beta', 'Beta Alpha', ['gamma']);
const GAMMA = tool('gamma', 'Gamma', [], 'plain');

describe('searchTools', () => {
  it('returns every tool in registry order for an empty or blank query', () => {
    expect(searchTools([ALPHA, BETA, GAMMA], '')).toEqual([ALPHA, BETA, GAMMA]);
    expect(searchTools([ALPHA, BETA, GAMMA], '   ')).toEqual([ALPHA, BETA, GAMMA]);
  });

  it('ranks a title prefix above a title substring above a keyword above the summary', () => {
    expect(searchTools([ALPHA, BETA, GAMMA], 'gamma').map((t) => t.id)).toEqual([
      'gamma',
      'beta',
      'alpha',
    ]);
    expect(searchTools([BETA, ALPHA], 'alpha').map((t) => t.id)).toEqual(['alpha', 'beta']);
  });

  it('requires every word to match, case-insensitively', () => {
    expect(searchTools([ALPHA, BETA, GAMMA], 'ALPHA shared')).toEqual([ALPHA]);
    expect(searchTools([ALPHA, BETA, GAMMA], 'alpha nothing')).toEqual([]);
  });

  it('ranks an exact keyword above one that merely contains the word', () => {
    const exact = tool('exact', 'Exact', ['s256']);
    const partial = tool('partial', 'Partial', ['hs256']);
    expect(searchTools([partial, exact], 's256').map((t) => t.id)).toEqual(['exact', 'partial']);
  });

  it('finds the real tools by keyword', () => {
    expect(searchTools(TOOLS, 's256')[0]?.id).toBe('pkce');
    expect(searchTools(TOOLS, 'hex')[0]?.id).toBe('base64');
  });
});
