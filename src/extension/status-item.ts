/**
 * Status bar item for the active file: how many findings, how long the analysis took, and a
 * warning or error colour when that time exceeds `fallacyLens.timeBudget` (ESLint's time budget
 * idea: a slow analysis should be visible, not silently felt as lag).
 */
import * as vscode from 'vscode';
import { isAnalysed } from './documents';
import type { FileAnalysis, FindingStore } from './finding-store';
import { editorSettings } from './settings';

export class AnalysisStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('fallacyLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly store: FindingStore) {
    this.item.name = 'Fallacy Lens';
    this.item.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      store.onDidChange((uris) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (uris.some((uri) => uri.toString() === active)) this.update();
      }),
    );
    this.update();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isAnalysed(document)) {
      this.item.hide();
      return;
    }
    const analysis = this.store.get(document.uri);
    if (!analysis) {
      this.item.text = '$(loading~spin) Fallacy Lens';
      this.item.tooltip = 'Analysing…';
      this.item.backgroundColor = undefined;
    } else {
      this.render(analysis, editorSettings(document.uri).timeBudget);
    }
    this.item.show();
  }

  private render(analysis: FileAnalysis, budget: { warn: number; error: number }): void {
    const count = analysis.findings.length;
    const milliseconds = Math.round(analysis.elapsedMs);
    const skipped = analysis.notes.find((note) => note.kind.startsWith('skipped-') || note.kind === 'parse-error' || note.kind === 'too-deep');
    this.item.text = `${count > 0 ? '$(warning)' : '$(check)'} Fallacy Lens: ${count} · ${milliseconds} ms${skipped ? ' $(info)' : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**Fallacy Lens** — ${count === 1 ? '1 finding' : `${count} findings`} in this file, analysed in ${milliseconds} ms.`);
    for (const note of analysis.notes.filter((n) => n.kind !== 'unused-suppression')) tooltip.appendMarkdown(`\n\n$(info) ${note.message}`);
    if (milliseconds > budget.warn) tooltip.appendMarkdown(`\n\nThe analysis took longer than \`fallacyLens.timeBudget\` (${budget.warn} ms).`);
    tooltip.supportThemeIcons = true;
    this.item.tooltip = tooltip;
    this.item.backgroundColor =
      milliseconds > budget.error
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : milliseconds > budget.warn
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
  }
}
