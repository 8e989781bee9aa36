/**
 * Diagnostics while coding: analyses open TS/JS documents on open, after edits (debounced) or on
 * save, in the worker; drops results for document versions that are no longer current; keeps the
 * worker's project index in step with the disk.
 */
import * as vscode from 'vscode';
import { isExcluded } from '../analyzer/config';
import type { ProjectConfig } from '../analyzer/config';
import { tooLargeNote } from '../analyzer/source-file';
import { isAnalysed, isShownInTab, locate, SOURCE_FILE_GLOB, textTabUri } from './documents';
import type { ProjectLocation } from './documents';
import type { FindingStore } from './finding-store';
import { editorSettings } from './settings';
import type { ProjectSettingsService } from './settings';
import type { WorkerClient } from './worker-client';
import type { ProjectSettings } from './worker-protocol';

/** After files change on disk, open documents of the folder are re-analysed once things settle. */
const DISK_CHANGE_SETTLE_MS = 500;

export class DiagnosticsController implements vscode.Disposable {
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Roots whose settings the worker has, keyed by folder URI. */
  private readonly configuredRoots = new Map<string, Promise<ProjectSettings>>();
  private readonly diskChangeTimers = new Map<string, NodeJS.Timeout>();
  /**
   * Documents whose last editor tab was closed. VS Code keeps such a document open for a while
   * (onDidCloseTextDocument comes much later), but to the user the file is closed.
   */
  private readonly closedInEditor = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly worker: WorkerClient,
    private readonly settings: ProjectSettingsService,
    private readonly store: FindingStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const sourceWatcher = vscode.workspace.createFileSystemWatcher(SOURCE_FILE_GLOB);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        this.closedInEditor.delete(document.uri.toString());
        this.analyseSoon(document, 0);
      }),
      vscode.window.tabGroups.onDidChangeTabs((event) => this.onTabsChanged(event)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)),
      vscode.workspace.onDidSaveTextDocument((document) => this.onSave(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document)),
      settings.onDidChange((folder) => this.onSettingsChanged(folder)),
      worker.onDidBuildIndex(({ root }) => this.reanalyseOpenDocuments((location) => location.folder.uri.fsPath === root)),
      sourceWatcher,
      sourceWatcher.onDidChange((uri) => this.onDiskChange(uri)),
      sourceWatcher.onDidCreate((uri) => this.onDiskChange(uri)),
      sourceWatcher.onDidDelete((uri) => this.onDiskChange(uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.analyseSoon(document, 0);
  }

  /** The worker's settings for a folder, configuring the worker on first use. */
  projectSettings(location: ProjectLocation): Promise<ProjectSettings> {
    const key = location.folder.uri.toString();
    let configured = this.configuredRoots.get(key);
    if (!configured) {
      configured = this.settings.forFolder(location.folder).then(async (settings) => {
        await this.worker.configure(settings);
        return settings;
      });
      this.configuredRoots.set(key, configured);
      configured.catch(() => this.configuredRoots.delete(key));
    }
    return configured;
  }

  /** Resolves when no analysis is scheduled or running and every project index is built. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const roots = await Promise.all(this.configuredRoots.values());
      await Promise.all(roots.filter((settings) => settings.indexProject).map((settings) => this.worker.call('awaitIndex', { root: settings.root })));
      await Promise.all(this.inFlight);
      if (this.typingTimers.size === 0 && this.inFlight.size === 0 && this.diskChangeTimers.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  dispose(): void {
    for (const timer of [...this.typingTimers.values(), ...this.diskChangeTimers.values()]) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0 || !isAnalysed(event.document)) return;
    const settings = editorSettings(event.document.uri);
    if (settings.run === 'onType') this.analyseSoon(event.document, settings.delayMs);
  }

  private onSave(document: vscode.TextDocument): void {
    if (isAnalysed(document) && editorSettings(document.uri).run === 'onSave') this.analyseSoon(document, 0);
  }

  private onTabsChanged(event: vscode.TabChangeEvent): void {
    for (const tab of event.opened) {
      const uri = textTabUri(tab);
      if (uri && this.closedInEditor.delete(uri.toString())) {
        const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
        if (document) this.analyseSoon(document, 0);
      }
    }
    for (const tab of event.closed) {
      const uri = textTabUri(tab);
      if (!uri || isShownInTab(uri)) continue;
      this.closedInEditor.add(uri.toString());
      this.stopEditing(uri);
    }
  }

  private stopEditing(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.delete(key);
    this.store.releaseEditing(uri);
  }

  private onClose(document: vscode.TextDocument): void {
    if (!isAnalysed(document)) return;
    this.closedInEditor.delete(document.uri.toString());
    this.stopEditing(document.uri);
    const location = locate(document.uri);
    if (this.worker.isConfigured(location.folder.uri.fsPath)) void this.worker.call('release', { root: location.folder.uri.fsPath, path: location.relativePath });
  }

  private onSettingsChanged(folder: vscode.WorkspaceFolder | undefined): void {
    for (const key of [...this.configuredRoots.keys()]) {
      if (!folder || key === folder.uri.toString()) this.configuredRoots.delete(key);
    }
    this.reanalyseOpenDocuments((location) => !folder || location.folder.uri.toString() === folder.uri.toString());
  }

  private onDiskChange(uri: vscode.Uri): void {
    const location = locate(uri);
    if (!location.inWorkspace) return;
    const root = location.folder.uri.fsPath;
    if (!this.worker.isConfigured(root)) return;
    void this.worker.call('fileChanged', { root, path: location.relativePath }).catch((error: Error) => this.log.warn(`Index update failed: ${error.message}`));
    const key = location.folder.uri.toString();
    clearTimeout(this.diskChangeTimers.get(key));
    this.diskChangeTimers.set(
      key,
      setTimeout(() => {
        this.diskChangeTimers.delete(key);
        this.reanalyseOpenDocuments((other) => other.folder.uri.toString() === key);
      }, DISK_CHANGE_SETTLE_MS),
    );
  }

  private reanalyseOpenDocuments(belongs: (location: ProjectLocation) => boolean): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isAnalysed(document) && !this.closedInEditor.has(document.uri.toString()) && belongs(locate(document.uri))) this.analyseSoon(document, 0);
    }
  }

  private analyseSoon(document: vscode.TextDocument, delayMs: number): void {
    if (!isAnalysed(document) || this.closedInEditor.has(document.uri.toString())) return;
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        const run = this.analyse(document).catch((error: Error) => this.log.error(`Analysis of ${document.uri.fsPath} failed: ${error.message}`));
        this.inFlight.add(run);
        void run.finally(() => this.inFlight.delete(run));
      }, delayMs),
    );
  }

  private async analyse(document: vscode.TextDocument): Promise<void> {
    const version = document.version;
    const location = locate(document.uri);
    if (!editorSettings(document.uri).enable) {
      this.store.releaseEditing(document.uri);
      return;
    }
    const settings = await this.projectSettings(location);
    if (isExcludedPath(settings.config, location.relativePath)) {
      this.store.releaseEditing(document.uri);
      return;
    }
    const text = document.getText();
    // Sure to be over the limit (UTF-8 never has fewer bytes than UTF-16 code units): the worker
    // would only say so, after a copy of megabytes.
    const reply =
      text.length > settings.config.maxFileBytes
        ? { superseded: false, result: { file: location.relativePath, findings: [], notes: [tooLargeNote(Buffer.byteLength(text), settings.config.maxFileBytes)], undetermined: 0 }, elapsedMs: 0 }
        : await this.worker.call('analyze', { root: settings.root, path: location.relativePath, text });
    // A newer version is already scheduled or analysed: publishing this one would flicker stale squiggles.
    if (reply.superseded || !reply.result || document.isClosed || document.version !== version) return;
    if (this.closedInEditor.has(document.uri.toString())) return;
    this.store.set({
      uri: document.uri,
      rootUri: location.folder.uri,
      findings: reply.result.findings,
      notes: reply.result.notes,
      version,
      elapsedMs: reply.elapsedMs,
    });
  }
}

/** `exclude` names files and directories (as the walker applies it): a file under an excluded directory is excluded. */
function isExcludedPath(config: ProjectConfig, relativePath: string): boolean {
  const segments = relativePath.split('/');
  return segments.some((_, i) => isExcluded(config, segments.slice(0, i + 1).join('/')));
}
