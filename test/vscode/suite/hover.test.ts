import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, rangeOf } from '../helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

suite('Hover', () => {
  teardown(closeAllEditors);

  test('names the fallacy, explains, shows the fix in the client\'s terms, links the lesson and the disable command', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const position = rangeOf(document, 'fetch').start.translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /Fallacy 2: Latency is zero/);
    assert.match(text, /no-timeout/);
    assert.match(text, /AbortSignal\.timeout\(\d+\)/, 'the fix as code');
    assert.match(text, /```typescript/);
    assert.match(text, /\(command:fallacyLens\.openLessons\?/);
    assert.match(text, /\(command:fallacyLens\.disableForLine\?/);
  });

  test('no hover of ours away from findings', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 2));
    assert.doesNotMatch(hoverText(hovers), /Fallacy \d/);
  });
});
