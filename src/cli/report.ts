/**
 * What a scan reports, independent of the output format, and the counts every format shows.
 */
import { RULES, ruleDocsUrl } from '../analyzer';
import { FALLACIES } from '../analyzer/fallacies';
import type { FallacyNumber, FileNote, FileResult, Finding, NoteKind, RuleId, Severity, SourceRange } from '../analyzer/types';
import type { ToolNote } from '../runner/run-analysis';

/** A rule's catalog entry (the analyzer's RULES) with the address of its documentation. */
export interface RuleInfo {
  id: RuleId;
  fallacy: FallacyNumber;
  defaultSeverity: Severity;
  description: string;
  lesson: string;
  docsUrl: string;
}

export function ruleCatalog(): RuleInfo[] {
  return RULES.map(({ id, fallacy, defaultSeverity, description, lesson }) => ({ id, fallacy, defaultSeverity, description, lesson, docsUrl: ruleDocsUrl(id) }));
}

export interface Report {
  /** Results of the reported files, sorted by path, after --changed-since and --quiet. */
  files: FileResult[];
  toolNotes: ToolNote[];
  rules: readonly RuleInfo[];
  analyzerVersion: string;
  /** Absolute project root: paths in `files` are relative to it. */
  root: string;
  /** Files analysed or skipped, before any filtering. */
  filesScanned: number;
  fixesApplied: number;
  changedSince?: string;
}

/** A file note or a tool note, with the file it is about (tool notes may concern no file). */
export interface ReportNote {
  file?: string;
  kind: NoteKind | ToolNote['kind'];
  severity: Severity;
  message: string;
  range?: SourceRange;
}

export type SeverityCounts = Record<Severity, number>;

export interface FallacyRow extends SeverityCounts {
  fallacy: FallacyNumber;
  name: string;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
const SKIP_KINDS: readonly string[] = ['skipped-too-large', 'skipped-minified', 'skipped-binary'];

/** Every finding, by file, then position, then rule. */
export function allFindings(report: Report): Finding[] {
  return report.files.flatMap((file) => [...file.findings].sort(compareFindings));
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

export function allNotes(report: Report): ReportNote[] {
  return [...fileNotes(report), ...toolNotes(report)];
}

export function fileNotes(report: Report): ReportNote[] {
  return report.files.flatMap((file) => file.notes.map((note: FileNote) => ({ file: file.file, ...note })));
}

/** Notes about the run rather than about a file's contents (crashed workers, unreadable files). */
export function toolNotes(report: Report): ReportNote[] {
  return report.toolNotes.map((note) => ({ ...note, severity: toolNoteSeverity(note) }));
}

export function isSkipNote(note: { kind: string }): boolean {
  return SKIP_KINDS.includes(note.kind);
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** One row per fallacy, all eight, in canonical order. */
export function countByFallacy(findings: readonly Finding[]): FallacyRow[] {
  return (Object.keys(FALLACIES).map(Number) as FallacyNumber[]).map((fallacy) => ({
    fallacy,
    name: FALLACIES[fallacy].name,
    ...countBySeverity(findings.filter((f) => f.fallacy === fallacy)),
  }));
}

export function totalUndetermined(report: Report): number {
  return report.files.reduce((sum, file) => sum + file.undetermined, 0);
}

export function ruleInfo(report: Report, id: RuleId): RuleInfo | undefined {
  return report.rules.find((rule) => rule.id === id);
}

/** A crashed worker's files were analysed again, so that is informational; a failed analysis is not. */
function toolNoteSeverity(note: ToolNote): Severity {
  return note.kind === 'worker-crash' ? 'info' : 'warning';
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
