/** Turns the analyzer's findings into VS Code diagnostics (one job: the mapping). */
import * as vscode from 'vscode';
import type { FileNote, Finding, Severity, SourceRange } from '../analyzer/types';
import { lessonUri } from './lesson-links';

export const DIAGNOSTIC_SOURCE = 'Fallacy Lens';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** Analyzer ranges are 1-based lines and columns with an exclusive end; VS Code's are 0-based. */
export function toVsRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.start.line - 1, range.start.column - 1, range.end.line - 1, range.end.column - 1);
}

export function toDiagnostic(finding: Finding, rootUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(finding.range), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: lessonUri(finding) };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (related) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.joinPath(rootUri, related.file), toVsRange(related.range)), related.message),
    );
  }
  return diagnostic;
}

/** Only unused suppressions are worth a squiggle; other notes (parse errors, skipped files) go to the status item. */
export function noteToDiagnostic(note: FileNote): vscode.Diagnostic | undefined {
  if (note.kind !== 'unused-suppression' || !note.range) return undefined;
  const diagnostic = new vscode.Diagnostic(toVsRange(note.range), note.message, SEVERITIES[note.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.tags = [vscode.DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The finding a diagnostic (possibly a copy made by VS Code) stands for. */
export function isDiagnosticOf(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && code === finding.ruleId && diagnostic.range.isEqual(toVsRange(finding.range));
}
