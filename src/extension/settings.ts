/**
 * Settings: the editor's `fallacyLens.*` settings merged with the workspace folder's
 * `.fallacy-lens.json` (the file wins: it is shared by the team, the settings are personal).
 * Watches both and reports an invalid configuration file as a diagnostic on that file.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, mergeConfig, parseConfigInput, validateConfigInput } from '../analyzer/config';
import type { ConfigInput } from '../analyzer/config';
import type { ProjectSettings } from './worker-protocol';

export type RunMode = 'onType' | 'onSave';
export type DisableCommentLocation = 'separateLine' | 'sameLine';

/** Settings that only the editor uses (the analyzer never sees them). */
export interface EditorSettings {
  enable: boolean;
  run: RunMode;
  delayMs: number;
  disableCommentLocation: DisableCommentLocation;
  quickFixTimeoutMs: number;
  timeBudget: { warn: number; error: number };
}

export function editorSettings(scope: vscode.ConfigurationScope | undefined): EditorSettings {
  const settings = vscode.workspace.getConfiguration('fallacyLens', scope);
  return {
    enable: settings.get<boolean>('enable', true),
    run: settings.get<RunMode>('run', 'onType'),
    delayMs: Math.max(0, settings.get<number>('delay', 300)),
    disableCommentLocation: settings.get<DisableCommentLocation>('disableComment.location', 'separateLine'),
    quickFixTimeoutMs: settings.get<number>('quickFix.defaultTimeoutMs', 10000),
    timeBudget: { warn: 500, error: 2000, ...settings.get<{ warn?: number; error?: number }>('timeBudget') },
  };
}

export class ProjectSettingsService implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ProjectSettings>>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  /** Fires with the folder whose configuration changed, or undefined for all of them. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly configProblems = vscode.languages.createDiagnosticCollection('fallacyLens.config');
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.configProblems];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const onConfigFile = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME).toString() !== uri.toString()) return;
      this.invalidate(folder);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onConfigFile),
      watcher.onDidChange(onConfigFile),
      watcher.onDidDelete(onConfigFile),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('fallacyLens') || event.affectsConfiguration('files.exclude')) this.invalidate(undefined);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate(undefined)),
    );
  }

  /** The analyzer configuration of a folder, merged and validated (cached until something changes). */
  forFolder(folder: vscode.WorkspaceFolder): Promise<ProjectSettings> {
    const key = folder.uri.toString();
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.load(folder);
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private invalidate(folder: vscode.WorkspaceFolder | undefined): void {
    if (folder) this.cache.delete(folder.uri.toString());
    else this.cache.clear();
    this.changeEmitter.fire(folder);
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<ProjectSettings> {
    const configUri = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
    this.configProblems.delete(configUri);
    const fromFile = await this.readConfigFile(configUri);
    let fromEditor: ConfigInput = {};
    try {
      fromEditor = validateConfigInput(this.editorConfigInput(folder), 'Settings (fallacyLens.*)');
    } catch (error) {
      this.log.error(`Ignoring invalid fallacyLens settings: ${describe(error)}`);
      void vscode.window.showWarningMessage(`Fallacy Lens ignores your settings: ${describe(error)}`);
    }
    return {
      root: folder.uri.fsPath,
      config: mergeConfig(fromFile, fromEditor),
      editorExcludes: filesExcludeGlobs(folder),
      indexProject: folder.index >= 0,
      fixTimeoutMs: editorSettings(folder.uri).quickFixTimeoutMs,
    };
  }

  /** The project file as written; an invalid file is reported and ignored, never half-applied. */
  private async readConfigFile(configUri: vscode.Uri): Promise<ConfigInput> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri));
    } catch {
      return {}; // no configuration file: the settings alone apply
    }
    try {
      return parseConfigInput(text, CONFIG_FILE_NAME);
    } catch (error) {
      const message = describe(error);
      const line = error instanceof ConfigError && error.line ? error.line - 1 : 0;
      const column = error instanceof ConfigError && error.column ? error.column - 1 : 0;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1), message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'Fallacy Lens';
      this.configProblems.set(configUri, [diagnostic]);
      this.log.error(message);
      void vscode.window.showErrorMessage(`Fallacy Lens: ${CONFIG_FILE_NAME} is invalid and is ignored until it is fixed. ${message.split('\n')[0]}`);
      return {};
    }
  }

  private editorConfigInput(folder: vscode.WorkspaceFolder): ConfigInput {
    const settings = vscode.workspace.getConfiguration('fallacyLens', folder);
    return {
      rules: settings.get('rules', {}),
      exclude: settings.get('exclude', []),
      testFiles: { severity: settings.get('testFiles.severity', 'downgrade') },
    };
  }
}

/** `files.exclude` entries switched on (entries with a `when` clause depend on siblings and are skipped). */
function filesExcludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  const excludes = vscode.workspace.getConfiguration('files', folder).get<Record<string, unknown>>('exclude', {});
  return Object.entries(excludes)
    .filter(([, value]) => value === true)
    .map(([glob]) => glob);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
