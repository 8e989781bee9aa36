/**
 * The two-phase analysis of a set of files: the files whose cross-file facts can matter are indexed
 * (in rounds: the analyzer's index plan says which, see src/analyzer/index-plan.ts), the facts
 * become one project index, then every file is analysed against it. Workers do the work; the
 * main thread only schedules, so results are identical whichever worker finishes first.
 */
import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { FileResult } from '../analyzer/types';
import { AnalysisHost } from './analysis-host';
import type { AnalyzerApi } from './analyzer-api';
import { compareStrings, type WalkedFile } from './file-walker';
import { WorkerCrash, WorkerSlot } from './worker-slot';
import type { AnalyzeOutcome, FileTask, HostRequest, IndexOutcome, IndexStep } from './worker-protocol';

export interface ToolNote {
  kind: 'worker-crash' | 'analyzer-error' | 'read-error';
  message: string;
  file?: string;
}

export interface Progress {
  phase: 'index' | 'analyze';
  done: number;
  total: number;
}

export interface AnalysisOptions {
  config: ProjectConfig;
  /** Which parser the analyzer uses (both give identical findings). */
  parser: ParserName;
  /** The analyzer for in-process work and for re-running what a crashed worker was doing. */
  api: AnalyzerApi;
  /** Worker entry script (.js, or .ts under tsx), or 'in-process' to use no threads. */
  worker: string | 'in-process';
  jobs: number;
  /**
   * Which files get findings (default: all). Every file is still indexed, so cross-file facts
   * hold: this is how `--shard` splits a repository without losing what other files say.
   */
  analyze?: (path: string) => boolean;
  onProgress?: (progress: Progress) => void;
}

export interface AnalysisResult {
  /** One result per analysed or skipped file, sorted by path. Unreadable files have none. */
  files: FileResult[];
  toolNotes: ToolNote[];
}

/** A worker that crashes this often is not replaced; its share runs in the main thread. */
const MAX_CRASHES_PER_SLOT = 2;
const IN_PROCESS = -1;

export async function runAnalysis(files: readonly WalkedFile[], options: AnalysisOptions): Promise<AnalysisResult> {
  const run = new AnalysisRun(options);
  try {
    return await run.execute(files.map(({ path, absolutePath }) => ({ path, absolutePath })));
  } finally {
    await run.dispose();
  }
}

class AnalysisRun {
  private readonly slots: WorkerSlot[];
  private readonly local: AnalysisHost;
  private readonly toolNotes: ToolNote[] = [];
  private readonly tasks = new Map<string, FileTask>();
  private nextId = 1;

  constructor(private readonly options: AnalysisOptions) {
    this.local = new AnalysisHost(options.api);
    const worker = options.worker;
    this.slots = worker === 'in-process' ? [] : Array.from({ length: Math.max(1, options.jobs) }, () => new WorkerSlot(worker));
  }

  async execute(tasks: FileTask[]): Promise<AnalysisResult> {
    const indexed = await this.indexPhase(tasks);
    let projectIndex = this.projectIndexOf(indexed);
    const outlines = [...indexed.values()].flatMap(({ outcome }) => (outcome.outline ? [outcome.outline] : []));
    for (;;) {
      const indexedPaths = new Set([...indexed.values()].filter(({ outcome }) => outcome.facts !== undefined || outcome.error !== undefined).map(({ outcome }) => outcome.path));
      const next = this.options.api.filesToIndexNext(projectIndex, outlines, indexedPaths);
      if (next.length === 0) break;
      await this.indexRound(next, indexed);
      projectIndex = this.projectIndexOf(indexed);
    }

    const results: FileResult[] = [];
    const toAnalyze = new Map<number, FileTask[]>();
    const wanted = this.options.analyze ?? (() => true);
    for (const task of tasks) {
      const entry = indexed.get(task.path);
      if (!entry || !wanted(task.path)) continue;
      if (entry.outcome.skipped) results.push(entry.outcome.skipped);
      else if (entry.outcome.unreadable === undefined) toAnalyze.set(entry.owner, [...(toAnalyze.get(entry.owner) ?? []), task]);
    }
    results.push(...(await this.analyzePhase(toAnalyze, projectIndex)));
    results.sort((a, b) => compareStrings(a.file, b.file));
    this.toolNotes.sort((a, b) => compareStrings(a.file ?? '', b.file ?? '') || compareStrings(a.message, b.message));
    return { files: results, toolNotes: this.toolNotes };
  }

