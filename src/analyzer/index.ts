/**
 * The analysis core: pure functions over file texts, no `vscode`, no file system. The CLI, the
 * editor extension, tests and benchmarks all call these.
 */
export { analyzeFile, indexFile } from './analyze';
export type { AnalyzeOptions, SourceFile } from './analyze';
export { buildProjectIndex, updateProjectIndex } from './project-index';
export { filesToIndexNext, outlineFile } from './index-plan';
export type { FileOutline } from './index-plan';
export type { FileFacts, ProjectIndex } from './project-index';
export { RULES, ruleDocsUrl, ruleMeta } from './rules/catalog';
export type { RuleMeta } from './rules/rule';
export { FALLACIES, fallacyLabel } from './fallacies';
export { oxcAvailable, resolveParser } from './parsers';
export type { ParserChoice, ParserName } from './parsers';
export * from './types';

/** Bumped whenever findings may change for the same input: invalidates on-disk caches. */
export const ANALYZER_VERSION = '0.1.0';
