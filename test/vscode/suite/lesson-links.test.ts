import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LessonsPanelSnapshot } from '../../../src/extension/lessons-panel/lessons-panel';
import { LessonUriHandler } from '../../../src/extension/lesson-links';
import { closeAllEditors, openFixture, ourDiagnostics } from '../helpers';

async function panelState(): Promise<LessonsPanelSnapshot> {
  return vscode.commands.executeCommand<LessonsPanelSnapshot>('fallacyLens._lessonsPanelState');
}

suite('Lesson links', () => {
  teardown(closeAllEditors);

  test('the diagnostic code\'s URI opens our own lesson panel through the UriHandler (no browser)', async () => {
    const document = await openFixture('src/fetch-no-timeout.ts');
    const [diagnostic] = ourDiagnostics(document.uri);
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    const lesson = new URLSearchParams(target.query).get('id');
    // In the desktop app VS Code routes the link to the handler the extension registered; code-server
    // puts a confirmation dialog first, which the test workbench refuses. So the handler is called as
    // VS Code would call it, with the diagnostic's own URI.
    await new LessonUriHandler().handleUri(target);
    const snapshot = await pollPanel((s) => s.open && s.target?.lesson === lesson);
    assert.equal(snapshot.target?.lesson, lesson);
  });
});

async function pollPanel(done: (snapshot: LessonsPanelSnapshot) => boolean, timeoutMs = 20_000): Promise<LessonsPanelSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snapshot = await panelState();
    if (done(snapshot)) return snapshot;
    if (Date.now() > deadline) throw new Error(`lessons panel not there: ${JSON.stringify(snapshot)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
