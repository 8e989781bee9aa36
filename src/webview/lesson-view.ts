/**
 * Shows one lesson: its sanitised HTML, the quiz wiring, the links inside it, the completion toggle and
 * the previous/next buttons. Links only ever navigate inside the panel or ask the host to open a URL.
 */
import { postToHost } from './host';
import type { Layout } from './layout';
import type { LessonEntry, NavTarget, Progress } from './protocol/messages';
import { answerQuiz, restoreQuizAnswers } from './quiz';
import { sanitizeLessonHtml } from './sanitize';

export interface LessonViewActions {
  navigate(target: NavTarget): void;
  lessonForRule(rule: string): string | undefined;
  currentLesson(): string;
}

export class LessonView {
  private shownLesson: string | undefined;

  constructor(
    private readonly layout: Layout,
    private readonly actions: LessonViewActions,
  ) {
    layout.lessonContent.addEventListener('click', (event) => this.followLink(event));
    layout.lessonContent.addEventListener('change', (event) => {
      if (this.shownLesson) answerQuiz(event, this.shownLesson);
    });
    layout.completeToggle.addEventListener('change', () => {
      postToHost({ type: 'lessonCompleted', lesson: actions.currentLesson(), completed: layout.completeToggle.checked });
    });
  }

  /**
   * Renders `lesson` unless it is already shown (so quiz state and scroll survive a section jump), then
   * scrolls to `section`. With `focus`, keyboard focus moves to the heading so screen readers start there.
   */
  show(lesson: LessonEntry, section: string | undefined, progress: Progress, neighbours: { prev?: LessonEntry; next?: LessonEntry }, focus: boolean): void {
    const { lessonContent, prevButton, nextButton } = this.layout;
    if (this.shownLesson !== lesson.id) {
      lessonContent.replaceChildren(sanitizeLessonHtml(lesson.html));
      restoreQuizAnswers(lessonContent, lesson.id, progress.quizzes);
      this.shownLesson = lesson.id;
    }
    this.updateProgress(lesson, progress);
    setPager(prevButton, neighbours.prev, 'Previous');
    setPager(nextButton, neighbours.next, 'Next');

    const heading = (section && lessonContent.querySelector<HTMLElement>(`[id="${CSS.escape(section)}"]`)) || lessonContent.querySelector<HTMLElement>('h1');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.scrollIntoView({ block: 'start' });
    if (!section) lessonContent.closest('.fl-main')?.scrollTo({ top: 0 });
    if (focus) heading.focus({ preventScroll: true });
  }

  updateProgress(lesson: LessonEntry, progress: Progress): void {
    this.layout.completeToggle.checked = progress.completed.includes(lesson.id);
  }

  private followLink(event: MouseEvent): void {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a');
    if (!link) return;
    event.preventDefault();
    const data = link.dataset;
    if (data.external !== undefined) {
      const url = link.getAttribute('href');
      if (url) postToHost({ type: 'openExternal', url });
    } else if (data.scenario) {
      this.actions.navigate({ lesson: this.actions.currentLesson(), view: 'lab', scenario: data.scenario });
    } else if (data.rule) {
      const lesson = this.actions.lessonForRule(data.rule);
      if (lesson) this.actions.navigate({ lesson });
    } else if (data.lesson) {
      this.actions.navigate(data.section ? { lesson: data.lesson, section: data.section } : { lesson: data.lesson });
    }
  }
}

function setPager(button: HTMLButtonElement, lesson: LessonEntry | undefined, label: 'Previous' | 'Next'): void {
  button.hidden = !lesson;
  button.dataset.lesson = lesson?.id ?? '';
  button.textContent = lesson ? (label === 'Previous' ? `← Previous: ${lesson.title}` : `Next: ${lesson.title} →`) : '';
}
