import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { FileResult } from '../analyzer/types';

/** Opaque to the runner but for its path (the analyzer's index-plan.ts fills in the rest). */
export interface FileOutline {
  path: string;
}

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
  /** What the index plan needs to know of a file, from its text. */
  outlineFile(file: SourceFile): FileOutline;
  /** The files the next round must index, given the index so far (at first empty); none when it is complete. */
  filesToIndexNext(index: unknown, outlines: readonly FileOutline[], indexed: ReadonlySet<string>): string[];
  indexFile(file: SourceFile, config: ProjectConfig, options: { parser: ParserName }): unknown;
  buildProjectIndex(facts: readonly unknown[]): unknown;
  analyzeFile(file: SourceFile, index: unknown, config: ProjectConfig, options: { parser: ParserName }): FileResult;
}
