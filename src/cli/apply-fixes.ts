/**
 * `--fix`: applies the safe fix of each reported finding, ESLint-style — per file, fixes whose
 * edits would overlap or touch an already chosen fix wait for the next pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeSource, encodeSource } from '../analyzer/source-file';
import type { FileResult, Fix, TextEdit } from '../analyzer/types';

export interface FixPassResult {
  fixesApplied: number;
  filesChanged: string[];
}

export function applySafeFixes(root: string, files: readonly FileResult[]): FixPassResult {
  const result: FixPassResult = { fixesApplied: 0, filesChanged: [] };
  for (const file of files) {
    const fixes = chooseFixes(file.findings.flatMap((finding) => safeFixOf(finding.fixes) ?? []));
    if (fixes.length === 0) continue;
    if (rewrite(path.join(root, ...file.file.split('/')), fixes)) {
      result.fixesApplied += fixes.length;
      result.filesChanged.push(file.file);
    }
  }
  return result;
}

/** The fix to apply for one finding: a safe one, the preferred one first. */
function safeFixOf(fixes: readonly Fix[]): Fix | undefined {
  const safe = fixes.filter((fix) => fix.safe && fix.edits.length > 0);
  return safe.find((fix) => fix.preferred) ?? safe[0];
}

/** Fixes in offset order that neither overlap nor touch each other (insertions at one point would be ambiguous). */
export function chooseFixes(candidates: readonly Fix[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit['range'][] = [];
  const ordered = [...candidates].sort((a, b) => firstOffset(a) - firstOffset(b));
  for (const fix of ordered) {
    const ranges = fix.edits.map((edit) => edit.range);
    if (ranges.some((r) => taken.some((t) => r[0] <= t[1] && t[0] <= r[1]))) continue;
    chosen.push(fix);
    taken.push(...ranges);
  }
  return chosen;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineBreak = /\r\n/.test(text) ? '\r\n' : '\n';
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    // Inserted text follows the file's line endings.
    const inserted = edit.text.replace(/\r?\n/g, lineBreak);
    out = out.slice(0, edit.range[0]) + inserted + out.slice(edit.range[1]);
  }
  return out;
}

/** Rewrites the file in its own encoding; never a file whose text was not decoded exactly. */
function rewrite(absolute: string, fixes: readonly Fix[]): boolean {
  const decoded = decodeSource(readFileSync(absolute));
  if (decoded.skipped || decoded.lossy) return false;
  const fixed = applyEdits(decoded.text, fixes.flatMap((fix) => fix.edits));
  if (fixed === decoded.text) return false;
  writeFileSync(absolute, encodeSource(fixed, decoded.encoding));
  return true;
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.range[0]));
}
