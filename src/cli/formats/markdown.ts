/**
 * A pull-request comment: a summary table per fallacy, then the findings of each file in a
 * collapsible section. Kept under GitHub's 65 536-character comment limit.
 */
import type { Finding, Severity } from '../../analyzer/types';
import { TOOL } from '../tool-info';
import {
  allFindings,
  compareFindings,
  countByFallacy,
  countBySeverity,
  fileNotes,
  isSkipNote,
  plural,
  ruleInfo,
  toolNotes,
  totalUndetermined,
  type Report,
} from '../report';

/** Leaves room under GitHub's limit for the footer and whatever a bot wraps around the report. */
const MAX_LENGTH = 60_000;
const SEVERITY_ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', info: '🔵' };

export function formatMarkdown(report: Report): string {
  const findings = allFindings(report);
  const head = [heading(report, findings), ''];
  if (findings.length > 0) head.push(...fallacyTable(findings), '');
  const footer = footerLines(report);
  const sections: string[] = [];
  let length = [...head, ...footer].join('\n').length;
  const files = report.files.filter((file) => file.findings.length > 0 || file.notes.some((n) => !isSkipNote(n)));
  for (const [i, file] of files.entries()) {
    const section = fileSection(report, file.file, [...file.findings].sort(compareFindings), file.notes.filter((n) => !isSkipNote(n)).map((n) => n.message));
    if (length + section.length > MAX_LENGTH) {
      sections.push(`_…and ${plural(files.length - i, 'more file')} not shown (the comment would be too long). Run \`fallacy-lens scan\` locally for the full list._`, '');
      break;
    }
    sections.push(section);
    length += section.length;
  }
  return `${[...head, ...sections, ...footer].join('\n').trimEnd()}\n`;
}

function heading(report: Report, findings: Finding[]): string {
  const scope = report.changedSince ? ` on lines changed since \`${escapeCode(report.changedSince)}\`` : '';
  if (findings.length === 0) return `### ✅ ${TOOL.displayName}: no problems found${scope}`;
  const counts = countBySeverity(findings);
  return `### ${TOOL.displayName}: ${plural(findings.length, 'finding')}${scope} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info)`;
}

function fallacyTable(findings: Finding[]): string[] {
  const rows = countByFallacy(findings).filter((row) => row.error + row.warning + row.info > 0);
  return [
    '| Fallacy | Errors | Warnings | Info |',
    '|---|---:|---:|---:|',
    ...rows.map((row) => `| ${row.fallacy}. ${escapeCell(row.name)} | ${row.error} | ${row.warning} | ${row.info} |`),
  ];
}

function fileSection(report: Report, file: string, findings: Finding[], notes: string[]): string {
  const lines = [
    `<details><summary><code>${escapeHtml(file)}</code>: ${plural(findings.length, 'finding')}${notes.length > 0 ? `, ${plural(notes.length, 'note')}` : ''}</summary>`,
    '',
  ];
  if (findings.length > 0) {
    lines.push('| Line | Severity | Rule | Message |', '|---:|---|---|---|');
    for (const finding of findings) {
      const docs = ruleInfo(report, finding.ruleId)?.docsUrl;
      const rule = docs ? `[\`${finding.ruleId}\`](${docs})` : `\`${finding.ruleId}\``;
      lines.push(
        `| ${finding.range.start.line}:${finding.range.start.column} | ${SEVERITY_ICON[finding.severity]} ${finding.severity} | ${rule} | ${escapeCell(finding.message)} |`,
      );
    }
    lines.push('');
  }
  for (const note of notes) lines.push(`> ${escapeCell(note)}`, '');
  lines.push('</details>', '');
  return lines.join('\n');
}

function footerLines(report: Report): string[] {
  const facts: string[] = [`${plural(report.filesScanned, 'file')} scanned`];
  const undetermined = totalUndetermined(report);
  if (undetermined > 0) facts.push(`${plural(undetermined, 'call site')} undetermined (not judged)`);
  const skipped = fileNotes(report).filter(isSkipNote).length;
  if (skipped > 0) facts.push(`${plural(skipped, 'file')} skipped (minified, generated, binary or too large)`);
  const problems = toolNotes(report).length;
  if (problems > 0) facts.push(`${plural(problems, 'tool note')}`);
  return [`<sub>${facts.join(' · ')} · ${TOOL.name} ${TOOL.version}</sub>`];
}

/** Table cells: one line, no pipes, no HTML. */
function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}
