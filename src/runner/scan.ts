/**
 * The scan as the CLI and the benchmarks use it: the real analyzer, in worker threads when a
 * worker entry can be found next to this module.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { ProjectConfig } from '../analyzer/config';
import { resolveParser, type ParserChoice, type ParserName } from '../analyzer/parsers';
import { cachedResult, cacheKey, fingerprint, readCache, storeResult } from './scan-cache';
import { inShard, type Shard } from './shard';
import { analyzer } from './analyzer-binding';
import type { WalkedFile } from './file-walker';
import { runAnalysis, type AnalysisResult, type Progress } from './run-analysis';

export interface ScanOptions {
  config: ProjectConfig;
  /** The parser; default `auto`: oxc where its native binding loads, typescript-estree otherwise. */
  parser?: ParserChoice;
  /** Worker threads; default `defaultJobs(files.length)`. */
  jobs?: number;
  /** Analyse in the calling thread (no deep-nesting headroom: see worker-slot.ts). */
  inProcess?: boolean;
  onProgress?: (progress: Progress) => void;
  /** Cache file (see scan-cache.ts); no caching when absent. */
  cacheLocation?: string;
  /** Report only this share of the files; the whole repository is still indexed. */
  shard?: Shard;
}

export async function scanFiles(files: readonly WalkedFile[], options: ScanOptions): Promise<AnalysisResult> {
  const parser = resolveParser(options.parser ?? 'auto');
  if (!options.cacheLocation) return analyse(files, options, parser);
  const key = cacheKey(options.config, parser, options.shard);
  const previous = readCache(options.cacheLocation);
  const current = fingerprint(files, previous);
  const cached = current && cachedResult(previous, key, current);
  if (cached) return cached;
  const result = await analyse(files, options, parser);
  if (current) storeResult(options.cacheLocation, key, current, result);
  return result;
}

function analyse(files: readonly WalkedFile[], options: ScanOptions, parser: ParserName): Promise<AnalysisResult> {
  return runAnalysis(files, {
    config: options.config,
    parser,
    analyze: options.shard ? (file) => inShard(file, options.shard!) : undefined,
    api: analyzer,
    worker: options.inProcess ? 'in-process' : workerEntry(),
    jobs: options.jobs ?? defaultJobs(files.length),
    onProgress: options.onProgress,
  });
}

/** One worker per 50 files, at most one per core: starting a worker costs about as much as analysing 50 files. */
export function defaultJobs(fileCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / 50) + 1));
}

/**
 * Bundled, this module lives in dist/ next to analysis-worker.js; from sources (tsx, mocha) next
 * to analysis-worker.ts. Without either, analysis stays in-process.
 */
function workerEntry(): string | 'in-process' {
  for (const name of ['analysis-worker.js', 'analysis-worker.ts']) {
    const candidate = path.join(__dirname, name);
    if (existsSync(candidate)) return candidate;
  }
  return 'in-process';
}
