/**
 * Full-text search over lessons for the panel's search box. Pure and synchronous: the index of a lesson is
 * built on first use and cached per lesson object.
 *
 * Matching: the query is split into words; every word must occur (as a word or the start of a word, so
 * typing "idempot" finds "idempotency") in the section, its lesson's title or summary, or the lesson's
 * rule ids. Ranking: title and heading matches weigh more than body matches, whole words more than
 * prefixes, and the exact phrase earns a bonus. Results are per section; a lesson contributes at most
 * `perLesson` sections.
 */
import { markdownStructureParser, plainInlineText, fenceRole } from './parse';
import { parseQuizBlock } from './quiz';
import type { Lesson } from './types';

export interface SearchHit {
  lessonId: string;
  lessonTitle: string;
  /** Slug of the `##` section, or null for text before the first section. */
  sectionSlug: string | null;
  sectionTitle: string | null;
  /** Plain text around the first match, with "…" where it was cut. */
  snippet: string;
  score: number;
}

export interface SearchOptions {
  /** Maximum number of hits (default 20). */
  limit?: number;
  /** Maximum number of sections per lesson (default 3). */
  perLesson?: number;
}

interface Unit {
  slug: string | null;
  title: string | null;
  text: string;
  words: string[];
  titleWords: string[];
}

interface LessonIndex {
  units: Unit[];
  lessonWords: string[];
  summaryWords: string[];
}

const cache = new WeakMap<Lesson, LessonIndex>();

export function tokenizeForSearch(s: string): string[] {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

function indexLesson(lesson: Lesson): LessonIndex {
  const hit = cache.get(lesson);
  if (hit) return hit;
  const tokens = markdownStructureParser().parse(lesson.body, {});
  const units: { slug: string | null; title: string | null; parts: string[] }[] = [{ slug: null, title: null, parts: [] }];
  let current = units[0]!;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open' && t.tag === 'h2') {
      const title = plainInlineText(tokens[i + 1]!);
      const section = lesson.sections.find((s) => s.title === title);
      current = { slug: section?.slug ?? null, title, parts: [] };
      units.push(current);
      i += 2;
      continue;
    }
    if (t.type === 'inline') current.parts.push(plainInlineText(t));
    else if (t.type === 'fence' || t.type === 'code_block') {
      if (t.type === 'fence' && fenceRole(t.info) === 'quiz') {
        const q = parseQuizBlock(t.content);
        if (q.ok) current.parts.push(q.quiz.question, ...q.quiz.options.map((o) => `${o.text} ${o.explanation}`));
      } else {
        current.parts.push(t.content);
      }
    }
  }
  const index: LessonIndex = {
    units: units
      .map((u) => {
        const text = u.parts.join(' ').replace(/\s+/g, ' ').trim();
        return { slug: u.slug, title: u.title, text, words: tokenizeForSearch(text), titleWords: tokenizeForSearch(u.title ?? '') };
      })
      .filter((u) => u.text !== '' || u.title !== null),
    lessonWords: tokenizeForSearch(`${lesson.title} ${lesson.id} ${lesson.rules.join(' ')}`),
    summaryWords: tokenizeForSearch(lesson.summary),
  };
  cache.set(lesson, index);
  return index;
}

/** Score of one query word against a list of words: 1.5 per whole-word match, 1 per prefix match, capped. */
function termScore(term: string, words: readonly string[], cap = 5): number {
  let score = 0;
  let n = 0;
  for (const w of words) {
    if (w === term) score += 1.5;
    else if (w.startsWith(term)) score += 1;
    else continue;
    if (++n >= cap) break;
  }
  return score;
}

function snippetFor(text: string, terms: string[], width = 160): string {
  const lower = text.toLowerCase();
  let at = -1;
  for (const term of terms) {
    const re = new RegExp(`(^|[^a-z0-9])${term.replace(/[^a-z0-9]/g, '')}`);
    const m = re.exec(lower);
    if (m && (at === -1 || m.index < at)) at = m.index + m[1]!.length;
  }
  if (at === -1) at = 0;
  let start = Math.max(0, at - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < at) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > at) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

export function searchLessons(lessons: readonly Lesson[], query: string, opts: SearchOptions = {}): SearchHit[] {
  const terms = [...new Set(tokenizeForSearch(query))];
  if (terms.length === 0) return [];
  const phrase = terms.join(' ');
  const limit = opts.limit ?? 20;
  const perLesson = opts.perLesson ?? 3;
  const hits: (SearchHit & { order: number })[] = [];

  for (const lesson of lessons) {
    const index = indexLesson(lesson);
    const lessonHits: (SearchHit & { order: number })[] = [];
    for (const unit of index.units) {
      let score = 0;
      let all = true;
      for (const term of terms) {
        const body = termScore(term, unit.words);
        const heading = termScore(term, unit.titleWords, 1) * 4;
        const title = termScore(term, index.lessonWords, 1) * 3;
        const summary = termScore(term, index.summaryWords, 1) * 1.5;
        if (body + heading + title + summary === 0) {
          all = false;
          break;
        }
        score += body + heading + title + summary;
      }
      if (!all) continue;
      if (terms.length > 1 && unit.words.join(' ').includes(phrase)) score += 5;
      lessonHits.push({
        lessonId: lesson.id,
        lessonTitle: lesson.title,
        sectionSlug: unit.slug,
        sectionTitle: unit.title,
        snippet: snippetFor(unit.text || lesson.summary, terms),
        score: Math.round(score * 100) / 100,
        order: lesson.order,
      });
    }
    lessonHits.sort((a, b) => b.score - a.score);
    hits.push(...lessonHits.slice(0, perLesson));
  }
  hits.sort((a, b) => b.score - a.score || a.order - b.order || a.lessonId.localeCompare(b.lessonId));
  return hits.slice(0, limit).map(({ order: _order, ...h }) => h);
}
