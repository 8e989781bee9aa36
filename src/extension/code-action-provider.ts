/**
 * Quick fixes for findings: the analyzer's own fixes (the preferred one first), "disable for this
 * line" and "open lesson"; and `source.fixAll.fallacyLens`, which applies every safe fix at once.
 */
import * as vscode from 'vscode';
import { FALLACIES } from '../analyzer/fallacies';
import type { Finding, Fix } from '../analyzer/types';
import { disableCommentEdit } from './disable-comment';
import { isDiagnosticOf, toVsRange } from './finding-diagnostics';
import type { FindingStore } from './finding-store';
import { previewFix } from './fix-preview';
import { OPEN_LESSONS_COMMAND, splitLessonRef } from './lesson-links';
import type { OpenLessonsArgs } from './lesson-links';
import { editorSettings } from './settings';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('fallacyLens');

export class FindingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: FindingStore) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.store.get(document.uri);
    if (!analysis) return [];
    // Fixes carry offsets into the analysed text: only valid for exactly that version of the document.
    const fixesApply = analysis.version === document.version;
    if (context.only && FIX_ALL_KIND.contains(context.only) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      return fixesApply ? this.fixAll(document, analysis.findings) : [];
    }
    const settings = editorSettings(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const finding of analysis.findings) {
      const diagnostic = context.diagnostics.find((candidate) => isDiagnosticOf(candidate, finding));
      if (!diagnostic && !toVsRange(finding.range).intersection(range)) continue;
      if (fixesApply) {
        for (const fix of finding.fixes) actions.push(this.fixAction(document, fix, diagnostic));
      }
      actions.push(this.disableAction(document, finding, diagnostic, settings.disableCommentLocation));
      actions.push(this.lessonAction(document, finding, diagnostic));
    }
    return actions;
  }

  private fixAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of fix.edits) {
      action.edit.replace(document.uri, new vscode.Range(document.positionAt(edit.range[0]), document.positionAt(edit.range[1])), edit.text);
    }
    action.isPreferred = fix.preferred;
    action.diagnostics = diagnostic ? [diagnostic] : undefined;
    return action;
  }

  private disableAction(
    document: vscode.TextDocument,
    finding: Finding,
    diagnostic: vscode.Diagnostic | undefined,
    location: 'separateLine' | 'sameLine',
  ): vscode.CodeAction {
    const action = new vscode.CodeAction(`Disable ${finding.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(document.uri, [disableCommentEdit(document, finding.ruleId, finding.range.start.line - 1, location)]);
    action.diagnostics = diagnostic ? [diagnostic] : undefined;
    return action;
  }

  private lessonAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic | undefined): vscode.CodeAction {
    const fallacy = FALLACIES[finding.fallacy];
    const action = new vscode.CodeAction(`Open lesson: Fallacy ${fallacy.number}, ${fallacy.name}`, vscode.CodeActionKind.QuickFix);
    const preview = previewFix(document.getText(), finding, finding.fixes.find((fix) => fix.preferred));
    const args: OpenLessonsArgs = {
      ...splitLessonRef(finding.lesson),
      ruleId: finding.ruleId,
      snippet: { code: preview.before, language: document.languageId, fix: preview.after },
    };
    action.command = { command: OPEN_LESSONS_COMMAND, title: action.title, arguments: [args] };
    action.diagnostics = diagnostic ? [diagnostic] : undefined;
    return action;
  }

  /** One edit with every safe fix; a fix touching the code of an earlier one waits for the next run. */
  private fixAll(document: vscode.TextDocument, findings: Finding[]): vscode.CodeAction[] {
    const applied: Array<[number, number]> = [];
    const edit = new vscode.WorkspaceEdit();
    for (const finding of findings) {
      const safeFix = finding.fixes.find((fix) => fix.safe && fix.preferred) ?? finding.fixes.find((fix) => fix.safe);
      if (!safeFix || safeFix.edits.length === 0) continue;
      // Two fixes editing the same spot (say, both adding `timeout` to one shared axios.create) would clash.
      const clashes = safeFix.edits.some(({ range: [start, end] }) => applied.some(([from, to]) => start <= to && from <= end));
      if (clashes) continue;
      for (const textEdit of safeFix.edits) {
        edit.replace(document.uri, new vscode.Range(document.positionAt(textEdit.range[0]), document.positionAt(textEdit.range[1])), textEdit.text);
        applied.push(textEdit.range);
      }
    }
    if (applied.length === 0) return [];
    const action = new vscode.CodeAction('Fix all safe Fallacy Lens problems', FIX_ALL_KIND);
    action.edit = edit;
    return [action];
  }
}
