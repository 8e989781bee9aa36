import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, ourDiagnostics, restore, ruleOf, setSetting, settle, waitFor, workspaceUri } from '../helpers';

const CONFIG_FILE = '.fallacy-lens.json';

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(CONFIG_FILE), new TextEncoder().encode(text));
}

suite('Settings and .fallacy-lens.json', () => {
  let originalConfig = '';
  suiteSetup(async () => {
    originalConfig = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(CONFIG_FILE)));
  });
  teardown(async () => {
    await writeConfig(originalConfig);
    for (const key of ['rules', 'enable', 'exclude', 'run', 'delay']) await setSetting(key, undefined);
    await closeAllEditors();
    await settle();
  });

  test('fallacyLens.rules changes the severity', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    await setSetting('rules', { 'no-timeout': 'error' });
    const diagnostic = await waitFor('an error-level no-timeout', () => ourDiagnostics(document.uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.equal(ruleOf(diagnostic), 'no-timeout');
  });

  test('the configuration file wins over the settings and is watched', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    await setSetting('rules', { 'no-timeout': 'error' });
    await writeConfig('{ "rules": { "no-retry": "off", "no-timeout": "info" } }\n');
    await waitFor('the file\'s severity (info) to win', () => ourDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Information), 15_000);
    await writeConfig('{ "rules": { "no-timeout": "off", "no-retry": "off" } }\n');
    await waitFor('no-timeout switched off by the file', () => ourDiagnostics(document.uri).length === 0, 15_000);
  });

  test('an invalid configuration file is reported on that file and ignored, not half-applied', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    await writeConfig('{ "rules": { "no-timeout": "loud" } }\n');
    const problem = await waitFor('a diagnostic on .fallacy-lens.json', () => vscode.languages.getDiagnostics(workspaceUri(CONFIG_FILE))[0], 15_000);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /no-timeout/);
    await settle();
    assert.deepEqual(ourDiagnostics(document.uri).map(ruleOf).filter((rule) => rule === 'no-timeout'), ['no-timeout']);
  });

  test('fallacyLens.enable and fallacyLens.exclude turn analysis off', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    await setSetting('enable', false);
    await waitFor('diagnostics cleared when disabled', () => ourDiagnostics(document.uri).length === 0);
    await setSetting('enable', undefined);
    await waitFor('diagnostics back', () => ourDiagnostics(document.uri).length === 1);
    await setSetting('exclude', ['src/fetch-*.ts']);
    await waitFor('diagnostics cleared when excluded', () => ourDiagnostics(document.uri).length === 0);
  });

  test('fallacyLens.run onSave waits for the save; fallacyLens.delay is honoured', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const original = document.getText();
    try {
      await runModeAndDelay(document, original);
    } finally {
      await restore(document, original);
    }
  });
});

async function runModeAndDelay(document: vscode.TextDocument, original: string): Promise<void> {
  await setSetting('run', 'onSave');
  await settle();
  const fixed = original.replace('${id}`)', '${id}`, { signal: AbortSignal.timeout(1000) })');
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(original.length)), fixed);
  await vscode.workspace.applyEdit(edit);
  await new Promise((resolve) => setTimeout(resolve, 800));
  assert.equal(ourDiagnostics(document.uri).length, 1, 'unchanged before saving');
  await document.save();
  await waitFor('the saved text analysed', () => ourDiagnostics(document.uri).length === 0);

  await setSetting('run', 'onType');
  await setSetting('delay', 1500);
  await settle();
  const back = new vscode.WorkspaceEdit();
  back.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
  await vscode.workspace.applyEdit(back);
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.equal(ourDiagnostics(document.uri).length, 0, 'not analysed before the delay');
  await waitFor('analysed after the delay', () => ourDiagnostics(document.uri).length === 1, 5_000);
}
