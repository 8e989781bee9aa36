import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openFixture, ourDiagnostics, settle, workspaceUri } from '../helpers';

/**
 * How long a round trip from the extension host through the workbench and back takes: it stalls
 * when the extension host's event loop is blocked (which is what analysis in a worker avoids).
 */
async function roundTripMs(i: number): Promise<number> {
  const started = Date.now();
  await vscode.commands.executeCommand('setContext', 'fallacyLens.testRoundTrip', i);
  return Date.now() - started;
}

/**
 * Promptly: the median round trip stays interactive and none stalls for seconds. (On a 2-core CI
 * machine the worker, tsserver and the browser compete for the CPU, so single trips vary.)
 */
function assertResponsive(roundTrips: number[]): void {
  const sorted = [...roundTrips].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  assert.ok(median < 250 && sorted[sorted.length - 1] < 2_500, `round trips: ${roundTrips.join(', ')} ms`);
}

/** About `bytes` of ordinary-looking TypeScript: short lines, one fetch without a timeout per block. */
function bigSource(bytes: number): string {
  const block = (i: number) =>
    `export async function load${i}(id: string): Promise<unknown> {\n  const res = await fetch(\`https://api.example.com/items/\${id}/${i}\`);\n  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);\n  return res.json();\n}\n\n`;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = block(i);
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

suite('Robustness', () => {
  teardown(closeAllEditors);

  test('a file with syntax errors: no findings, a note, and the extension keeps working', async () => {
    const document = await openFixture('src/syntax-error.ts');
    assert.deepEqual(ourDiagnostics(document.uri), []);
    const analysis = (await extensionApi()).analysisOf(document.uri);
    assert.ok(analysis, 'the file was analysed');
    assert.ok(analysis.notes.some((note) => note.kind === 'parse-error'), JSON.stringify(analysis.notes));
    const other = await openFixture('src/fetch-no-timeout.ts');
    assert.equal(ourDiagnostics(other.uri).length, 1);
  });

  test('a 5 MB file: the extension host stays responsive and the file is reported as skipped', async () => {
    const hugeUri = workspaceUri('src/huge-generated.ts');
    await vscode.workspace.fs.writeFile(hugeUri, new TextEncoder().encode(bigSource(5 * 1024 * 1024)));
    try {
      // Opened as a document (what the extension analyses); rendering it is the workbench's business.
      await roundTripMs(-1);
      const document = await vscode.workspace.openTextDocument(hugeUri);
      const roundTrips: number[] = [];
      for (let i = 0; i < 10; i++) {
        roundTrips.push(await roundTripMs(i));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await settle();
      assertResponsive(roundTrips);
      const analysis = (await extensionApi()).analysisOf(document.uri);
      assert.ok(analysis?.notes.some((note) => note.kind === 'skipped-too-large'), JSON.stringify(analysis));
      assert.deepEqual(ourDiagnostics(document.uri), []);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(hugeUri);
    }
  });

  test('a 100 KB file is analysed in the worker while the extension host keeps answering', async () => {
    const bigUri = workspaceUri('src/big-generated.ts');
    await vscode.workspace.fs.writeFile(bigUri, new TextEncoder().encode(bigSource(100 * 1024)));
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(bigUri), { preview: false });
      const roundTrips: number[] = [];
      const api = await extensionApi();
      const started = Date.now();
      while (!api.analysisOf(editor.document.uri) && Date.now() - started < 60_000) {
        roundTrips.push(await roundTripMs(roundTrips.length));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await settle();
      assert.ok(roundTrips.length > 0, 'round trips measured while the analysis ran');
      assertResponsive(roundTrips);
      const findings = ourDiagnostics(editor.document.uri);
      assert.ok(findings.length > 300, `findings in the big file: ${findings.length}`);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(bigUri);
    }
  });
});
