/**
 * Table of contents with progress: every lesson with its completion and quiz score, the current
 * lesson's sections nested under it. Arrow keys move between entries (one list, one tab stop each).
 */
import { formatPercent } from '../simulator/format';
import { el, replaceChildren } from './dom';
import type { LessonEntry, NavTarget, Progress } from './protocol/messages';

export interface LessonProgress {
  completed: boolean;
  answered: number;
  correct: number;
}

export function lessonProgress(progress: Progress, lesson: LessonEntry): LessonProgress {
  const answers = progress.quizzes.filter((q) => q.lesson === lesson.id && q.quiz < lesson.quizCount);
  return {
    completed: progress.completed.includes(lesson.id),
    answered: answers.length,
    correct: answers.filter((q) => q.correct).length,
  };
}

export class TableOfContents {
  constructor(
    private readonly list: HTMLOListElement,
    private readonly progressText: HTMLElement,
    private readonly progressBar: HTMLProgressElement,
    private readonly onSelect: (target: NavTarget) => void,
  ) {
    list.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-toc-lesson]');
      if (!link) return;
      event.preventDefault();
      const section = link.dataset.tocSection;
      this.onSelect(section ? { lesson: link.dataset.tocLesson!, section } : { lesson: link.dataset.tocLesson! });
    });
    list.addEventListener('keydown', (event) => this.moveFocus(event));
  }

  render(lessons: readonly LessonEntry[], current: NavTarget, progress: Progress): void {
    replaceChildren(this.list, ...lessons.map((lesson) => this.item(lesson, current, lessonProgress(progress, lesson))));
    const done = lessons.filter((l) => progress.completed.includes(l.id)).length;
    const questions = lessons.reduce((sum, l) => sum + l.quizCount, 0);
    const right = lessons.reduce((sum, l) => sum + lessonProgress(progress, l).correct, 0);
    this.progressText.textContent =
      `${done} of ${lessons.length} lessons completed · ${right} of ${questions} quiz questions answered correctly`;
    this.progressBar.max = Math.max(1, lessons.length);
    this.progressBar.value = done;
  }

  private item(lesson: LessonEntry, current: NavTarget, state: LessonProgress): HTMLLIElement {
    const isCurrent = lesson.id === current.lesson;
    const status = state.completed ? 'completed' : state.answered > 0 ? 'started' : 'not started';
    const quiz =
      lesson.quizCount > 0 && state.answered > 0
        ? `quiz ${state.correct}/${lesson.quizCount}${state.correct === lesson.quizCount ? '' : ` (${formatPercent(state.correct / lesson.quizCount)})`}`
        : '';
    const link = el(
      'a',
      {
        href: '#',
        class: 'fl-toc-link',
        'data-toc-lesson': lesson.id,
        'data-status': status,
        'aria-current': isCurrent ? 'page' : undefined,
      },
      el('span', { class: 'fl-toc-mark', 'aria-hidden': 'true' }, state.completed ? '✓' : state.answered > 0 ? '◐' : '○'),
      el('span', { class: 'fl-toc-text' }, lesson.title),
      el('span', { class: 'fl-visually-hidden' }, `, ${status}`),
      quiz ? el('span', { class: 'fl-toc-quiz' }, quiz) : null,
    );
    const sections =
      isCurrent && lesson.sections.length > 0
        ? el(
            'ol',
            { class: 'fl-toc-sections', 'aria-label': `Sections of ${lesson.title}` },
            ...lesson.sections.map((s) =>
              el(
                'li',
                {},
                el(
                  'a',
                  {
                    href: '#',
                    class: 'fl-toc-link fl-toc-section',
                    'data-toc-lesson': lesson.id,
                    'data-toc-section': s.slug,
                    'aria-current': current.section === s.slug ? 'location' : undefined,
                  },
                  s.title,
                ),
              ),
            ),
          )
        : null;
    return el('li', { class: 'fl-toc-item' }, link, sections);
  }

  private moveFocus(event: KeyboardEvent): void {
    const links = Array.from(this.list.querySelectorAll<HTMLAnchorElement>('a.fl-toc-link'));
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    const next =
      event.key === 'ArrowDown' ? at + 1 : event.key === 'ArrowUp' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? links.length - 1 : undefined;
    if (next === undefined) return;
    event.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, next))]!.focus();
  }
}
