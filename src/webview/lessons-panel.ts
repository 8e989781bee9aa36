/**
 * Entry point of the lessons webview (bundled to dist/webview/lessons-panel.js). Builds the page,
 * wires the views to the router, restores the saved state, and tells the extension host it is ready;
 * the host answers with the lessons and, when a command opened the panel, where to go.
 */
import { byId } from './dom';
import { loadSavedState, onHostMessage, postToHost, reportError } from './host';
import { LabView } from './lab/lab-view';
import { buildLayout } from './layout';
import { LessonView } from './lesson-view';
import { wireKeyboard } from './keyboard';
import { savedStateSchema, type SavedState } from './protocol/messages';
import { SchemaError } from './protocol/schema';
import { Router } from './router';
import { SearchBox } from './search';
import { SnippetBox } from './snippet-box';
import { TableOfContents } from './toc';

function savedState(): SavedState | undefined {
  const raw = loadSavedState();
  if (raw === undefined || raw === null) return undefined;
  try {
    return savedStateSchema(raw, 'savedState');
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    reportError(`ignored the saved panel state: ${error.message}`);
    return undefined;
  }
}

function start(): void {
  const layout = buildLayout(byId('fl-ui-root'));
  const go = (target: Parameters<Router['navigate']>[0]) => router.navigate(target, { focus: true });
  const lab = new LabView(layout.labView, () => router.labChanged());
  const router: Router = new Router({
    layout,
    toc: new TableOfContents(layout.toc, layout.progressText, layout.progressBar, go),
    search: new SearchBox(layout.searchInput, layout.searchStatus, layout.searchResults, go),
    lesson: new LessonView(layout, {
      navigate: go,
      lessonForRule: (rule) => router.lessonForRule(rule),
      currentLesson: () => router.currentLesson(),
    }),
    snippet: new SnippetBox(layout.yourCode, () => router.hideSnippet()),
    lab,
  });
  const search = router.views.search;

  layout.prevButton.addEventListener('click', () => router.step(-1));
  layout.nextButton.addEventListener('click', () => router.step(1));
  layout.lessonTab.addEventListener('click', () => router.showView('lesson'));
  layout.labTab.addEventListener('click', () => router.showView('lab'));
  layout.resetButton.addEventListener('click', () => postToHost({ type: 'resetProgress' }));
  byId('fl-ui-skip').addEventListener('click', (event) => {
    event.preventDefault();
    layout.main.focus();
  });
  wireKeyboard(layout, { focusSearch: () => search.focus(), step: (d) => router.step(d), showView: (v) => router.showView(v) });

  const saved = savedState();
  onHostMessage((message) => {
    switch (message.type) {
      case 'init':
        router.init(message, saved);
        return;
      case 'navigate':
        router.navigate(message.target, { snippet: message.snippet ?? null, focus: true });
        return;
      case 'progress':
        router.updateProgress(message.progress);
        return;
      case 'searchResults':
        search.show(message.query, message.hits);
        return;
    }
  });
  window.addEventListener('error', (event) => reportError(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportError(event.reason));
  postToHost({ type: 'ready' });
}

start();
