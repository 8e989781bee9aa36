/**
 * The work of an analysis worker, independent of threads: the worker entry serves it over a
 * message port, and the scan calls it directly when it runs in-process or re-runs the files of a
 * crashed worker.
 */
import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { FileNote, FileResult } from '../analyzer/types';
import type { AnalyzerApi, SourceFile } from './analyzer-api';
import { loadSource } from './read-source';
import type { AnalyzeOutcome, FileTask, HostRequest, HostResponse, IndexOutcome, IndexStep } from './worker-protocol';

export class AnalysisHost {
  /** Files read in the index phase, kept for the analyze phase so each file is read once. */
  private readonly sources = new Map<string, { file: SourceFile; notes: FileNote[] }>();
  private index: unknown;

  constructor(private readonly api: AnalyzerApi) {}

  handle(request: HostRequest): HostResponse {
    switch (request.type) {
      case 'index':
        return { type: 'indexed', id: request.id, outcomes: request.files.map((task) => this.indexOne(task, request.config, request.parser, request.step)) };
      case 'setIndex':
        this.index = request.index;
        return { type: 'indexSet', id: request.id };
      case 'analyze':
        return { type: 'analyzed', id: request.id, outcomes: request.files.map((task) => this.analyzeOne(task, request.config, request.parser)) };
    }
  }

  private indexOne(task: FileTask, config: ProjectConfig, parser: ParserName, step: IndexStep): IndexOutcome {
    let source = this.sources.get(task.path);
    if (!source) {
      const loaded = loadSource(task, config.maxFileBytes);
      if (loaded.kind === 'unreadable') return { path: task.path, unreadable: `cannot read the file: ${loaded.error}` };
      if (loaded.kind === 'skipped') return { path: task.path, skipped: emptyResult(task.path, loaded.notes) };
      this.sources.set(task.path, loaded);
      source = loaded;
    }
    if (step === 'outline') return { path: task.path, outline: this.api.outlineFile(source.file) };
    try {
      return { path: task.path, facts: this.api.indexFile(source.file, config, { parser }) };
    } catch (error) {
      return { path: task.path, error: `indexing failed: ${describe(error)}` };
    }
  }

  private analyzeOne(task: FileTask, config: ProjectConfig, parser: ParserName): AnalyzeOutcome {
    let source = this.sources.get(task.path);
    if (!source) {
      // Indexed elsewhere (by a worker that has since crashed): read it again.
      const loaded = loadSource(task, config.maxFileBytes);
      if (loaded.kind === 'unreadable') return { result: emptyResult(task.path, []), error: `cannot read the file: ${loaded.error}` };
      if (loaded.kind === 'skipped') return { result: emptyResult(task.path, loaded.notes) };
      source = loaded;
    }
    this.sources.delete(task.path);
    try {
      const result = this.api.analyzeFile(source.file, this.index, config, { parser });
      return { result: { ...result, notes: [...source.notes, ...result.notes] } };
    } catch (error) {
      // analyzeFile promises not to throw; if it does, the scan goes on and says so.
      return { result: emptyResult(task.path, source.notes), error: `analysis failed: ${describe(error)}` };
    }
  }
}

function emptyResult(file: string, notes: FileNote[]): FileResult {
  return { file, findings: [], notes, undetermined: 0 };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
