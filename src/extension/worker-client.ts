/**
 * The extension host's side of the editor worker: typed request/reply over `postMessage`, events
 * for index readiness and review progress, and a restart when the worker dies (a crash in the
 * analyzer must cost one analysis, not the rest of the session).
 */
import * as vscode from 'vscode';
import { Worker } from 'node:worker_threads';
import type { ProjectSettings, ReviewBatch, WorkerCallName, WorkerCalls, WorkerMessage, WorkerRequest } from './worker-protocol';

/** Deep ASTs (minified or generated code) need more than Node's default worker stack. */
const WORKER_STACK_MB = 64;

interface PendingCall {
  resolve(result: unknown): void;
  reject(error: Error): void;
  onBatch?(batch: ReviewBatch): void;
}

export class WorkerClient implements vscode.Disposable {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  /** Settings of each root, replayed into a restarted worker. */
  private readonly projects = new Map<string, ProjectSettings>();
  private readonly indexReadyEmitter = new vscode.EventEmitter<{ root: string; files: number }>();
  readonly onDidBuildIndex = this.indexReadyEmitter.event;
  private disposed = false;

  constructor(
    private readonly scriptPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  configure(settings: ProjectSettings): Promise<null> {
    this.projects.set(settings.root, settings);
    return this.call('configure', settings);
  }

  isConfigured(root: string): boolean {
    return this.projects.has(root);
  }

  call<K extends WorkerCallName>(call: K, params: WorkerCalls[K]['params'], onBatch?: (batch: ReviewBatch) => void): Promise<WorkerCalls[K]['result']> {
    if (this.disposed) return Promise.reject(new Error('The Fallacy Lens worker has been stopped.'));
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<WorkerCalls[K]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, onBatch });
      worker.postMessage({ id, call, params } as WorkerRequest);
    });
  }

  /** Like `call('review')`, with a cancellation token that stops the worker between batches. */
  review(root: string, paths: string[], token: vscode.CancellationToken, onBatch: (batch: ReviewBatch) => void): Promise<WorkerCalls['review']['result']> {
    const id = this.nextId;
    const subscription = token.onCancellationRequested(() => void this.call('cancel', { target: id }));
    return this.call('review', { root, paths }, onBatch).finally(() => subscription.dispose());
  }

  dispose(): void {
    this.disposed = true;
    this.indexReadyEmitter.dispose();
    void this.worker?.terminate();
    this.worker = undefined;
    this.failAll(new Error('The Fallacy Lens worker has been stopped.'));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptPath, { resourceLimits: { stackSizeMb: WORKER_STACK_MB } });
    worker.on('message', (message: WorkerMessage) => this.onMessage(message));
    worker.on('error', (error) => this.log.error('Analysis worker failed', error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failAll(new Error(`The analysis worker stopped (exit code ${code}).`));
      if (!this.disposed) this.restart();
    });
    this.worker = worker;
    return worker;
  }

  private restart(): void {
    this.log.warn('Restarting the analysis worker');
    for (const settings of this.projects.values()) void this.call('configure', settings);
  }

  private onMessage(message: WorkerMessage): void {
    switch (message.kind) {
      case 'indexReady':
        this.log.info(`Project index of ${message.root}: ${message.files} files`);
        this.indexReadyEmitter.fire({ root: message.root, files: message.files });
        return;
      case 'reviewBatch':
        this.pending.get(message.id)?.onBatch?.(message.batch);
        return;
      case 'reply':
      case 'failure': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.kind === 'reply') pending?.resolve(message.result);
        else pending?.reject(new Error(message.message));
        return;
      }
    }
  }

  private failAll(error: Error): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.reject(error);
  }
}
