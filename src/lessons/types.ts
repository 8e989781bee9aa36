/**
 * The lesson model shared by the parser, the renderer, search and the extension's lesson panel.
 * Plain data only: a parsed lesson can be serialised to JSON and posted into a webview.
 */

export interface LessonSection {
  /** Stable anchor, derived from the heading text (see `slugify`). */
  slug: string;
  title: string;
  /** 1-based line of the heading in the lesson file. */
  line: number;
}

export interface QuizOption {
  /** Option text, inline Markdown. */
  text: string;
  correct: boolean;
  /** Why this option is right or wrong, inline Markdown. */
  explanation: string;
}

export interface Quiz {
  /** Question text, inline Markdown. */
  question: string;
  options: QuizOption[];
  /** 1-based line of the opening fence in the lesson file. */
  line: number;
}

export type LessonLinkKind = 'lesson' | 'rule' | 'scenario' | 'external' | 'anchor' | 'unsupported';

/** A link found in a lesson body (including links inside quiz text), for validation and tooling. */
export interface LessonLink {
  kind: LessonLinkKind;
  /** The href as written. */
  href: string;
  /** lesson id, rule id, scenario id, or the URL for `external` / `unsupported`. */
  target: string;
  /** Section slug for `lesson:id#slug` and `#slug` links. */
  section?: string;
  /** 1-based line in the lesson file. */
  line: number;
}

export interface Lesson {
  id: string;
  title: string;
  /** Position in the table of contents. */
  order: number;
  /** 1–8 on the eight fallacy lessons only. */
  fallacy?: number;
  /** Analyzer rule ids this lesson explains. */
  rules: string[];
  /** Simulator scenario ids used in "Try it". */
  scenarios: string[];
  summary: string;
  /** The `##` sections, in document order. */
  sections: LessonSection[];
  /** Anchor slugs of all headings (`##` and deeper), in document order; links may target any of them. */
  anchors: string[];
  quizzes: Quiz[];
  links: LessonLink[];
  /** The Markdown body after the front matter. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** The file name the lesson was parsed from. */
  file: string;
}

/** A lesson file that does not follow the format. `message` reads `file:line: detail`. */
export class LessonFormatError extends Error {
  readonly file: string;
  readonly line: number;
  readonly detail: string;

  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'LessonFormatError';
    this.file = file;
    this.line = line;
    this.detail = detail;
  }
}
