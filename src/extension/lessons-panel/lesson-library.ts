/**
 * The lessons as the panel needs them: rendered once in the extension host (the webview never sees
 * Markdown), looked up by id, searched, and used to grade quiz answers so that stored progress does
 * not depend on what the webview claims.
 */
import { RULE_LESSONS, isRuleId, renderLessonHtml, searchLessons, sortLessons, type Lesson } from '../../lessons';
import { LIMITS, type LessonEntry, type NavTarget, type SearchHit } from '../../webview/protocol/messages';

export class LessonLibrary {
  private readonly byId: ReadonlyMap<string, Lesson>;
  private entries: LessonEntry[] | undefined;

  constructor(lessons: readonly Lesson[]) {
    this.byId = new Map(sortLessons(lessons).map((lesson) => [lesson.id, lesson]));
  }

  get lessons(): Lesson[] {
    return [...this.byId.values()];
  }

  /** The table of contents' first lesson, where a request without a usable target lands. */
  first(): string | undefined {
    return this.byId.keys().next().value;
  }

  has(lessonId: string): boolean {
    return this.byId.has(lessonId);
  }

  hasSection(lessonId: string, slug: string): boolean {
    return this.byId.get(lessonId)?.sections.some((s) => s.slug === slug) ?? false;
  }

  /** Rendering is the expensive part of opening the panel, so it happens once per session. */
  toEntries(): LessonEntry[] {
    this.entries ??= this.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      order: lesson.order,
      ...(lesson.fallacy !== undefined ? { fallacy: lesson.fallacy } : {}),
      summary: lesson.summary,
      sections: lesson.sections.map(({ slug, title }) => ({ slug, title })),
      scenarios: [...lesson.scenarios],
      quizCount: lesson.quizzes.length,
      html: renderLessonHtml(lesson),
    }));
    return this.entries;
  }

  /** Rule id → the lesson its findings link to, for `rule:` links inside lessons. */
  ruleLessons(): { rule: string; lesson: string }[] {
    return Object.entries(RULE_LESSONS)
      .filter(([, link]) => this.byId.has(link.primary))
      .map(([rule, link]) => ({ rule, lesson: link.primary }));
  }

  /**
   * Resolves where an "open lessons" request should land. An explicit lesson wins over the rule's
   * lesson; a section the lesson does not have is dropped rather than failing the whole request.
   */
  resolve(request: { lesson?: string; section?: string; ruleId?: string }): NavTarget | undefined {
    let lesson = request.lesson !== undefined && this.byId.has(request.lesson) ? request.lesson : undefined;
    if (lesson === undefined && request.ruleId !== undefined && isRuleId(request.ruleId)) {
      const primary = RULE_LESSONS[request.ruleId].primary;
      if (this.byId.has(primary)) lesson = primary;
    }
    if (lesson === undefined) return undefined;
    const section = request.section !== undefined && this.hasSection(lesson, request.section) ? request.section : undefined;
    return section === undefined ? { lesson } : { lesson, section };
  }

  /** Whether `option` is the right answer to question `quiz` of the lesson; undefined if there is no such question. */
  grade(lessonId: string, quiz: number, option: number): boolean | undefined {
    const question = this.byId.get(lessonId)?.quizzes[quiz];
    const answer = question?.options[option];
    return answer === undefined ? undefined : answer.correct;
  }

  search(query: string): SearchHit[] {
    return searchLessons(this.lessons, query, { limit: LIMITS.searchResults }).map((hit) => ({
      lesson: hit.lessonId,
      ...(hit.sectionSlug !== null ? { section: hit.sectionSlug } : {}),
      title: hit.sectionTitle === null ? hit.lessonTitle : `${hit.lessonTitle} › ${hit.sectionTitle}`,
      excerpt: hit.snippet.slice(0, LIMITS.excerpt),
    }));
  }
}
