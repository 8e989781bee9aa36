import { analyzeFile, buildProjectIndex, filesToIndexNext, indexFile, outlineFile } from '../analyzer';
import type { FileOutline, ProjectIndex } from '../analyzer';
import type { AnalyzerApi } from './analyzer-api';

/** The real analyzer, for worker threads and in-process runs. */
export const analyzer: AnalyzerApi = {
  outlineFile,
  filesToIndexNext: (index, outlines, indexed) => filesToIndexNext(index as ProjectIndex, outlines as FileOutline[], indexed),
  indexFile,
  buildProjectIndex,
  analyzeFile,
};
