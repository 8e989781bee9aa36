/**
 * Lessons: parsing, validation vocabulary, rendering and search. Pure: no `vscode`, no DOM, no Node APIs,
 * so it runs in the extension host, in the webview bundle and in tests alike. Reading lesson files from
 * disk lives in `./load` (Node only).
 */
export * from './types';
export * from './catalog';
export { parseLesson, lessonIdFromFileName } from './parse';
export { parseFrontMatter, FRONT_MATTER_KEYS } from './frontmatter';
export { parseQuizBlock } from './quiz';
export { classifyHref } from './links';
export { slugify, ID_PATTERN } from './slug';
export { renderLessonHtml, escapeHtml, type RenderOptions, type RenderableLesson } from './render';
export { searchLessons, tokenizeForSearch, type SearchHit, type SearchOptions } from './search';
export { sortLessons } from './order';
