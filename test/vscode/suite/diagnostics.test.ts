import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, ourDiagnostics, rangeOf, requireRule, restore, ruleOf, settle, waitFor, workspaceUri } from '../helpers';

suite('Diagnostics while editing', () => {
  teardown(closeAllEditors);

  test('fetch without a timeout: one no-timeout warning on the call, linked to its lesson', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const diagnostics = ourDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['no-timeout']);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostic.range.isEqual(rangeOf(document, 'fetch')), `range ${JSON.stringify(diagnostic.range)}`);
    assert.match(diagnostic.message, /timeout/i);
    assert.equal(typeof diagnostic.code, 'object');
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, vscode.env.uriScheme);
    assert.equal(target.authority, 'fallacy-lens.fallacy-lens');
    assert.equal(target.path, '/lesson');
    const query = new URLSearchParams(target.query);
    assert.match(query.get('id') ?? '', /^[a-z0-9-]+$/);
    assert.equal(query.get('rule'), 'no-timeout');
  });

  test('an axios instance created in another file without a timeout: finding with related information', async () => {
    const document = await openFixture('src/uses-api.ts');
    const diagnostics = ourDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['no-timeout']);
    assert.equal(diagnostics[0].range.start.line, rangeOf(document, 'api.get').start.line);
    const related = diagnostics[0].relatedInformation ?? [];
    assert.ok(
      related.some((info) => info.location.uri.toString() === workspaceUri('src/api-client.ts').toString()),
      `related information ${JSON.stringify(related.map((r) => r.location.uri.toString()))}`,
    );
  });

  test('bounded calls are not reported; TSX is analysed; tests are one level lower', async () => {
    assert.deepEqual(ourDiagnostics((await openFixture('src/bounded.ts')).uri), []);
    const component = await openFixture('src/component.tsx');
    assert.deepEqual(ourDiagnostics(component.uri).map(ruleOf), ['no-timeout']);
    assert.ok(ourDiagnostics(component.uri)[0].range.isEqual(rangeOf(component, 'fetch')));
    const testFile = await openFixture('test/orders.test.ts');
    const [inTest] = ourDiagnostics(testFile.uri);
    assert.equal(ruleOf(inTest), 'no-timeout');
    assert.equal(inTest.severity, vscode.DiagnosticSeverity.Information);
  });

  test('unchecked fetch status is reported where the body is read', async function () {
    requireRule(this, 'unchecked-status');
    const document = await openFixture('src/unchecked-status.ts');
    const diagnostics = ourDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['unchecked-status']);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  test('edits are re-analysed after the delay and only the newest version is published', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const original = document.getText();
    try {
      const call = rangeOf(document, '`https://api.example.com/users/${id}`');
      // Several quick edits, as typing produces: the intermediate texts must never be published.
      for (const piece of [', {', ' signal:', ' AbortSignal.timeout(2000)', ' }']) {
        const edit = new vscode.WorkspaceEdit();
        const end = document.positionAt(document.offsetAt(call.end) + (document.getText().length - original.length));
        edit.insert(document.uri, end, piece);
        await vscode.workspace.applyEdit(edit);
      }
      await settle();
      assert.match(document.getText(), /AbortSignal\.timeout\(2000\) \}\);/);
      assert.deepEqual(ourDiagnostics(document.uri), []);
    } finally {
      await restore(document, original);
    }
    assert.deepEqual(ourDiagnostics(document.uri).map(ruleOf), ['no-timeout']);
  });

  test('closing a file clears its editing diagnostics', async () => {
    const document = await openFixture('src/component.tsx');
    assert.equal(ourDiagnostics(document.uri).length, 1);
    await closeAllEditors();
    await waitFor('diagnostics of the closed file to go', () => ourDiagnostics(document.uri).length === 0);
  });
});