  async dispose(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.terminate()));
  }

  private projectIndexOf(indexed: Map<string, { outcome: IndexOutcome }>): unknown {
    const facts = [...indexed.values()]
      .filter(({ outcome }) => outcome.facts !== undefined)
      .sort((a, b) => compareStrings(a.outcome.path, b.outcome.path))
      .map(({ outcome }) => outcome.facts);
    return this.options.api.buildProjectIndex(facts);
  }

  /** A round of the index plan: each file goes to the worker that outlined it and still holds its text. */
  private async indexRound(paths: readonly string[], indexed: Map<string, { outcome: IndexOutcome; owner: number }>): Promise<void> {
    const byOwner = new Map<number, FileTask[]>();
    for (const path of paths) {
      const entry = indexed.get(path)!;
      byOwner.set(entry.owner, [...(byOwner.get(entry.owner) ?? []), this.tasks.get(path)!]);
    }
    const record = (outcomes: IndexOutcome[]): void => {
      for (const outcome of outcomes) {
        const entry = indexed.get(outcome.path)!;
        entry.outcome = { ...outcome, outline: entry.outcome.outline };
        if (outcome.error) this.toolNotes.push({ kind: 'analyzer-error', file: outcome.path, message: outcome.error });
      }
    };
    const local: FileTask[] = [...(byOwner.get(IN_PROCESS) ?? [])];
    await Promise.all(
      this.slots.map(async (slot, owner) => {
        for (const batch of batches(byOwner.get(owner) ?? [], this.batchSize(paths.length))) {
          const response = slot.crashes < MAX_CRASHES_PER_SLOT ? await this.onWorker(slot, this.indexRequest(batch, 'index')) : undefined;
          if (response?.type === 'indexed') record(response.outcomes);
          else local.push(...batch);
        }
      }),
    );
    if (local.length > 0) record(this.indexLocally(local, 'index'));
  }

  private indexRequest(files: FileTask[], step: IndexStep): HostRequest {
    return { type: 'index', id: this.nextId++, config: this.options.config, parser: this.options.parser, files, step };
  }

  /** Reads and outlines every file: what the index plan decides from. */
  private async indexPhase(tasks: FileTask[]): Promise<Map<string, { outcome: IndexOutcome; owner: number }>> {
    for (const task of tasks) this.tasks.set(task.path, task);
    const indexed = new Map<string, { outcome: IndexOutcome; owner: number }>();
    const queue = batches(tasks, this.batchSize(tasks.length));
    const progress = this.progress('index', tasks.length);
    const record = (outcomes: IndexOutcome[], owner: number): void => {
      for (const outcome of outcomes) {
        indexed.set(outcome.path, { outcome, owner });
        if (outcome.unreadable) this.toolNotes.push({ kind: 'read-error', file: outcome.path, message: outcome.unreadable });
        if (outcome.error) this.toolNotes.push({ kind: 'analyzer-error', file: outcome.path, message: outcome.error });
      }
      progress(outcomes.length);
    };
    await Promise.all(
      this.slots.map(async (slot, owner) => {
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          const outcomes = await this.onWorker(slot, this.indexRequest(batch, 'outline'));
          if (outcomes?.type === 'indexed') record(outcomes.outcomes, owner);
          else record(this.indexLocally(batch, 'outline'), IN_PROCESS);
          if (slot.crashes >= MAX_CRASHES_PER_SLOT) return;
        }
      }),
    );
    // In-process mode, or every worker gave up: the main thread does what is left.
    for (let batch = queue.shift(); batch; batch = queue.shift()) record(this.indexLocally(batch, 'outline'), IN_PROCESS);
    return indexed;
  }

  private async analyzePhase(byOwner: Map<number, FileTask[]>, projectIndex: unknown): Promise<FileResult[]> {
    const results: FileResult[] = [];
    const total = [...byOwner.values()].reduce((n, tasks) => n + tasks.length, 0);
    const progress = this.progress('analyze', total);
    const record = (outcomes: AnalyzeOutcome[]): void => {
      for (const { result, error } of outcomes) {
        results.push(result);
        if (error) this.toolNotes.push({ kind: 'analyzer-error', file: result.file, message: error });
      }
      progress(outcomes.length);
    };
    this.local.handle({ type: 'setIndex', id: 0, index: projectIndex });
    const local: FileTask[] = [...(byOwner.get(IN_PROCESS) ?? [])];
    // Each worker first analyses the files it read (it still holds their text), then takes batches
    // from the longest remaining queue, reading those files again, so that no worker idles while
    // another still has work.
    const queues = this.slots.map((_, owner) => batches(byOwner.get(owner) ?? [], this.batchSize(total)));
    const nextBatch = (owner: number): FileTask[] | undefined =>
      queues[owner].shift() ?? queues.reduce((longest, queue) => (queue.length > longest.length ? queue : longest)).pop();
    await Promise.all(
      this.slots.map(async (slot, owner) => {
        if (slot.crashes < MAX_CRASHES_PER_SLOT) await this.onWorker(slot, { type: 'setIndex', id: this.nextId++, index: projectIndex });
        for (let batch = nextBatch(owner); batch; batch = nextBatch(owner)) {
          if (slot.crashes >= MAX_CRASHES_PER_SLOT) {
            local.push(...batch, ...queues[owner].flat());
            queues[owner].length = 0;
            return;
          }
          const response = await this.onWorker(slot, { type: 'analyze', id: this.nextId++, config: this.options.config, parser: this.options.parser, files: batch });
          if (response?.type === 'analyzed') record(response.outcomes);
          else record(this.analyzeLocally(batch));
        }
      }),
    );
    if (local.length > 0) record(this.analyzeLocally(local));
    return results;
  }

  /** The worker's answer, or undefined after a crash (noted; the caller redoes the batch locally). */
  private async onWorker(slot: WorkerSlot, request: HostRequest): Promise<Awaited<ReturnType<WorkerSlot['send']>> | undefined> {
    try {
      return await slot.send(request);
    } catch (error) {
      if (!(error instanceof WorkerCrash)) throw error;
      const files = 'files' in request ? request.files.map((f) => f.path) : [];
      this.toolNotes.push({
        kind: 'worker-crash',
        file: files.length === 1 ? files[0] : undefined,
        message:
          files.length > 0
            ? `An analysis worker stopped (${error.message}) while working on ${files.join(', ')}; these files were analysed again in the main thread.`
            : `An analysis worker stopped (${error.message}) while receiving the project index.`,
      });
      return undefined;
    }
  }

  private indexLocally(batch: FileTask[], step: IndexStep): IndexOutcome[] {
    const response = this.local.handle(this.indexRequest(batch, step));
    return response.type === 'indexed' ? response.outcomes : [];
  }

  private analyzeLocally(batch: FileTask[]): AnalyzeOutcome[] {
    const response = this.local.handle({ type: 'analyze', id: 0, config: this.options.config, parser: this.options.parser, files: batch });
    return response.type === 'analyzed' ? response.outcomes : [];
  }

  private batchSize(count: number): number {
    // Small enough to balance uneven files across workers, large enough to amortise messaging.
    return Math.max(1, Math.min(16, Math.ceil(count / (Math.max(1, this.slots.length) * 4))));
  }

  private progress(phase: Progress['phase'], total: number): (count: number) => void {
    let done = 0;
    this.options.onProgress?.({ phase, done, total });
    return (count) => {
      done += count;
      this.options.onProgress?.({ phase, done, total });
    };
  }
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
