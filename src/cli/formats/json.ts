/**
 * Machine-readable report, version 1. The shape is documented in docs/cli.md; fields are only
 * ever added within a version.
 */
import { TOOL } from '../tool-info';
import { allFindings, allNotes, countByFallacy, countBySeverity, isSkipNote, totalUndetermined, type Report } from '../report';

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: Report): string {
  const findings = allFindings(report);
  const notes = allNotes(report);
  const document = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL.name, version: TOOL.version, analyzerVersion: report.analyzerVersion },
    ...(report.changedSince ? { changedSince: report.changedSince } : {}),
    files: report.files.map((file) => ({
      path: file.file,
      findings: file.findings.length,
      notes: file.notes.length,
      undetermined: file.undetermined,
      skipped: file.notes.some(isSkipNote),
    })),
    findings: findings.map((finding) => ({ ...finding, docsUrl: report.rules.find((r) => r.id === finding.ruleId)?.docsUrl })),
    notes: notes.map((note) => ({ file: note.file ?? null, kind: note.kind, severity: note.severity, message: note.message, ...(note.range ? { range: note.range } : {}) })),
    undetermined: totalUndetermined(report),
    summary: {
      findings: findings.length,
      bySeverity: countBySeverity(findings),
      byFallacy: countByFallacy(findings),
      filesScanned: report.filesScanned,
      filesSkipped: notes.filter(isSkipNote).length,
      fixesApplied: report.fixesApplied,
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
