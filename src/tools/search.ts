// Ranks tools for the command palette: by title, then id, then keywords and summary.
import type { ToolMeta } from './tool-meta.ts';

/**
 * Tools matching every word of `query` (case-insensitive), best first: a title or id that starts
 * with the word, then an exact keyword, a title containing it, a keyword starting with or
 * containing it, and last the summary.
 * An empty query returns all tools in registry order. Does not do fuzzy (out-of-order letter) matching.
 */
export function searchTools(tools: readonly ToolMeta[], query: string): ToolMeta[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...tools];
  const scored: { tool: ToolMeta; score: number; index: number }[] = [];
  tools.forEach((tool, index) => {
    let score = 0;
    for (const word of words) {
      const wordScore = scoreWord(tool, word);
      if (wordScore === 0) return;
      score += wordScore;
    }
    scored.push({ tool, score, index });
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => entry.tool);
}

function scoreWord(tool: ToolMeta, word: string): number {
  const title = tool.title.toLowerCase();
  if (title.startsWith(word) || tool.id.startsWith(word)) return 8;
  const keywords = tool.keywords.map((keyword) => keyword.toLowerCase());
  if (keywords.includes(word)) return 6;
  if (title.includes(word)) return 4;
  if (keywords.some((keyword) => keyword.startsWith(word))) return 3;
  if (keywords.some((keyword) => keyword.includes(word))) return 2;
  if (tool.summary.toLowerCase().includes(word)) return 1;
  return 0;
}
