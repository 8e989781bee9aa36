import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, ourDiagnostics, requireRule, restore, ruleOf, setSetting, settle, syntaxErrors } from '../helpers';

async function codeActions(document: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, kind);
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  await settle();
}

/** Applies the preferred fix of the only finding of `rule` and checks that the code parses and the finding is gone. */
async function fixAndCheck(fixture: string, rule: string, expected: RegExp): Promise<void> {
  const document = await openFixture(fixture);
  const original = document.getText();
  try {
    const diagnostic = ourDiagnostics(document.uri).find((d) => ruleOf(d) === rule);
    assert.ok(diagnostic, `${rule} reported in ${fixture}`);
    const actions = await codeActions(document, diagnostic.range);
    const preferred = actions.find((action) => action.isPreferred);
    assert.ok(preferred, `a preferred fix among ${actions.map((a) => a.title).join(' | ')}`);
    await apply(preferred);
    const text = document.getText();
    assert.match(text, expected);
    assert.deepEqual(syntaxErrors(text, fixture), [], 'the fixed code parses');
    assert.ok(!ourDiagnostics(document.uri).some((d) => ruleOf(d) === rule), `${rule} is gone after "${preferred.title}"`);
  } finally {
    await restore(document, original);
  }
}

suite('Quick fixes', () => {
  teardown(closeAllEditors);

  test('fetch: adds signal: AbortSignal.timeout(ms) with the configured timeout', async () => {
    await setSetting('quickFix.defaultTimeoutMs', 4500);
    try {
      await fixAndCheck('src/fetch-no-timeout.ts', 'no-timeout', /signal: AbortSignal\.timeout\(4500\)/);
    } finally {
      await setSetting('quickFix.defaultTimeoutMs', undefined);
    }
  });

  test('axios instance from another file: the fix adds timeout to axios.create', async () => {
    const apiClient = await openFixture('src/api-client.ts');
    const original = apiClient.getText();
    try {
      const document = await openFixture('src/uses-api.ts');
      const [diagnostic] = ourDiagnostics(document.uri);
      const actions = await codeActions(document, diagnostic.range);
      const fixes = actions.filter((action) => action.edit && /timeout/i.test(action.title));
      assert.ok(fixes.length > 0, `timeout fixes among ${actions.map((a) => a.title).join(' | ')}`);
      for (const fix of fixes) {
        const before = new Map([document, apiClient].map((d) => [d.uri.toString(), d.getText()]));
        await apply(fix);
        const changed = [document, apiClient].filter((d) => d.getText() !== before.get(d.uri.toString()));
        assert.ok(changed.length > 0, `"${fix.title}" changes code`);
        for (const d of changed) assert.deepEqual(syntaxErrors(d.getText(), d.fileName), [], `${d.fileName} parses after "${fix.title}"`);
        await apiClient.save();
        await settle();
        assert.deepEqual(ourDiagnostics(document.uri).map(ruleOf), [], `no-timeout gone after "${fix.title}"`);
        await restore(document, before.get(document.uri.toString())!);
        await restore(apiClient, original);
      }
    } finally {
      await restore(apiClient, original);
    }
  });

  test('retried POST: adds an Idempotency-Key header', async function () {
    requireRule(this, 'unsafe-retry');
    await fixAndCheck('src/unsafe-retry.ts', 'unsafe-retry', /crypto\.randomUUID\(\)[\s\S]*'Idempotency-Key': idempotencyKey/);
  });

  test('unchecked status: inserts if (!res.ok)', async function () {
    requireRule(this, 'unchecked-status');
    await fixAndCheck('src/unchecked-status.ts', 'unchecked-status', /if \(!res\.ok\)/);
  });

  for (const location of ['separateLine', 'sameLine'] as const) {
    test(`"disable for this line" (${location}) silences exactly that finding`, async () => {
      await setSetting('disableComment.location', location);
      await settle();
      const document = await openFixture('src/fetch-no-timeout.ts');
      const original = document.getText();
      try {
        const [diagnostic] = ourDiagnostics(document.uri);
        const actions = await codeActions(document, diagnostic.range);
        const disable = actions.find((action) => action.title === 'Disable no-timeout for this line');
        assert.ok(disable);
        await apply(disable);
        const expected = location === 'sameLine' ? /\);\s*\/\/ fallacy-lens-disable-line no-timeout\n/ : /\n {2}\/\/ fallacy-lens-disable-next-line no-timeout\n {2}const res/;
        assert.match(document.getText(), expected);
        assert.deepEqual(syntaxErrors(document.getText(), document.fileName), []);
        assert.deepEqual(ourDiagnostics(document.uri), []);
      } finally {
        await restore(document, original);
        await setSetting('disableComment.location', undefined);
      }
    });
  }

  for (const location of ['separateLine', 'sameLine'] as const) {
    test(`"disable for this line" among JSX children (${location}) writes {/* … */}, not text on the page`, async () => {
      await setSetting('disableComment.location', location);
      const document = await openFixture('src/component.tsx');
      const original = document.getText();
      try {
        const jsx = [
          'export function Refresh(): JSX.Element {',
          '  return (',
          '    <div>',
          "      <button onClick={() => fetch('https://prices.example.com/refresh')}>Refresh</button>",
          '    </div>',
          '  );',
          '}',
          '',
        ].join('\n');
        const whole = new vscode.Range(document.positionAt(0), document.positionAt(original.length));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, whole, jsx);
        assert.ok(await vscode.workspace.applyEdit(edit));
        await settle();
        const diagnostic = ourDiagnostics(document.uri).find((d) => ruleOf(d) === 'no-timeout');
        assert.ok(diagnostic, 'the fetch in the onClick handler is reported');
        const disable = (await codeActions(document, diagnostic.range)).find((action) => action.title === 'Disable no-timeout for this line');
        assert.ok(disable);
        await apply(disable);
        assert.match(document.getText(), /<div>\n {6}\{\/\* fallacy-lens-disable-next-line no-timeout \*\/\}\n {6}<button/);
        assert.deepEqual(syntaxErrors(document.getText(), document.fileName), []);
        assert.deepEqual(ourDiagnostics(document.uri), []);
      } finally {
        await restore(document, original);
        await setSetting('disableComment.location', undefined);
      }
    });
  }

  test('"open lesson" action calls the lessons panel command with the finding\'s lesson and snippet', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const [diagnostic] = ourDiagnostics(document.uri);
    const lesson = (await codeActions(document, diagnostic.range)).find((action) => action.title.startsWith('Open lesson'));
    assert.ok(lesson?.command);
    assert.equal(lesson.command.command, 'fallacyLens.openLessons');
    const [args] = lesson.command.arguments as [{ lesson: string; ruleId: string; snippet: { code: string; language: string; fix?: string } }];
    assert.equal(args.ruleId, 'no-timeout');
    assert.match(args.lesson, /^[a-z0-9-]+$/);
    assert.match(args.snippet.code, /fetch\(/);
    assert.equal(args.snippet.language, 'typescript');
    assert.match(args.snippet.fix ?? '', /AbortSignal\.timeout/);
  });

  test('source.fixAll.fallacyLens applies every safe fix at once', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const original = document.getText();
    try {
      const [fixAll] = await codeActions(document, new vscode.Range(0, 0, 0, 0), 'source.fixAll.fallacyLens');
      assert.ok(fixAll, 'a fix-all action');
      await apply(fixAll);
      assert.deepEqual(syntaxErrors(document.getText(), document.fileName), []);
      assert.deepEqual(ourDiagnostics(document.uri).map(ruleOf), []);
    } finally {
      await restore(document, original);
    }
  });
});
