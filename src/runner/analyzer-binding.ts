import { analyzeFile, buildProjectIndex, indexFile } from '../analyzer';
import type { AnalyzerApi } from './analyzer-api';

/** The real analyzer, for worker threads and in-process runs. */
export const analyzer: AnalyzerApi = { indexFile, buildProjectIndex, analyzeFile };
