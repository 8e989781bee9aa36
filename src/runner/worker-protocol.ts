/** Messages between the scan's main thread and its analysis workers (structured-clone data only). */
import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { FileResult } from '../analyzer/types';
import type { FileOutline } from './analyzer-api';

export interface FileTask {
  path: string;
  absolutePath: string;
}

export type HostRequest =
  /** `outline`: read and outline the files (the index plan's first step); `index`: index them. */
  | { type: 'index'; id: number; config: ProjectConfig; parser: ParserName; files: FileTask[]; step: IndexStep }
  | { type: 'setIndex'; id: number; index: unknown }
  | { type: 'analyze'; id: number; config: ProjectConfig; parser: ParserName; files: FileTask[] };

export type IndexStep = 'outline' | 'index';

export interface IndexOutcome {
  path: string;
  /** Present when the file was read and indexed. */
  facts?: unknown;
  /** The outline of a readable file (see AnalyzerApi.outlineFile). */
  outline?: FileOutline;
  /** Present when the file is not analysed (unreadable, binary, too large, minified): its final result. */
  skipped?: FileResult;
  /** The file could not be read: it has no result, only a tool note. */
  unreadable?: string;
  /** indexFile threw: the file is still analysed, without its cross-file facts. */
  error?: string;
}

export interface AnalyzeOutcome {
  result: FileResult;
  /** The analyzer threw or the file became unreadable; `result` is then empty. */
  error?: string;
}

export type HostResponse =
  | { type: 'indexed'; id: number; outcomes: IndexOutcome[] }
  | { type: 'indexSet'; id: number }
  | { type: 'analyzed'; id: number; outcomes: AnalyzeOutcome[] };
