/**
 * Messages between the extension host and the editor worker (dist/editor-worker.js).
 * Everything is plain JSON data so that it survives the structured clone of `postMessage`.
 */
import type { ProjectConfig } from '../analyzer/config';
import type { RuleMeta } from '../analyzer/rules/rule';
import type { FileResult } from '../analyzer/types';

/** One workspace folder as the worker sees it: an absolute root and its merged configuration. */
export interface ProjectSettings {
  root: string;
  config: ProjectConfig;
  /** Globs from the editor (`files.exclude`) that a review skips as well (editing does not: the user opened the file). */
  editorExcludes: string[];
  /** False for a lone file outside the workspace: its directory is not walked (it may be a home folder). */
  indexProject: boolean;
  /** Milliseconds the timeout quick fixes write (`fallacyLens.quickFix.defaultTimeoutMs`). */
  fixTimeoutMs: number;
}

export interface AnalyzeReply {
  /** A newer text of the same file arrived before this one was analysed; nothing was done. */
  superseded: boolean;
  result?: FileResult;
  elapsedMs: number;
}

export interface ReviewBatch {
  done: number;
  total: number;
  results: FileResult[];
}

/** Every call the worker answers: its parameters and the result of its reply. */
export interface WorkerCalls {
  configure: { params: ProjectSettings; result: null };
  /** Analyse the editor's text of one file (posix path relative to the root). */
  analyze: { params: { root: string; path: string; text: string }; result: AnalyzeReply };
  /** The editor's text of a file is gone (closed): fall back to what is on disk. */
  release: { params: { root: string; path: string }; result: null };
  /** A file changed on disk: refresh its cross-file facts. */
  fileChanged: { params: { root: string; path: string }; result: null };
  /** Resolves once the project index of the root has been built from every file. */
  awaitIndex: { params: { root: string }; result: { files: number } };
  /** The files a review would analyse (walker + excludes), as posix paths relative to the root. */
  listFiles: { params: { root: string }; result: string[] };
  /** Analyse files from disk; progress arrives as `reviewBatch` events. */
  review: { params: { root: string; paths: string[] }; result: { analysed: number; cancelled: boolean } };
  cancel: { params: { target: number }; result: null };
  /** The rule catalog (the extension host does not load the analyzer itself: it is large). */
  rules: { params: null; result: RuleMeta[] };
}

export type WorkerCallName = keyof WorkerCalls;

export type WorkerRequest = {
  [K in WorkerCallName]: { id: number; call: K; params: WorkerCalls[K]['params'] };
}[WorkerCallName];

export type WorkerMessage =
  | { kind: 'reply'; id: number; result: unknown }
  | { kind: 'failure'; id: number; message: string }
  | { kind: 'reviewBatch'; id: number; batch: ReviewBatch }
  | { kind: 'indexReady'; root: string; files: number };
