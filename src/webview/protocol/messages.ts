/**
 * The lessons panel's message protocol, shared by the extension host and the webview script.
 * Both sides validate what they receive with these schemas: the host treats the webview as untrusted
 * (its content is rendered Markdown), and the webview does not trust that a message came from us.
 */
import { bool, discriminated, int, list, obj, oneOf, optional, str, type Check } from './schema';

/** Lesson, section, rule and scenario ids: kebab-case ASCII, as the lessons module defines them. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const LIMITS = {
  id: 80,
  title: 200,
  summary: 1_000,
  query: 200,
  url: 2_048,
  code: 20_000,
  language: 40,
  lessonHtml: 500_000,
  lessons: 200,
  sections: 60,
  quizzes: 50,
  quizOptions: 10,
  searchResults: 50,
  excerpt: 500,
  errorMessage: 2_000,
  completed: 200,
  quizResults: 2_000,
} as const;

const id = str({ min: 1, max: LIMITS.id, pattern: ID });
const title = str({ max: LIMITS.title });

export interface Snippet {
  code: string;
  language: string;
  fix?: string;
  ruleId?: string;
}
export const snippetSchema: Check<Snippet> = obj({
  code: str({ max: LIMITS.code }),
  language: str({ max: LIMITS.language, pattern: /^[A-Za-z0-9_+#.-]*$/ }),
  fix: optional(str({ max: LIMITS.code })),
  ruleId: optional(id),
});

export type PanelView = 'lesson' | 'lab';

/** Where the panel shows: a lesson (and section), or the lab with a scenario. */
export interface NavTarget {
  lesson: string;
  section?: string;
  view?: PanelView;
  scenario?: string;
}
const navTargetShape = {
  lesson: id,
  section: optional(id),
  view: optional(oneOf(['lesson', 'lab'] as const)),
  scenario: optional(id),
};
export const navTargetSchema: Check<NavTarget> = obj(navTargetShape);

export interface QuizResult {
  lesson: string;
  quiz: number;
  option: number;
  correct: boolean;
}
const quizResultShape = {
  lesson: id,
  quiz: int(0, LIMITS.quizzes - 1),
  option: int(0, LIMITS.quizOptions - 1),
  correct: bool,
};

export interface Progress {
  completed: string[];
  quizzes: QuizResult[];
}
export const progressSchema: Check<Progress> = obj({
  completed: list(id, LIMITS.completed),
  quizzes: list(obj(quizResultShape), LIMITS.quizResults),
});

export interface LessonEntry {
  id: string;
  title: string;
  order: number;
  fallacy?: number;
  summary: string;
  sections: { slug: string; title: string }[];
  scenarios: string[];
  quizCount: number;
  /** Sanitised HTML produced by the lessons module in the extension host. */
  html: string;
}
const lessonEntrySchema: Check<LessonEntry> = obj({
  id,
  title,
  order: int(-1_000_000, 1_000_000),
  fallacy: optional(int(1, 8)),
  summary: str({ max: LIMITS.summary }),
  sections: list(obj({ slug: id, title }), LIMITS.sections),
  scenarios: list(id, 20),
  quizCount: int(0, LIMITS.quizzes),
  html: str({ max: LIMITS.lessonHtml }),
});

export interface SearchHit {
  lesson: string;
  section?: string;
  title: string;
  excerpt: string;
}

/** What the webview saves with `setState` and the serializer hands back after a reload. */
export interface SavedState {
  target: NavTarget;
  snippet?: Snippet;
  /** Simulator settings; validated by the simulator's own `validateSettings` in the webview. */
  lab?: unknown;
}
/** The lab settings are opaque here: only the webview, which bundles the simulator, can check them. */
const opaque: Check<unknown> = (value) => value;
export const savedStateSchema: Check<SavedState> = obj({
  target: navTargetSchema,
  snippet: optional(snippetSchema),
  lab: optional(opaque),
});

// ---------------------------------------------------------------- extension host → webview

export type HostMessage =
  | { type: 'init'; lessons: LessonEntry[]; ruleLessons: { rule: string; lesson: string }[]; progress: Progress; target?: NavTarget; snippet?: Snippet }
  | { type: 'navigate'; target: NavTarget; snippet?: Snippet }
  | { type: 'progress'; progress: Progress }
  | { type: 'searchResults'; query: string; hits: SearchHit[] };

export const validateHostMessage = discriminated<HostMessage>(
  {
    init: obj({
      type: oneOf(['init'] as const),
      lessons: list(lessonEntrySchema, LIMITS.lessons),
      ruleLessons: list(obj({ rule: id, lesson: id }), 100),
      progress: progressSchema,
      target: optional(navTargetSchema),
      snippet: optional(snippetSchema),
    }),
    navigate: obj({ type: oneOf(['navigate'] as const), target: navTargetSchema, snippet: optional(snippetSchema) }),
    progress: obj({ type: oneOf(['progress'] as const), progress: progressSchema }),
    searchResults: obj({
      type: oneOf(['searchResults'] as const),
      query: str({ max: LIMITS.query }),
      hits: list(obj({ lesson: id, section: optional(id), title, excerpt: str({ max: LIMITS.excerpt }) }), LIMITS.searchResults),
    }),
  },
  'hostMessage',
);

// ---------------------------------------------------------------- webview → extension host

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'navigated'; target: NavTarget; snippetShown: boolean }
  | { type: 'quizAnswered'; lesson: string; quiz: number; option: number }
  | { type: 'lessonCompleted'; lesson: string; completed: boolean }
  | { type: 'search'; query: string }
  | { type: 'openExternal'; url: string }
  | { type: 'resetProgress' }
  | { type: 'reportError'; message: string };

export const validateWebviewMessage = discriminated<WebviewMessage>(
  {
    ready: obj({ type: oneOf(['ready'] as const) }),
    navigated: obj({ type: oneOf(['navigated'] as const), target: navTargetSchema, snippetShown: bool }),
    quizAnswered: obj({
      type: oneOf(['quizAnswered'] as const),
      lesson: id,
      quiz: int(0, LIMITS.quizzes - 1),
      option: int(0, LIMITS.quizOptions - 1),
    }),
    lessonCompleted: obj({ type: oneOf(['lessonCompleted'] as const), lesson: id, completed: bool }),
    search: obj({ type: oneOf(['search'] as const), query: str({ max: LIMITS.query }) }),
    openExternal: obj({
      type: oneOf(['openExternal'] as const),
      url: str({ max: LIMITS.url, pattern: /^https?:\/\/[^\s/?#]+[^\s]*$/i }),
    }),
    resetProgress: obj({ type: oneOf(['resetProgress'] as const) }),
    reportError: obj({ type: oneOf(['reportError'] as const), message: str({ max: LIMITS.errorMessage }) }),
  },
  'webviewMessage',
);
