/**
 * The on-disk cache of a whole scan (`scan --cache`), in the spirit of ESLint's: when no file has
 * changed, the previous results are returned without parsing anything. The key covers everything
 * a result depends on besides the files: the analyzer version, the resolved configuration and the
 * parser. Because findings depend on facts from other files, a change to any file re-analyses
 * all of them; per-file reuse under an unchanged project index is the next step.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANALYZER_VERSION } from '../analyzer';
import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { WalkedFile } from './file-walker';
import type { AnalysisResult } from './run-analysis';
import type { Shard } from './shard';

export interface CacheFile {
  key: string;
  /** Content hash of every scanned file, by path. */
  files: Record<string, string>;
  /** Size and modification time each hash was taken at, so that unchanged files are not read again. */
  stats?: Record<string, string>;
  result: AnalysisResult;
}

/** What `fingerprint` found: content hashes, and the file stats they were taken at. */
export interface Fingerprint {
  hashes: Record<string, string>;
  stats: Record<string, string>;
}

export const DEFAULT_CACHE_LOCATION = '.fallacy-lens-cache/scan.json';

export function cacheKey(config: ProjectConfig, parser: ParserName, shard?: Shard): string {
  return sha1(JSON.stringify({ analyzer: ANALYZER_VERSION, build: buildFingerprint(), config, parser, shard }));
}

let build: string | undefined;

/**
 * Bundled, this module's file is the CLI bundle, which holds the analyzer: hashing it invalidates
 * the cache whenever the analyzer's code changes, even without a version bump.
 */
function buildFingerprint(): string {
  if (build === undefined) {
    try {
      build = sha1(readFileSync(__filename));
    } catch {
      build = '';
    }
  }
  return build;
}

export function readCache(location: string): CacheFile | undefined {
  try {
    return JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
  } catch {
    return undefined; // absent, unreadable or corrupt: a cold scan rewrites it
  }
}

/**
 * Content hashes of the files; undefined when one cannot be read (the scan will say why). As git's
 * index does, a file whose size and modification time match the previous run keeps its previous
 * hash without being read; any other file is read and hashed.
 */
export function fingerprint(files: readonly WalkedFile[], previous: CacheFile | undefined): Fingerprint | undefined {
  const hashes: Record<string, string> = {};
  const stats: Record<string, string> = {};
  for (const file of files) {
    try {
      const stat = statSync(file.absolutePath);
      const signature = `${stat.size}:${stat.mtimeMs}`;
      const known = previous?.stats?.[file.path] === signature ? previous.files[file.path] : undefined;
      hashes[file.path] = known ?? sha1(readFileSync(file.absolutePath));
      stats[file.path] = signature;
    } catch {
      return undefined;
    }
  }
  return { hashes, stats };
}

/** The cached result, when the key and every file's contents are what they were. */
export function cachedResult(cache: CacheFile | undefined, key: string, current: Fingerprint): AnalysisResult | undefined {
  if (!cache || cache.key !== key || !sameFiles(cache.files, current.hashes)) return undefined;
  return cache.result;
}

/** Written to a temporary file and renamed, so that an interrupted run never leaves half a cache. */
export function storeResult(location: string, key: string, current: Fingerprint, result: AnalysisResult): void {
  mkdirSync(path.dirname(location), { recursive: true });
  const temporary = `${location}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ key, files: current.hashes, stats: current.stats, result } satisfies CacheFile));
  renameSync(temporary, location);
}

function sameFiles(cached: Record<string, string>, current: Record<string, string>): boolean {
  const names = Object.keys(current);
  return names.length === Object.keys(cached).length && names.every((name) => cached[name] === current[name]);
}

function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
