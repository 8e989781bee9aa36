/**
 * A stand-in analyzer for runner tests: it has cross-file facts (exported names), reports every
 * `fetch(` as a finding, and misbehaves on request (markers in the file text).
 */
import { isMainThread } from 'node:worker_threads';
import type { AnalyzerApi, SourceFile } from '../../src/runner/analyzer-api';
import type { FileResult } from '../../src/analyzer/types';

interface Facts {
  path: string;
  exports: string[];
}

interface Index {
  /** Paths in the order buildProjectIndex received them. */
  order: string[];
  exports: Record<string, string>;
}

function recurse(depth: number): number {
  return depth === 0 ? 0 : 1 + recurse(depth - 1);
}

interface Outline {
  path: string;
  /** Marked `INDEX_LATER`: indexed in a second round, as the real plan indexes a module a request imports. */
  later: boolean;
  /** Marked `NEVER_INDEXED`: the plan never wants it. */
  never: boolean;
}

export const fakeAnalyzer: AnalyzerApi = {
  outlineFile(file: SourceFile): Outline {
    return { path: file.path, later: file.text.includes('INDEX_LATER'), never: file.text.includes('NEVER_INDEXED') };
  },
  filesToIndexNext(_index: unknown, outlines: readonly unknown[], indexed: ReadonlySet<string>): string[] {
    const waiting = (outlines as Outline[]).filter((outline) => !outline.never && !indexed.has(outline.path));
    const round = indexed.size === 0 ? waiting.filter((outline) => !outline.later) : waiting;
    return round.map((outline) => outline.path).sort();
  },
  indexFile(file: SourceFile): Facts {
    if (file.text.includes('THROW_ON_INDEX')) throw new Error('index exploded');
    return { path: file.path, exports: [...file.text.matchAll(/export const (\w+)/g)].map((m) => m[1]) };
  },
  buildProjectIndex(facts: readonly unknown[]): Index {
    const all = facts as Facts[];
    return {
      order: all.map((f) => f.path),
      exports: Object.fromEntries(all.flatMap((f) => f.exports.map((name) => [name, f.path]))),
    };
  },
  analyzeFile(file: SourceFile, index: unknown): FileResult {
    const projectIndex = index as Index;
    // Kills the worker thread (never the test process).
    if (file.text.includes('CRASH_WORKER') && !isMainThread) process.exit(3);
    if (file.text.includes('THROW_ON_ANALYZE')) throw new Error('analyze exploded');
    if (file.text.includes('DEEP_STACK')) recurse(200_000);
    const findings = [...file.text.matchAll(/fetch\(/g)].map((m) => {
      const offset = m.index ?? 0;
      const before = file.text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      return {
        ruleId: 'no-timeout' as const,
        fallacy: 2 as const,
        severity: 'warning' as const,
        message: `fetch without timeout; index order ${projectIndex.order.join(',')}; imports ${Object.keys(projectIndex.exports).join(',')}`,
        file: file.path,
        range: { start: { line, column }, end: { line, column: column + 5 }, offsets: [offset, offset + 5] as [number, number] },
        related: [],
        fixes: [],
        lesson: 'fallacy-2-zero-latency',
      };
    });
    return { file: file.path, findings, notes: [], undetermined: file.text.includes('UNDETERMINED') ? 1 : 0 };
  },
};
