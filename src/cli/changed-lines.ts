/**
 * `--changed-since REF`: which lines of which files changed since a git ref (working tree against
 * REF, so staged and unstaged edits count), plus untracked files as wholly new.
 */
import type { FileResult, Finding, SourceRange } from '../analyzer/types';
import { git } from './git';
import { UsageError } from './usage-error';

export interface FileChanges {
  /** Lines added or modified (1-based, in the current file). */
  lines: Set<number>;
  /** A deletion between line n and n + 1 (n = 0: before the first line). */
  deletionsAfter: Set<number>;
}

/** Posix path relative to the project root → its changes; 'all' for untracked files. */
export type ChangedLines = Map<string, FileChanges | 'all'>;

export function changedLinesSince(root: string, ref: string): ChangedLines {
  const purpose = `--changed-since ${ref}`;
  if (ref.startsWith('-')) throw new UsageError(`${purpose}: not a git ref.`);
  git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], `${purpose}: unknown git ref '${ref}'`);
  // --relative: paths relative to the project root even when it is below the repository's top.
  const diff = git(root, ['diff', '--unified=0', '--no-color', '--no-ext-diff', '--src-prefix=a/', '--dst-prefix=b/', '--relative', '-M', ref, '--'], purpose);
  const changed: ChangedLines = parseUnifiedDiff(diff);
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z'], purpose);
  for (const file of untracked.split('\0').filter(Boolean)) changed.set(file, 'all');
  return changed;
}

export function parseUnifiedDiff(diff: string): Map<string, FileChanges> {
  const changed = new Map<string, FileChanges>();
  let current: FileChanges | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : { lines: new Set(), deletionsAfter: new Set() };
      if (current) changed.set(stripPrefix(unquote(target)), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (!hunk || !current) continue;
    const start = Number(hunk[1]);
    const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
    // With count 0 the hunk only deletes, and `start` is the line before the deletion.
    if (count === 0) current.deletionsAfter.add(start);
    for (let n = start; n < start + count; n++) current.lines.add(n);
  }
  return changed;
}

/** Keeps the findings whose range touches a changed line, and the notes and counts of changed files. */
export function filterToChanged(files: readonly FileResult[], changed: ChangedLines): FileResult[] {
  return files.flatMap((file) => {
    const changes = changed.get(file.file);
    if (!changes) return [];
    if (changes === 'all') return [file];
    return [{ ...file, findings: file.findings.filter((finding) => touches(finding, changes)) }];
  });
}

export function touches(finding: Finding, changes: FileChanges): boolean {
  const [first, last] = lineSpan(finding.range);
  for (let line = first; line <= last; line++) if (changes.lines.has(line)) return true;
  for (const after of changes.deletionsAfter) if (after >= first && after < last) return true;
  return false;
}

/** First and last line a range covers; an exclusive end at column 1 does not cover its line. */
function lineSpan(range: SourceRange): [number, number] {
  const last = range.end.column === 1 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  return [range.start.line, last];
}

function stripPrefix(path: string): string {
  return path.startsWith('b/') ? path.slice(2) : path;
}

/** Git quotes unusual paths C-style ("a\tb", octal bytes for non-ASCII when quotePath is on). */
function unquote(path: string): string {
  if (!path.startsWith('"') || !path.endsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') {
      bytes.push(...new TextEncoder().encode(body[i]));
    } else if (/[0-7]{3}/.test(body.slice(i + 1, i + 4))) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[body[i + 1]] ?? body.charCodeAt(i + 1));
      i++;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
