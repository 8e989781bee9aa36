import { createMarkdown, type Markdown, type MdToken as Token } from './md';
import { parseFrontMatter, type FrontMatterEntry } from './frontmatter';
import { classifyHref } from './links';
import { parseQuizBlock } from './quiz';
import { ID_PATTERN, slugify } from './slug';
import { LessonFormatError, type Lesson, type LessonLink, type LessonSection, type Quiz } from './types';

/** Parser used only to read structure; it never renders, so it accepts every link and reports it. */
let structureParser: Markdown | undefined;
export function markdownStructureParser(): Markdown {
  if (!structureParser) {
    structureParser = createMarkdown();
    structureParser.validateLink = () => true;
  }
  return structureParser;
}

/** Info strings of fenced blocks with a meaning of their own. */
export function fenceRole(info: string): 'quiz' | 'bad' | 'good' | 'code' {
  const words = info.trim().split(/\s+/);
  if (words[0] === 'quiz' && words.length === 1) return 'quiz';
  if (words.length === 2 && words[1] === 'bad') return 'bad';
  if (words.length === 2 && words[1] === 'good') return 'good';
  return 'code';
}

/** The file's base name without `.md` (and without any directory). */
export function lessonIdFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.md$/i, '');
}

/**
 * Parses one lesson file. `fileName` names the file in error messages and must be `<id>.md`.
 * Throws `LessonFormatError(file, line, message)` on the first problem found.
 */
export function parseLesson(fileName: string, text: string): Lesson {
  const file = fileName;
  const fm = parseFrontMatter(file, text);
  const get = (key: string): FrontMatterEntry | undefined => fm.entries.get(key);
  const need = (key: string): FrontMatterEntry => {
    const e = get(key);
    if (!e) throw new LessonFormatError(file, fm.endLine, `front matter is missing required key "${key}"`);
    return e;
  };

  const idEntry = need('id');
  const id = idEntry.value as string;
  if (!ID_PATTERN.test(id)) {
    throw new LessonFormatError(file, idEntry.line, `"id" must be kebab-case ASCII, got "${id}"`);
  }
  const expected = lessonIdFromFileName(fileName);
  if (id !== expected) {
    throw new LessonFormatError(file, idEntry.line, `"id" is "${id}" but the file is named "${expected}.md"; they must match`);
  }
  const title = (need('title').value as string).trim();
  const orderEntry = need('order');
  const order = orderEntry.value as number;
  if (order < 1) throw new LessonFormatError(file, orderEntry.line, `"order" must be 1 or more, got ${order}`);
  const fallacyEntry = get('fallacy');
  let fallacy: number | undefined;
  if (fallacyEntry) {
    fallacy = fallacyEntry.value as number;
    if (fallacy < 1 || fallacy > 8) {
      throw new LessonFormatError(file, fallacyEntry.line, `"fallacy" must be between 1 and 8, got ${fallacy}`);
    }
  }
  const rules = need('rules').value as string[];
  const scenarios = need('scenarios').value as string[];
  const summary = (need('summary').value as string).trim();

  const body = text.slice(fm.bodyOffset);
  const bodyLine = fm.bodyLine;
  const structure = readBody(file, body, bodyLine);

  const lesson: Lesson = {
    id,
    title,
    order,
    rules,
    scenarios,
    summary,
    sections: structure.sections,
    anchors: structure.anchors,
    quizzes: structure.quizzes,
    links: structure.links,
    body,
    bodyLine,
    file,
  };
  if (fallacy !== undefined) lesson.fallacy = fallacy;
  return lesson;
}

interface BodyStructure {
  sections: LessonSection[];
  anchors: string[];
  quizzes: Quiz[];
  links: LessonLink[];
}

function readBody(file: string, body: string, bodyLine: number): BodyStructure {
  const tokens = markdownStructureParser().parse(body, {});
  const sections: LessonSection[] = [];
  const quizzes: Quiz[] = [];
  const links: LessonLink[] = [];
  const slugs = new Map<string, number>();
  const lineOf = (t: Token | undefined): number => (t?.map ? bodyLine + t.map[0] : bodyLine);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1];
      const line = lineOf(t);
      const headingText = inline ? plainInlineText(inline) : '';
      if (t.tag === 'h1') {
        throw new LessonFormatError(file, line, 'do not use "#" headings in a lesson body: the title comes from the front matter; sections are "##"');
      }
      const slug = slugify(headingText);
      if (slug === '') throw new LessonFormatError(file, line, `heading "${headingText}" has no letters or digits to make an anchor from`);
      const first = slugs.get(slug);
      if (first !== undefined) {
        throw new LessonFormatError(file, line, `heading "${headingText}" has the same anchor "${slug}" as the heading on line ${first}`);
      }
      slugs.set(slug, line);
      if (t.tag === 'h2') sections.push({ slug, title: headingText, line });
    } else if (t.type === 'fence') {
      const role = fenceRole(t.info);
      const line = lineOf(t);
      if (role === 'quiz') {
        const parsed = parseQuizBlock(t.content);
        if (!parsed.ok) throw new LessonFormatError(file, line + 1 + parsed.problem.offset, parsed.problem.message);
        quizzes.push({ ...parsed.quiz, line });
        for (const text of [parsed.quiz.question, ...parsed.quiz.options.flatMap((o) => [o.text, o.explanation])]) {
          collectLinks(file, markdownStructureParser().parseInline(text, {}), line, links);
        }
      } else if (role === 'bad') {
        const next = tokens[i + 1];
        if (!next || next.type !== 'fence' || fenceRole(next.info) !== 'good') {
          throw new LessonFormatError(file, line, `a "${t.info.trim()}" block must be followed directly by its "${t.info.trim().split(/\s+/)[0]} good" block`);
        }
      } else if (role === 'good') {
        const prev = tokens[i - 1];
        if (!prev || prev.type !== 'fence' || fenceRole(prev.info) !== 'bad') {
          throw new LessonFormatError(file, line, `a "${t.info.trim()}" block must come directly after a "… bad" block`);
        }
      }
    } else if (t.type === 'inline') {
      collectLinks(file, [t], lineOf(t), links);
    }
  }
  return { sections, anchors: [...slugs.keys()], quizzes, links };
}

function collectLinks(file: string, tokens: Token[], line: number, out: LessonLink[]): void {
  for (const t of tokens) {
    for (const c of t.children ?? []) {
      if (c.type !== 'link_open') continue;
      const href = String(c.attrGet('href') ?? '');
      const k = classifyHref(href);
      if (k.error) throw new LessonFormatError(file, line, `bad link ${k.error}`);
      const link: LessonLink = { kind: k.kind, href, target: k.target, line };
      if (k.section !== undefined) link.section = k.section;
      out.push(link);
    }
  }
}

/** Text of an inline token with the Markdown markup removed (code spans keep their text). */
export function plainInlineText(inline: Token): string {
  let s = '';
  for (const c of inline.children ?? []) {
    if (c.type === 'text' || c.type === 'code_inline') s += c.content;
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += ' ';
    else if (c.type === 'image') s += c.content;
  }
  return s.trim();
}
