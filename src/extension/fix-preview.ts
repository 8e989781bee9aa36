/**
 * A finding's code before and after its fix, as a short snippet of the user's own code: what the
 * hover shows and what the lesson panel receives. Offsets are the analyser's UTF-16 offsets.
 */
import type { Finding, Fix } from '../analyzer/types';

const MAX_SNIPPET_LINES = 12;

export interface FixPreview {
  before: string;
  after?: string;
}

export function previewFix(text: string, finding: Finding, fix: Fix | undefined): FixPreview {
  const edits = [...(fix?.edits ?? [])].sort((a, b) => b.range[0] - a.range[0]);
  const from = Math.min(finding.range.offsets[0], ...edits.map((edit) => edit.range[0]));
  const to = Math.max(finding.range.offsets[1], ...edits.map((edit) => edit.range[1]));
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const newline = text.indexOf('\n', to);
  const lineEnd = newline === -1 ? text.length : newline;
  const before = text.slice(lineStart, lineEnd);
  if (!fix) return { before: tidy(before) };
  let after = before;
  for (const edit of edits) after = after.slice(0, edit.range[0] - lineStart) + edit.text + after.slice(edit.range[1] - lineStart);
  return { before: tidy(before), after: tidy(after) };
}

/** The preferred fix, else the first one. */
export function mainFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => fix.preferred) ?? finding.fixes[0];
}

/** Removes the common indentation and shortens long snippets. */
function tidy(snippet: string): string {
  const lines = snippet.replace(/\r/g, '').split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)![0].length));
  const dedented = lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0));
  return dedented.length > MAX_SNIPPET_LINES ? [...dedented.slice(0, MAX_SNIPPET_LINES), '…'].join('\n') : dedented.join('\n');
}
