import { spawnSync } from 'node:child_process';
import { UsageError } from './usage-error';

/** Runs git in `cwd` and returns its standard output; a failure is the user's to fix (exit 2). */
export function git(cwd: string, args: string[], purpose: string): string {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new UsageError(`${purpose}: cannot run git (${result.error.message}).`);
  if (result.status !== 0) throw new UsageError(`${purpose}: git ${args[0]} failed: ${result.stderr.trim() || `exit code ${result.status}`}`);
  return result.stdout;
}
