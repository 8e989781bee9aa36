/**
 * Entry point: wires the worker, the settings, the diagnostics controller and the providers.
 * Activation is by language (TS/JS), by our commands and view, and by our lesson URIs.
 */
import * as vscode from 'vscode';
import type { RuleMeta } from '../analyzer/rules/rule';
import type { FileNote } from '../analyzer/types';
import { FindingCodeActionProvider } from './code-action-provider';
import { DiagnosticsController } from './diagnostics-controller';
import { disableForLine, DISABLE_FOR_LINE_COMMAND } from './disable-comment';
import type { DisableForLineArgs } from './disable-comment';
import { DOCUMENT_SELECTOR } from './documents';
import { FindingStore } from './finding-store';
import { FindingHoverProvider } from './hover-provider';
import { LessonUriHandler } from './lesson-links';
import { registerLessonsPanel } from './lessons-panel';
import { ReviewCommands } from './review-command';
import type { ReviewSummary } from './review-command';
import { ReviewTreeProvider } from './review-tree';
import { ProjectSettingsService } from './settings';
import { AnalysisStatusItem } from './status-item';
import { WorkerClient } from './worker-client';

/** What `activate` returns: lets tests (and other extensions) wait for analysis to settle. */
export interface FallacyLensApi {
  whenIdle(): Promise<void>;
  reviewWorkspace(): Promise<ReviewSummary | undefined>;
  reviewChangedFiles(): Promise<ReviewSummary | undefined>;
  /** The latest analysis of a file as the status item shows it. */
  analysisOf(uri: vscode.Uri): { findings: number; notes: FileNote[]; elapsedMs: number; fromReview: boolean } | undefined;
}

export function activate(context: vscode.ExtensionContext): FallacyLensApi {
  const log = vscode.window.createOutputChannel('Fallacy Lens', { log: true });
  const worker = new WorkerClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'editor-worker.js').fsPath, log);
  const settings = new ProjectSettingsService(log);
  const diagnostics = vscode.languages.createDiagnosticCollection('fallacyLens');
  const store = new FindingStore(diagnostics);
  const controller = new DiagnosticsController(worker, settings, store, log);
  const review = new ReviewCommands(worker, controller, store, log);
  const tree = new ReviewTreeProvider(store);
  const treeView = vscode.window.createTreeView('fallacyLens.findings', { treeDataProvider: tree, showCollapseAll: true });
  registerLessonsPanel(context);
  let rules: readonly RuleMeta[] = [];
  worker.call('rules', null).then(
    (catalog) => (rules = catalog),
    (error: Error) => log.error(`Could not load the rule catalog: ${error.message}`),
  );

  context.subscriptions.push(
    log,
    worker,
    settings,
    diagnostics,
    store,
    controller,
    tree,
    treeView,
    tree.onDidChangeTreeData(() => {
      const count = tree.count();
      treeView.description = store.hasReview() ? `${count} finding${count === 1 ? '' : 's'}` : undefined;
    }),
    new AnalysisStatusItem(store),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new FindingHoverProvider(store, () => rules)),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new FindingCodeActionProvider(store), FindingCodeActionProvider.metadata),
    vscode.window.registerUriHandler(new LessonUriHandler()),
    vscode.commands.registerCommand('fallacyLens.reviewWorkspace', () => review.reviewWorkspace()),
    vscode.commands.registerCommand('fallacyLens.reviewChangedFiles', () => review.reviewChangedFiles()),
    vscode.commands.registerCommand('fallacyLens.clearReview', () => review.clear()),
    vscode.commands.registerCommand(DISABLE_FOR_LINE_COMMAND, (args: DisableForLineArgs) => disableForLine(args)),
  );

  return {
    whenIdle: () => controller.whenIdle(),
    reviewWorkspace: () => review.reviewWorkspace(),
    reviewChangedFiles: () => review.reviewChangedFiles(),
    analysisOf: (uri) => {
      const analysis = store.get(uri);
      return analysis && { findings: analysis.findings.length, notes: analysis.notes, elapsedMs: analysis.elapsedMs, fromReview: store.isReviewed(uri) };
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
