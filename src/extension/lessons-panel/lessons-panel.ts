/**
 * The one lessons panel. Like SonarQube for IDE's rule panel it is created lazily and then reused:
 * a second "open lessons" reveals it and posts a navigation message instead of opening another tab.
 */
import * as vscode from 'vscode';
import {
  validateWebviewMessage,
  type HostMessage,
  type NavTarget,
  type SavedState,
  type Snippet,
  type WebviewMessage,
} from '../../webview/protocol/messages';
import type { LessonLibrary } from './lesson-library';
import type { OpenRequest } from './open-request';
import { buildPanelHtml, webviewOptions } from './panel-html';
import type { ProgressStore } from './progress-store';

export const LESSONS_VIEW_TYPE = 'fallacyLens.lessons';

/** What `fallacyLens._lessonsPanelState` reports; internal, for tests and benchmarks. */
export interface LessonsPanelSnapshot {
  open: boolean;
  visible: boolean;
  /** The webview has loaded and said it is ready. */
  ready: boolean;
  /** Where the webview last reported it is (confirmed, not merely requested). */
  target?: NavTarget;
  /** The snippet shown in the "In your code" box, if the webview shows one. */
  snippet?: Snippet;
  /** Milliseconds from the last command that created the panel to the webview's `ready`. */
  lastOpenMs?: number;
  /** Messages from the webview that failed validation since the panel was created. */
  rejectedMessages: number;
}

interface Navigation {
  target: NavTarget;
  snippet?: Snippet;
}

export class LessonsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private ready = false;
  /** A navigation the webview has not confirmed yet; sent again with `init` if the page reloads first. */
  private pending: Navigation | undefined;
  private confirmed: NavTarget | undefined;
  private snippet: Snippet | undefined;
  private snippetShown = false;
  private openStartedAt: number | undefined;
  private lastOpenMs: number | undefined;
  private rejectedMessages = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly library: () => Promise<LessonLibrary>,
    private readonly progress: ProgressStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async show(request: OpenRequest): Promise<void> {
    const library = await this.library();
    let target = library.resolve(request);
    if (request.lesson !== undefined && target?.lesson !== request.lesson) {
      this.log.warn(`openLessons: no lesson "${request.lesson}"; opening ${target ? `"${target.lesson}"` : 'the panel'} instead`);
    }
    if (!target && request.snippet) {
      const fallback = this.confirmed?.lesson ?? library.first();
      if (fallback) target = { lesson: fallback };
    }
    if (target) {
      // A snippet belongs to the finding it came from: a plain navigation clears the previous one.
      this.snippet = request.snippet;
      this.pending = { target, snippet: request.snippet };
    }
    if (!this.panel) {
      this.openStartedAt = performance.now();
      const column = request.snippet ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      const panel = vscode.window.createWebviewPanel(LESSONS_VIEW_TYPE, 'Fallacy Lens Lessons', column, webviewOptions(this.extensionUri));
      this.attach(panel);
      return;
    }
    const wasVisible = this.panel.visible;
    this.panel.reveal(undefined, false);
    // A hidden webview has been unloaded and drops messages; it asks for `init` (with `pending`) when it is back.
    if (wasVisible && this.ready && this.pending) this.post({ type: 'navigate', ...this.pending });
  }

  /** Takes over a panel VS Code restored after a reload; the webview restores its own view from `getState`. */
  restore(panel: vscode.WebviewPanel, state: SavedState | undefined): void {
    if (this.panel) {
      panel.dispose();
      return;
    }
    this.confirmed = state?.target;
    this.snippet = state?.snippet;
    this.snippetShown = state?.snippet !== undefined;
    panel.webview.options = webviewOptions(this.extensionUri);
    this.attach(panel);
  }

  snapshot(): LessonsPanelSnapshot {
    return {
      open: this.panel !== undefined,
      visible: this.panel?.visible ?? false,
      ready: this.ready,
      ...(this.confirmed ? { target: this.confirmed } : {}),
      ...(this.snippetShown && this.snippet ? { snippet: this.snippet } : {}),
      ...(this.lastOpenMs !== undefined ? { lastOpenMs: this.lastOpenMs } : {}),
      rejectedMessages: this.rejectedMessages,
    };
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    this.rejectedMessages = 0;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'lessons-panel', 'icon.svg');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.detach()),
    ];
    panel.webview.html = buildPanelHtml(panel.webview, this.extensionUri);
  }

  private detach(): void {
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
    this.panel = undefined;
    this.ready = false;
    this.pending = undefined;
    this.confirmed = undefined;
    this.snippet = undefined;
    this.snippetShown = false;
  }

  private receive(raw: unknown): void {
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.rejectedMessages++;
      this.log.warn(`Ignored a message from the lessons webview: ${checked.error}`);
      return;
    }
    this.handle(checked.value).catch((error: unknown) => {
      this.log.error(`Lessons panel: handling "${checked.value.type}" failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.sendInit();
      case 'navigated':
        this.confirmed = message.target;
        this.snippetShown = message.snippetShown;
        if (this.pending?.target?.lesson === message.target.lesson) this.pending = undefined;
        return;
      case 'quizAnswered': {
        const library = await this.library();
        const correct = library.grade(message.lesson, message.quiz, message.option);
        if (correct === undefined) {
          this.log.warn(`Ignored an answer to a question that does not exist: ${message.lesson} #${message.quiz} option ${message.option}`);
          return;
        }
        const progress = await this.progress.recordQuiz({ lesson: message.lesson, quiz: message.quiz, option: message.option, correct });
        return this.post({ type: 'progress', progress });
      }
      case 'lessonCompleted': {
        if (!(await this.library()).has(message.lesson)) {
          this.log.warn(`Ignored completion of an unknown lesson "${message.lesson}"`);
          return;
        }
        return this.post({ type: 'progress', progress: await this.progress.setCompleted(message.lesson, message.completed) });
      }
      case 'search': {
        const library = await this.library();
        return this.post({ type: 'searchResults', query: message.query, hits: library.search(message.query) });
      }
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        return;
      case 'resetProgress': {
        const choice = await vscode.window.showWarningMessage(
          'Reset your Fallacy Lens lesson progress and quiz answers?',
          { modal: true },
          'Reset',
        );
        if (choice === 'Reset') this.post({ type: 'progress', progress: await this.progress.reset() });
        return;
      }
      case 'reportError':
        this.log.error(`Lessons webview: ${message.message}`);
        return;
    }
  }

  private async sendInit(): Promise<void> {
    const library = await this.library();
    this.ready = true;
    if (this.openStartedAt !== undefined) {
      this.lastOpenMs = performance.now() - this.openStartedAt;
      this.openStartedAt = undefined;
      this.log.info(`Lessons panel ready in ${this.lastOpenMs.toFixed(1)} ms`);
    }
    this.post({
      type: 'init',
      lessons: library.toEntries(),
      ruleLessons: library.ruleLessons(),
      progress: this.progress.read(),
      ...this.pending,
    });
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }
}
