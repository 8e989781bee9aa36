/** Tables and the "## Repository scan" section of docs/BENCHMARKS.md. */
import * as fs from 'node:fs';

export function table(header: string[], rows: string[][], align?: Array<'l' | 'r'>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number): string => ((align?.[i] ?? 'l') === 'r' ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (cells: string[]): string => cells.map(cell).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(header: string[], rows: string[][], align?: Array<'l' | 'r'>): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `| ${header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const SECTION_HEADING = '## Repository scan';
export const RESULTS_START = '<!-- repository-scan:results:start -->';
export const RESULTS_END = '<!-- repository-scan:results:end -->';
export const HISTORY_START = '<!-- repository-scan:history:start -->';
export const HISTORY_END = '<!-- repository-scan:history:end -->';

/** Where a level-2 section starts and ends (end = start of the next level-2 heading, or EOF). */
export function findSection(doc: string, heading: string): { start: number; end: number } | null {
  const lines = doc.split('\n');
  let offset = 0;
  let start = -1;
  let inFence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence) {
      if (start < 0 && line.trimEnd() === heading) start = offset;
      else if (start >= 0 && /^## /.test(line)) return { start, end: offset };
    }
    offset += line.length + 1;
  }
  return start >= 0 ? { start, end: doc.length } : null;
}

function replaceBetween(text: string, startMark: string, endMark: string, body: string): string | null {
  const a = text.indexOf(startMark);
  const b = text.indexOf(endMark);
  if (a < 0 || b < a) return null;
  return `${text.slice(0, a + startMark.length)}\n${body.trim()}\n${text.slice(b)}`;
}

export const resultsStart = (key: string): string => `<!-- repository-scan:results:${key}:start -->`;
export const resultsEnd = (key: string): string => `<!-- repository-scan:results:${key}:end -->`;

/**
 * Puts the latest results into the "## Repository scan" section, one block per corpus (a run of one
 * corpus replaces that corpus's block only), and appends lines to its history,
 * leaving the rest of the document (other sections, hand-written notes in this one) alone. Creates the
 * document or the section (from `template`) when missing.
 */
export function updateSection(doc: string, template: string, results: Array<{ key: string; body: string }>, historyRows: string[]): string {
  let text = doc;
  if (!text.trim()) text = '# Benchmarks\n';
  let sec = findSection(text, SECTION_HEADING);
  if (!sec) {
    text = `${text.trimEnd()}\n\n${template.trim()}\n`;
    sec = findSection(text, SECTION_HEADING)!;
  }
  let section = text.slice(sec.start, sec.end);
  const trailing = section.endsWith('\n\n') || sec.end === text.length ? '' : '\n';
  if (!section.includes(RESULTS_END)) section = `${section.trimEnd()}\n\n${RESULTS_START}\n${RESULTS_END}\n`;
  for (const { key, body } of results) {
    const replaced = replaceBetween(section, resultsStart(key), resultsEnd(key), body);
    if (replaced !== null) section = replaced;
    else {
      const at = section.indexOf(RESULTS_END);
      section = `${section.slice(0, at)}${resultsStart(key)}\n${body.trim()}\n${resultsEnd(key)}\n${section.slice(at)}`;
    }
  }
  const hs = section.indexOf(HISTORY_START);
  const he = section.indexOf(HISTORY_END);
  if (hs >= 0 && he > hs) {
    const existing = section.slice(hs + HISTORY_START.length, he).trim();
    const merged = [existing, ...historyRows].filter(Boolean).join('\n');
    section = replaceBetween(section, HISTORY_START, HISTORY_END, merged)!;
  }
  return text.slice(0, sec.start) + section + trailing + text.slice(sec.end);
}

export function writeDoc(docPath: string, template: string, results: Array<{ key: string; body: string }>, historyRows: string[]): void {
  const doc = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '';
  fs.writeFileSync(docPath, updateSection(doc, template, results, historyRows));
}
