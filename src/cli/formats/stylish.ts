/**
 * The default terminal format, after ESLint's "stylish": findings grouped by file as
 * `line:col  severity  message  rule-id`, then a summary per fallacy and what was not judged.
 */
import type { FileResult, Severity } from '../../analyzer/types';
import type { Palette } from '../colors';
import {
  allFindings,
  compareFindings,
  countByFallacy,
  countBySeverity,
  fileNotes,
  isSkipNote,
  plural,
  toolNotes,
  totalUndetermined,
  type Report,
  type ReportNote,
} from '../report';

interface Row {
  position: string;
  severity: Severity;
  message: string;
  rule: string;
}

export function formatStylish(report: Report, colors: Palette): string {
  const blocks = report.files.map((file) => fileBlock(file, colors)).filter((block) => block !== '');
  const runNotes = toolNotes(report);
  const out = [...blocks];
  if (runNotes.length > 0) out.push(toolNoteBlock(runNotes, colors));
  out.push(summary(report, colors));
  return `${out.join('\n\n')}\n`;
}

function fileBlock(file: FileResult, colors: Palette): string {
  const rows: Row[] = [
    ...file.notes
      .filter((note) => !isSkipNote(note))
      .map((note) => ({ position: position(note.range?.start), severity: note.severity, message: note.message, rule: note.kind })),
    ...[...file.findings].sort(compareFindings).map((f) => ({ position: position(f.range.start), severity: f.severity, message: f.message, rule: f.ruleId })),
  ];
  if (rows.length === 0) return '';
  return [colors.underline(file.file), ...table(rows, colors)].join('\n');
}

function toolNoteBlock(notes: ReportNote[], colors: Palette): string {
  const rows = notes.map((note) => ({ position: '', severity: note.severity, message: note.file ? `${note.file}: ${note.message}` : note.message, rule: note.kind }));
  return [colors.underline('fallacy-lens'), ...table(rows, colors)].join('\n');
}

function table(rows: Row[], colors: Palette): string[] {
  const width = (pick: (row: Row) => string): number => Math.max(...rows.map((row) => pick(row).length));
  const positionWidth = width((r) => r.position);
  const severityWidth = width((r) => r.severity);
  const messageWidth = Math.min(width((r) => oneLine(r.message)), 100);
  return rows.map((row) =>
    [
      ' ',
      colors.dim(row.position.padStart(positionWidth)),
      paintSeverity(row.severity, colors)(row.severity.padEnd(severityWidth)),
      oneLine(row.message).padEnd(messageWidth),
      colors.dim(row.rule),
    ]
      .filter((_, i) => i !== 1 || positionWidth > 0)
      .join('  '),
  );
}

function summary(report: Report, colors: Palette): string {
  const findings = allFindings(report);
  const counts = countBySeverity(findings);
  const lines: string[] = [];
  if (findings.length === 0) {
    lines.push(colors.green(`✔ No problems found in ${plural(report.filesScanned, 'file')}.`));
  } else {
    const worst = counts.error > 0 ? colors.red : counts.warning > 0 ? colors.yellow : colors.blue;
    lines.push(
      worst(
        colors.bold(
          `✖ ${plural(findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info) in ${plural(report.files.filter((f) => f.findings.length > 0).length, 'file')}`,
        ),
      ),
    );
    lines.push('', ...fallacyTable(report, colors));
  }
  lines.push(...footnotes(report, colors));
  return lines.join('\n');
}

function fallacyTable(report: Report, colors: Palette): string[] {
  const rows = countByFallacy(allFindings(report)).filter((row) => row.error + row.warning + row.info > 0);
  const labels = rows.map((row) => `${row.fallacy}. ${row.name}`);
  const labelWidth = Math.max('Fallacy'.length, ...labels.map((l) => l.length));
  const header = `  ${'Fallacy'.padEnd(labelWidth)}  ${'error'.padStart(5)}  ${'warning'.padStart(7)}  ${'info'.padStart(4)}`;
  return [
    colors.bold(header),
    ...rows.map(
      (row, i) => `  ${labels[i].padEnd(labelWidth)}  ${String(row.error).padStart(5)}  ${String(row.warning).padStart(7)}  ${String(row.info).padStart(4)}`,
    ),
  ];
}

function footnotes(report: Report, colors: Palette): string[] {
  const lines: string[] = [];
  const undetermined = totalUndetermined(report);
  if (undetermined > 0) {
    lines.push(colors.dim(`${plural(undetermined, 'call site')} undetermined: their configuration could not be resolved statically, so they were not judged.`));
  }
  const skipped = fileNotes(report).filter(isSkipNote);
  if (skipped.length > 0) {
    const names = skipped.slice(0, 5).map((note) => `${note.file} (${note.kind.replace('skipped-', '')})`);
    const more = skipped.length > 5 ? `, and ${skipped.length - 5} more` : '';
    lines.push(colors.dim(`${plural(skipped.length, 'file')} skipped: ${names.join(', ')}${more}.`));
  }
  if (report.fixesApplied > 0) lines.push(colors.green(`${plural(report.fixesApplied, 'fix', 'fixes')} applied.`));
  if (report.changedSince) lines.push(colors.dim(`Only lines changed since ${report.changedSince} are reported.`));
  return lines.length > 0 ? ['', ...lines] : [];
}

function position(at: { line: number; column: number } | undefined): string {
  return at ? `${at.line}:${at.column}` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function paintSeverity(severity: Severity, colors: Palette): (text: string) => string {
  return severity === 'error' ? colors.red : severity === 'warning' ? colors.yellow : colors.blue;
}
