/**
 * Owns where the panel is (lesson, section, lesson or lab view) and keeps every view, the saved
 * webview state and the extension host in step with it.
 */
import { postToHost, saveState } from './host';
import type { Layout } from './layout';
import type { LessonView } from './lesson-view';
import type { HostMessage, LessonEntry, NavTarget, Progress, SavedState, Snippet } from './protocol/messages';
import type { SearchBox } from './search';
import type { SnippetBox } from './snippet-box';
import type { TableOfContents } from './toc';

/** What the router needs from the lab. */
export interface LabPanel {
  /** Shows the lab with `scenario` (or the scenario shown last), offering the lesson's scenarios first. */
  open(scenario: string | undefined, lessonScenarios: readonly string[]): void;
  /** The scenario on screen. */
  currentScenario(): string;
  /** The lab's knobs as plain data, for the saved state. */
  savedSettings(): unknown;
  /** Restores knobs saved earlier; the lab validates them itself. */
  restoreSettings(saved: unknown): void;
}

export interface Views {
  layout: Layout;
  toc: TableOfContents;
  search: SearchBox;
  lesson: LessonView;
  snippet: SnippetBox;
  lab: LabPanel;
}

type InitMessage = Extract<HostMessage, { type: 'init' }>;

export class Router {
  private lessons: LessonEntry[] = [];
  private ruleLessons = new Map<string, string>();
  private progress: Progress = { completed: [], quizzes: [] };
  private target: NavTarget | undefined;
  private snippet: Snippet | undefined;

  constructor(readonly views: Views) {}

  /**
   * First render (and every re-render after the webview was hidden and reloaded). A navigation the host
   * asked for wins; otherwise the panel comes back where the user left it.
   */
  init(message: InitMessage, saved: SavedState | undefined): void {
    this.lessons = message.lessons;
    this.ruleLessons = new Map(message.ruleLessons.map((r) => [r.rule, r.lesson]));
    this.progress = message.progress;
    if (saved?.lab !== undefined) this.views.lab.restoreSettings(saved.lab);
    const first = this.lessons[0];
    if (!first) return;
    if (message.target) this.navigate(message.target, { snippet: message.snippet ?? null, focus: true });
    else if (saved && this.lesson(saved.target.lesson)) this.navigate(saved.target, { snippet: saved.snippet ?? null, focus: false });
    else this.navigate({ lesson: first.id }, { snippet: null, focus: false });
  }

  /** `snippet: null` clears the "In your code" box, `undefined` keeps whatever it shows. */
  navigate(target: NavTarget, options: { snippet?: Snippet | null; focus: boolean }): void {
    const lesson = this.lesson(target.lesson);
    if (!lesson) return;
    if (options.snippet !== undefined) this.snippet = options.snippet ?? undefined;
    const view = target.view ?? 'lesson';
    const section = target.section && lesson.sections.some((s) => s.slug === target.section) ? target.section : undefined;
    const { layout, toc, snippet, lab } = this.views;

    this.selectTab(view);
    if (view === 'lab') {
      lab.open(target.scenario, lesson.scenarios);
      this.target = { lesson: lesson.id, view, scenario: lab.currentScenario() };
      if (options.focus) layout.labTab.focus();
    } else {
      snippet.show(this.snippet);
      this.views.lesson.show(lesson, section, this.progress, this.neighbours(lesson), options.focus);
      this.target = section ? { lesson: lesson.id, section } : { lesson: lesson.id };
    }
    toc.render(this.lessons, this.target, this.progress);
    this.persist();
    postToHost({ type: 'navigated', target: this.target, snippetShown: this.snippet !== undefined });
  }

  step(direction: -1 | 1): void {
    const at = this.lessons.findIndex((l) => l.id === this.target?.lesson);
    const next = this.lessons[at + direction];
    if (next) this.navigate({ lesson: next.id }, { focus: true });
  }

  showView(view: 'lesson' | 'lab'): void {
    const current = this.target?.lesson;
    if (current) this.navigate({ lesson: current, view }, { focus: true });
  }

  hideSnippet(): void {
    this.snippet = undefined;
    this.views.snippet.show(undefined);
    this.persist();
    if (this.target) postToHost({ type: 'navigated', target: this.target, snippetShown: false });
  }

  updateProgress(progress: Progress): void {
    this.progress = progress;
    const lesson = this.target && this.lesson(this.target.lesson);
    if (!lesson || !this.target) return;
    this.views.toc.render(this.lessons, this.target, progress);
    this.views.lesson.updateProgress(lesson, progress);
  }

  currentLesson(): string {
    return this.target?.lesson ?? this.lessons[0]?.id ?? '';
  }

  lessonForRule(rule: string): string | undefined {
    return this.ruleLessons.get(rule);
  }

  /** The lab switched scenario or knobs: remember it, and tell the host which scenario is on screen. */
  labChanged(): void {
    if (this.target?.view !== 'lab') return this.persist();
    this.target = { lesson: this.target.lesson, view: 'lab', scenario: this.views.lab.currentScenario() };
    this.persist();
    postToHost({ type: 'navigated', target: this.target, snippetShown: this.snippet !== undefined });
  }

  /** Saves where the panel is and the lab's knobs, so a reload or restart comes back to the same place. */
  persist(): void {
    if (!this.target) return;
    const state: SavedState = { target: this.target, lab: this.views.lab.savedSettings() };
    if (this.snippet) state.snippet = this.snippet;
    saveState(state);
  }

  private lesson(id: string): LessonEntry | undefined {
    return this.lessons.find((l) => l.id === id);
  }

  private neighbours(lesson: LessonEntry): { prev?: LessonEntry; next?: LessonEntry } {
    const at = this.lessons.indexOf(lesson);
    const prev = this.lessons[at - 1];
    const next = this.lessons[at + 1];
    return { ...(prev ? { prev } : {}), ...(next ? { next } : {}) };
  }

  private selectTab(view: 'lesson' | 'lab'): void {
    const { lessonTab, labTab, lessonView, labView } = this.views.layout;
    lessonTab.setAttribute('aria-selected', String(view === 'lesson'));
    labTab.setAttribute('aria-selected', String(view === 'lab'));
    lessonTab.tabIndex = view === 'lesson' ? 0 : -1;
    labTab.tabIndex = view === 'lab' ? 0 : -1;
    lessonView.hidden = view !== 'lesson';
    labView.hidden = view !== 'lab';
  }
}
