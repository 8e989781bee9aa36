import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { FileResult } from '../analyzer/types';

export interface SourceFile {
  /** Posix path relative to the project root. */
  path: string;
  text: string;
}

/**
 * The analyzer as the runner sees it. Facts and the project index are opaque JSON-serialisable
 * values that cross thread boundaries; method syntax lets the analyzer's precisely typed
 * functions stand in for these.
 */
export interface AnalyzerApi {
  indexFile(file: SourceFile, config: ProjectConfig, options: { parser: ParserName }): unknown;
  buildProjectIndex(facts: readonly unknown[]): unknown;
  analyzeFile(file: SourceFile, index: unknown, config: ProjectConfig, options: { parser: ParserName }): FileResult;
}
