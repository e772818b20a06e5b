// Turns a zero-based index into the words a person uses: "position 13 (line 2, column 4)".

/** Describes where index `at` of `text` is, 1-based, adding line and column when the text has lines. */
export function describePosition(text: string, at: number): string {
  const lineBreaks = countLineBreaksBefore(text, at);
  if (lineBreaks === 0 && text.indexOf('\n', at) === -1) return `position ${at + 1}`;
  // Not lastIndexOf('\n', -1) at the start: that still looks at index 0 and finds a leading "\n".
  const lineStart = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
  return `position ${at + 1} (line ${lineBreaks + 1}, column ${at - lineStart + 1})`;
}

function countLineBreaksBefore(text: string, at: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Names a character for an error message, showing invisible ones by code point. */
export function describeCharacter(text: string, at: number): string {
  const codePoint = text.codePointAt(at) ?? 0;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const printable =
    codePoint > 0x20 && codePoint !== 0x7f && !(codePoint >= 0x80 && codePoint < 0xa0);
  return printable ? `"${String.fromCodePoint(codePoint)}" (U+${hex})` : `U+${hex}`;
}
