/**
 * The editor's analysis thread. It owns one project index per workspace folder, keeps it current
 * as files are edited and saved, and analyses single files against it, so that neither parsing
 * nor cross-file resolution ever runs on the extension host (which would delay every other
 * extension and the user's typing).
 */
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { analyzeFile, buildProjectIndex, indexFile, RULES, updateProjectIndex } from '../analyzer';
import type { FileFacts, ProjectIndex } from '../analyzer';
import { classifyForSkipping } from '../analyzer/source-file';
import type { FileNote, FileResult } from '../analyzer/types';
import { collectFiles } from '../runner/file-walker';
import { loadSource } from '../runner/read-source';
import type { AnalyzeReply, ProjectSettings, WorkerCallName, WorkerCalls, WorkerMessage, WorkerRequest } from './worker-protocol';

/** Files indexed or reviewed between two yields to the message loop. */
const BATCH_SIZE = 25;

const port = parentPort;
if (!port) throw new Error('editor-worker must run in a worker thread');

const yieldToMessages = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const post = (message: WorkerMessage): void => port.postMessage(message);

class Project {
  private readonly facts = new Map<string, FileFacts>();
  /** The editor's text of open files; it wins over the disk. */
  private readonly openTexts = new Map<string, string>();
  private index: ProjectIndex = buildProjectIndex([]);
  private indexedFiles = 0;
  readonly ready: Promise<void>;

  constructor(readonly settings: ProjectSettings) {
    this.ready = this.buildIndex();
  }

  get root(): string {
    return this.settings.root;
  }

  analyze(relativePath: string, text: string): FileResult {
    this.openTexts.set(relativePath, text);
    // The editor's text gets the screening the runner gives files on disk (size, minified, generated).
    const skipped = classifyForSkipping(relativePath, text, this.settings.config.maxFileBytes);
    if (skipped) return skippedResult(relativePath, [skipped]);
    // The editor's text changes a few characters at a time: each tree is built from the last one.
    this.refreshFacts(relativePath, text, true);
    return analyzeFile({ path: relativePath, text }, this.index, this.settings.config, { fixTimeoutMs: this.settings.fixTimeoutMs, incremental: true });
  }

  release(relativePath: string): void {
    this.openTexts.delete(relativePath);
    this.refreshFromDisk(relativePath);
  }

  refreshFromDisk(relativePath: string): void {
    if (this.openTexts.has(relativePath)) return;
    const loaded = this.load(relativePath);
    this.refreshFacts(relativePath, loaded.kind === 'source' ? loaded.file.text : '');
  }

  /** What a review analyses: the walker's files (.gitignore, config excludes, `files.exclude`). */
  async listFiles(): Promise<string[]> {
    // The walker prunes excluded directories, which is how `files.exclude` globs (`**/generated`) are meant.
    const walkConfig = { ...this.settings.config, exclude: [...this.settings.config.exclude, ...this.settings.editorExcludes] };
    const walk = await collectFiles(this.root, [this.root], walkConfig);
    return walk.files.map((file) => file.path);
  }

  /** Analyses a file as the disk has it, unless the editor holds a newer text. */
  analyzeStored(relativePath: string): FileResult {
    const open = this.openTexts.get(relativePath);
    if (open !== undefined) return this.analyze(relativePath, open);
    const loaded = this.load(relativePath);
    if (loaded.kind === 'skipped') return skippedResult(relativePath, loaded.notes);
    if (loaded.kind === 'unreadable') return skippedResult(relativePath, []);
    const result = analyzeFile(loaded.file, this.index, this.settings.config, { fixTimeoutMs: this.settings.fixTimeoutMs });
    return { ...result, notes: [...loaded.notes, ...result.notes] };
  }

  private load(relativePath: string): ReturnType<typeof loadSource> {
    return loadSource({ path: relativePath, absolutePath: path.join(this.root, relativePath) }, this.settings.config.maxFileBytes);
  }

