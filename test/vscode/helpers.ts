/** Shared helpers of the extension-host suites (they run inside a real VS Code). */
import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import * as vscode from 'vscode';
import { RULES } from '../../src/analyzer/rules/catalog';
import type { FallacyLensApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'fallacy-lens.fallacy-lens';
export const SOURCE = 'Fallacy Lens';

export async function extensionApi(): Promise<FallacyLensApi> {
  const extension = vscode.extensions.getExtension<FallacyLensApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens a fixture in an editor and waits until its analysis (and the project index) has settled. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  await vscode.window.showTextDocument(document);
  await settle();
  return document;
}

export async function settle(): Promise<void> {
  await (await extensionApi()).whenIdle();
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** The range of the `occurrence`-th appearance of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.notEqual(index, -1, `"${needle}" (occurrence ${occurrence}) not found in ${document.uri.path}`);
  }
  return new vscode.Range(document.positionAt(index), document.positionAt(index + needle.length));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Syntax errors of a TypeScript/JavaScript text (what "the fix leaves code that parses" checks). */
export function syntaxErrors(text: string, fileName: string): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Puts a document back to its original text on disk and in the editor. */
export async function restore(document: vscode.TextDocument, text: string): Promise<void> {
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  if (document.isDirty) await document.save();
  await settle();
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('fallacyLens').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Skips a test whose rule the analyzer does not implement yet (the rule catalog grows rule by rule). */
export function requireRule(context: Mocha.Context, ruleId: string): void {
  if (!RULES.some((rule) => rule.id === ruleId)) context.skip();
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
