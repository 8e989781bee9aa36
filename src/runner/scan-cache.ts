/**
 * The on-disk cache of a whole scan (`scan --cache`), in the spirit of ESLint's: when no file has
 * changed, the previous results are returned without parsing anything. The key covers everything
 * a result depends on besides the files: the analyzer version, the resolved configuration and the
 * parser. Because findings depend on facts from other files, a change to any file re-analyses
 * all of them; per-file reuse under an unchanged project index is the next step.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANALYZER_VERSION } from '../analyzer';
import type { ProjectConfig } from '../analyzer/config';
import type { ParserName } from '../analyzer/parsers';
import type { WalkedFile } from './file-walker';
import type { AnalysisResult } from './run-analysis';

interface CacheFile {
  key: string;
  /** Content hash of every scanned file, by path; a file that could not be read is absent. */
  files: Record<string, string>;
  result: AnalysisResult;
}

export const DEFAULT_CACHE_LOCATION = '.fallacy-lens-cache/scan.json';

export function cacheKey(config: ProjectConfig, parser: ParserName): string {
  return sha1(JSON.stringify({ analyzer: ANALYZER_VERSION, config, parser }));
}

/** Hashes of the files' current contents; undefined when one cannot be read (the scan will say why). */
export function fingerprint(files: readonly WalkedFile[]): Record<string, string> | undefined {
  const hashes: Record<string, string> = {};
  for (const file of files) {
    try {
      hashes[file.path] = sha1(readFileSync(file.absolutePath));
    } catch {
      return undefined;
    }
  }
  return hashes;
}

/** The cached result, when the key and every file's contents are what they were. */
export function cachedResult(location: string, key: string, files: Record<string, string>): AnalysisResult | undefined {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
  } catch {
    return undefined; // absent, unreadable or corrupt: a cold scan rewrites it
  }
  if (cache.key !== key || !sameFiles(cache.files, files)) return undefined;
  return cache.result;
}

/** Written to a temporary file and renamed, so that an interrupted run never leaves half a cache. */
export function storeResult(location: string, key: string, files: Record<string, string>, result: AnalysisResult): void {
  mkdirSync(path.dirname(location), { recursive: true });
  const temporary = `${location}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ key, files, result } satisfies CacheFile));
  renameSync(temporary, location);
}

function sameFiles(cached: Record<string, string>, current: Record<string, string>): boolean {
  const names = Object.keys(current);
  return names.length === Object.keys(cached).length && names.every((name) => cached[name] === current[name]);
}

function sha1(data: string | Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
