import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The project root: the nearest enclosing git work tree (a `.git` directory, or a `.git` file in
 * a worktree or submodule), else `start` itself. Paths in results and config globs are relative
 * to it.
 */
export function findProjectRoot(start: string): string {
  const from = path.resolve(start);
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
