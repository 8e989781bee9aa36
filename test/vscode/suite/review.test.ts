import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FindingStore } from '../../../src/extension/finding-store';
import { ReviewTreeProvider } from '../../../src/extension/review-tree';
import type { Finding } from '../../../src/analyzer/types';
import { EXPECTED_REVIEW } from '../fixture-workspace';
import { closeAllEditors, openFixture, ourDiagnostics, ruleOf, waitFor, workspaceUri } from '../helpers';

suite('Review', () => {
  suiteTeardown(() => vscode.commands.executeCommand('fallacyLens.clearReview'));

  test('Review Workspace: every file (honouring .gitignore and files.exclude) into Problems, counted', async () => {
    const summary = await vscode.commands.executeCommand('fallacyLens.reviewWorkspace');
    const reported = vscode.languages
      .getDiagnostics()
      .filter(([, diagnostics]) => diagnostics.some((d) => d.source === 'Fallacy Lens'))
      .map(([uri, diagnostics]) => `${vscode.workspace.asRelativePath(uri)}: ${diagnostics.map(ruleOf).join(', ')}`);
    assert.deepEqual(summary, { ...EXPECTED_REVIEW.workspace, cancelled: false }, reported.join('\n'));
    assert.deepEqual(ourDiagnostics(workspaceUri('src/new-feature.ts')).map(ruleOf), ['no-timeout'], 'a file never opened');
    assert.deepEqual(ourDiagnostics(workspaceUri('src/uses-api.ts')).map(ruleOf), ['no-timeout']);
    assert.deepEqual(ourDiagnostics(workspaceUri('ignored/ignored.ts')), [], '.gitignore honoured');
    assert.deepEqual(ourDiagnostics(workspaceUri('generated/excluded.ts')), [], 'files.exclude honoured');
  });

  test('review results stay when a reviewed file is opened and closed', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    assert.equal(ourDiagnostics(document.uri).length, 1);
    await closeAllEditors();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    assert.equal(ourDiagnostics(document.uri).length, 1);
  });

  test('Review Changed Files: only what changed against the base branch (git CLI)', async () => {
    const summary = await vscode.commands.executeCommand('fallacyLens.reviewChangedFiles');
    assert.deepEqual(summary, { ...EXPECTED_REVIEW.changedFiles, cancelled: false });
    await waitFor('the previous review results to go', () => ourDiagnostics(workspaceUri('src/uses-api.ts')).length === 0);
    assert.deepEqual(ourDiagnostics(workspaceUri('src/new-feature.ts')).map(ruleOf), ['no-timeout']);
  });

  test('the review tree groups fallacy → rule → file → finding with counts', () => {
    const collection = vscode.languages.createDiagnosticCollection('fallacyLens.treeTest');
    const store = new FindingStore(collection);
    const tree = new ReviewTreeProvider(store);
    try {
      const finding = (ruleId: Finding['ruleId'], fallacy: Finding['fallacy'], file: string, line: number): Finding => ({
        ruleId,
        fallacy,
        severity: 'warning',
        message: `${ruleId} in ${file}`,
        file,
        range: { start: { line, column: 1 }, end: { line, column: 6 }, offsets: [line * 10, line * 10 + 5] },
        related: [],
        fixes: [],
        lesson: 'timeouts',
      });
      const rootUri = workspaceUri('');
      const add = (file: string, findings: Finding[]) =>
        store.set({ uri: workspaceUri(file), rootUri, findings, notes: [], version: undefined, elapsedMs: 0 }, { fromReview: true });
      add('src/a.ts', [finding('no-timeout', 2, 'src/a.ts', 1), finding('no-timeout', 2, 'src/a.ts', 5), finding('unsafe-retry', 1, 'src/a.ts', 9)]);
      add('src/b.ts', [finding('no-timeout', 2, 'src/b.ts', 2)]);
      const label = (node: Parameters<typeof tree.getTreeItem>[0]) => {
        const item = tree.getTreeItem(node);
        const text = typeof item.label === 'string' ? item.label : item.label?.label ?? item.resourceUri?.path.split('/').pop();
        return `${text} (${item.description})`;
      };
      const fallacies = tree.getChildren();
      assert.deepEqual(fallacies.map(label), ['Fallacy 1: The network is reliable (1)', 'Fallacy 2: Latency is zero (3)']);
      const rules = tree.getChildren(fallacies[1]);
      assert.deepEqual(rules.map(label), ['no-timeout (3)']);
      const files = tree.getChildren(rules[0]);
      assert.deepEqual(files.map(label), ['a.ts (src · 2)', 'b.ts (src · 1)']);
      assert.deepEqual(tree.getChildren(files[0]).map(label), ['no-timeout in src/a.ts (line 1)', 'no-timeout in src/a.ts (line 5)']);
    } finally {
      tree.dispose();
      store.dispose();
      collection.dispose();
    }
  });
});
