/**
 * "Review Workspace" and "Review Changed Files": analyse many files in the worker, batch by batch,
 * with a cancellable progress notification; results go to Problems and the review tree and stay
 * there (closing a file does not remove them) until the next review.
 */
import * as vscode from 'vscode';
import type { FileResult } from '../analyzer/types';
import type { DiagnosticsController } from './diagnostics-controller';
import { isShownInTab } from './documents';
import type { FindingStore } from './finding-store';
import { changedFiles } from './git-changes';
import type { WorkerClient } from './worker-client';

export interface ReviewSummary {
  files: number;
  findings: number;
  filesWithFindings: number;
  cancelled: boolean;
}

interface FolderFiles {
  folder: vscode.WorkspaceFolder;
  root: string;
  paths: string[];
}

export class ReviewCommands {
  constructor(
    private readonly worker: WorkerClient,
    private readonly controller: DiagnosticsController,
    private readonly store: FindingStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async reviewWorkspace(): Promise<ReviewSummary | undefined> {
    const targets = await this.collect(async (folder, root) => this.worker.call('listFiles', { root }).then((paths) => ({ folder, root, paths })));
    return this.review(targets, 'workspace');
  }

  async reviewChangedFiles(): Promise<ReviewSummary | undefined> {
    let targets: FolderFiles[];
    try {
      targets = await this.collect(async (folder, root) => {
        const [changed, reviewable] = await Promise.all([changedFiles(root), this.worker.call('listFiles', { root })]);
        const changedPaths = new Set(changed.paths);
        this.log.info(`${folder.name}: ${changed.paths.length} files changed against ${changed.base}`);
        return { folder, root, paths: reviewable.filter((path) => changedPaths.has(path)) };
      });
    } catch (error) {
      void vscode.window.showErrorMessage(`Fallacy Lens could not ask git for changed files: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    return this.review(targets, 'changed files');
  }

  private async collect(list: (folder: vscode.WorkspaceFolder, root: string) => Promise<FolderFiles>): Promise<FolderFiles[]> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return Promise.all(
      folders.map(async (folder) => {
        const settings = await this.controller.projectSettings({ folder, relativePath: '', inWorkspace: true });
        return list(folder, settings.root);
      }),
    );
  }

  private async review(targets: FolderFiles[], what: string): Promise<ReviewSummary | undefined> {
    const total = targets.reduce((sum, target) => sum + target.paths.length, 0);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('Fallacy Lens: open a folder to review it.');
      return undefined;
    }
    // Above this many files a review asks first: it takes a while and fills Problems.
    if (total > vscode.workspace.getConfiguration('fallacyLens').get<number>('review.confirmAbove', 5000)) {
      const answer = await vscode.window.showWarningMessage(
        `Review ${total.toLocaleString('en')} files? This takes a while and may fill the Problems panel.`,
        { modal: true },
        'Review',
      );
      if (answer !== 'Review') return undefined;
    }
    const summary: ReviewSummary = { files: 0, findings: 0, filesWithFindings: 0, cancelled: false };
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Fallacy Lens: reviewing ${what}`, cancellable: true },
      async (progress, token) => {
        this.store.clearReview(isShownInTab);
        for (const target of targets) {
          if (token.isCancellationRequested) break;
          const done = summary.files;
          const outcome = await this.worker.review(target.root, target.paths, token, (batch) => {
            for (const result of batch.results) this.record(target.folder, result, summary);
            summary.files = done + batch.done;
            progress.report({
              increment: total === 0 ? 0 : (100 * batch.results.length) / total,
              message: `${summary.files} of ${total} files · ${summary.findings} findings`,
            });
          });
          summary.cancelled ||= outcome.cancelled;
        }
        summary.cancelled ||= token.isCancellationRequested;
      },
    );
    await vscode.commands.executeCommand('setContext', 'fallacyLens.hasReview', true);
    const headline = `Fallacy Lens ${summary.cancelled ? 'stopped after' : 'reviewed'} ${summary.files} files: ${summary.findings} findings in ${summary.filesWithFindings} files.`;
    void vscode.window.showInformationMessage(headline);
    this.log.info(headline);
    return summary;
  }

  private record(folder: vscode.WorkspaceFolder, result: FileResult, summary: ReviewSummary): void {
    const uri = vscode.Uri.joinPath(folder.uri, result.file);
    const editing = this.store.get(uri);
    // An open document's own analysis is of its current text, which may be newer than the disk.
    const analysis = editing?.version !== undefined && isShownInTab(uri) ? editing : { uri, rootUri: folder.uri, findings: result.findings, notes: result.notes, version: undefined, elapsedMs: 0 };
    this.store.set(analysis, { fromReview: true });
    summary.findings += analysis.findings.length;
    if (analysis.findings.length > 0) summary.filesWithFindings++;
  }

  async clear(): Promise<void> {
    this.store.clearReview(isShownInTab);
    await vscode.commands.executeCommand('setContext', 'fallacyLens.hasReview', false);
  }
}

