/** Which documents the extension analyses, and where each belongs in its project. */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const ANALYSED_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = ANALYSED_LANGUAGES.map((language) => ({ language, scheme: 'file' }));

/** Source files a review or the project index looks at (matches what the analyzer parses). */
export const SOURCE_FILE_GLOB = '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}';

export function isAnalysed(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}

/** Where a file sits: its project root and its posix path relative to it (what the analyzer names files by). */
export interface ProjectLocation {
  folder: vscode.WorkspaceFolder;
  relativePath: string;
  /** False for a file outside every workspace folder: it is analysed alone, its folder is not indexed. */
  inWorkspace: boolean;
}

export function locate(uri: vscode.Uri): ProjectLocation {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return { folder, relativePath: toPosix(path.relative(folder.uri.fsPath, uri.fsPath)), inWorkspace: true };
  const directory = vscode.Uri.file(path.dirname(uri.fsPath));
  return { folder: { uri: directory, name: path.basename(directory.fsPath), index: -1 }, relativePath: path.basename(uri.fsPath), inWorkspace: false };
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** The file an editor tab shows (the modified side of a diff). */
export function textTabUri(tab: vscode.Tab): vscode.Uri | undefined {
  if (tab.input instanceof vscode.TabInputText) return tab.input.uri;
  if (tab.input instanceof vscode.TabInputTextDiff) return tab.input.modified;
  return undefined;
}

/** Whether the user has the file open in an editor tab (documents opened by extensions alone do not count). */
export function isShownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => textTabUri(tab)?.toString() === key));
}