  get fileCount(): number {
    return this.indexedFiles;
  }

  private refreshFacts(relativePath: string, text: string, incremental = false): void {
    const facts = indexFile({ path: relativePath, text }, this.settings.config, { incremental });
    this.facts.set(relativePath, facts);
    this.index = updateProjectIndex(this.index, facts);
  }

  private async buildIndex(): Promise<void> {
    const files = this.settings.indexProject ? await this.listFiles() : [];
    for (let start = 0; start < files.length; start += BATCH_SIZE) {
      for (const file of files.slice(start, start + BATCH_SIZE)) {
        if (this.facts.has(file)) continue; // already indexed from the editor's newer text
        const loaded = this.load(file);
        if (loaded.kind === 'source') this.facts.set(file, indexFile(loaded.file, this.settings.config));
      }
      await yieldToMessages();
    }
    this.index = buildProjectIndex([...this.facts.values()]);
    this.indexedFiles = files.length;
    post({ kind: 'indexReady', root: this.root, files: files.length });
  }
}

function skippedResult(file: string, notes: FileNote[]): FileResult {
  return { file, findings: [], notes, undetermined: 0 };
}

const projects = new Map<string, Project>();
const cancelledReviews = new Set<number>();
/** Request id of the newest analysis asked for per file; older ones that have not started are dropped. */
const latestAnalysis = new Map<string, number>();

function projectFor(root: string): Project {
  const project = projects.get(root);
  if (!project) throw new Error(`no configuration for ${root}`);
  return project;
}

type Handlers = { [K in WorkerCallName]: (params: WorkerCalls[K]['params'], id: number) => Promise<WorkerCalls[K]['result']> };

const handlers: Handlers = {
  async configure(settings) {
    projects.set(settings.root, new Project(settings));
    return null;
  },
  async analyze(params, id) {
    const key = `${params.root}\0${params.path}`;
    latestAnalysis.set(key, id);
    // Let messages already queued (newer keystrokes) arrive first: only the newest text is analysed.
    await yieldToMessages();
    if (latestAnalysis.get(key) !== id) return { superseded: true, elapsedMs: 0 } satisfies AnalyzeReply;
    latestAnalysis.delete(key);
    const started = performance.now();
    const result = projectFor(params.root).analyze(params.path, params.text);
    return { superseded: false, result, elapsedMs: performance.now() - started };
  },
  async release(params) {
    projects.get(params.root)?.release(params.path);
    return null;
  },
  async fileChanged(params) {
    projects.get(params.root)?.refreshFromDisk(params.path);
    return null;
  },
  async awaitIndex(params) {
    const project = projectFor(params.root);
    await project.ready;
    return { files: project.fileCount };
  },
  async listFiles(params) {
    return projectFor(params.root).listFiles();
  },
  async review(params, id) {
    const project = projectFor(params.root);
    await project.ready;
    let analysed = 0;
    for (let start = 0; start < params.paths.length; start += BATCH_SIZE) {
      if (cancelledReviews.delete(id)) return { analysed, cancelled: true };
      const results: FileResult[] = [];
      for (const file of params.paths.slice(start, start + BATCH_SIZE)) {
        results.push(project.analyzeStored(file));
        analysed++;
      }
      post({ kind: 'reviewBatch', id, batch: { done: analysed, total: params.paths.length, results } });
      await yieldToMessages();
    }
    return { analysed, cancelled: false };
  },
  async cancel(params) {
    cancelledReviews.add(params.target);
    return null;
  },
  async rules() {
    return [...RULES];
  },
};

port.on('message', (request: WorkerRequest) => {
  const handler = handlers[request.call] as (params: unknown, id: number) => Promise<unknown>;
  handler(request.params, request.id).then(
    (result) => post({ kind: 'reply', id: request.id, result }),
    (error: unknown) => post({ kind: 'failure', id: request.id, message: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
