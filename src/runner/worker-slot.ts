/**
 * One analysis worker thread and its replacement after a crash. Requests go one at a time; a
 * crash rejects the pending request with `WorkerCrash` so the scan can redo that work elsewhere.
 */
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { HostRequest, HostResponse } from './worker-protocol';

/** typescript-estree recurses once per nesting level; 5 000 levels need far more than the default 4 MB. */
const WORKER_STACK_MB = 64;
/**
 * A worker's old-generation heap. Left alone, V8 lets garbage pile up to its default limit; capped,
 * it collects sooner: a 5 000-file synthetic scan's peak RSS went from 602 MB to 396 MB (128 MB cap),
 * 401 MB (192 MB) or 402 MB (256 MB), with the same findings and about 10 % more CPU. A file that needs more crashes its
 * worker, and the runner re-analyses that batch in the main thread, which has no cap.
 */
const WORKER_HEAP_MB = 192;

export class WorkerCrash extends Error {}

export class WorkerSlot {
  private worker: Worker | undefined;
  private pending: { resolve: (response: HostResponse) => void; reject: (error: Error) => void } | undefined;
  /** Replayed into a replacement worker so it can analyse after the index phase. */
  private projectIndex: { set: boolean; value: unknown } = { set: false, value: undefined };
  crashes = 0;

  constructor(private readonly script: string) {}

  async send(request: HostRequest): Promise<HostResponse> {
    if (request.type === 'setIndex') this.projectIndex = { set: true, value: request.index };
    if (!this.worker) {
      this.worker = this.spawn();
      if (this.projectIndex.set && request.type !== 'setIndex') {
        await this.post({ type: 'setIndex', id: -1, index: this.projectIndex.value });
      }
    }
    return this.post(request);
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private post(request: HostRequest): Promise<HostResponse> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker?.postMessage(request);
    });
  }

  private spawn(): Worker {
    const worker = createWorker(this.script);
    worker.on('message', (response: HostResponse) => this.settle((p) => p.resolve(response)));
    worker.on('error', (error) => this.crashed(worker, error.message));
    worker.on('exit', (code) => this.crashed(worker, `exit code ${code}`));
    return worker;
  }

  private crashed(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.crashes++;
    void worker.terminate();
    this.settle((p) => p.reject(new WorkerCrash(reason)));
  }

  private settle(action: (pending: NonNullable<WorkerSlot['pending']>) => void): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) action(pending);
  }
}

/**
 * A bundled worker (dist/analysis-worker.js) starts directly. A TypeScript worker (tests and
 * development under tsx) registers tsx inside the new thread first: loaders registered in the
 * main thread do not reach workers.
 */
function createWorker(script: string): Worker {
  const options: WorkerOptions = { resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!script.endsWith('.ts')) return new Worker(script, options);
  const bootstrap = [
    `require(require.resolve('tsx/cjs', { paths: [${JSON.stringify(path.dirname(script))}] }));`,
    `require(${JSON.stringify(script)});`,
  ].join('\n');
  return new Worker(bootstrap, { ...options, eval: true });
}
