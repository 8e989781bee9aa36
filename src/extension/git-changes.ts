/**
 * Files changed against the base branch, from the git CLI (execFile: no shell, arguments are never
 * interpreted). The base is the remote's default branch when known, else a local main/master.
 */
import { execFile } from 'node:child_process';

const GIT_TIMEOUT_MS = 15_000;
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true }, (error, stdout, stderr) => {
      if (error) reject(new Error(stderr.trim() || error.message));
      else resolve(stdout);
    });
  });
}

async function succeeds(cwd: string, args: string[]): Promise<boolean> {
  return git(cwd, args).then(
    () => true,
    () => false,
  );
}

/** The branch changes are measured against, e.g. `origin/main`; undefined when the repository has none. */
export async function baseBranch(cwd: string): Promise<string | undefined> {
  const remoteHead = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).catch(() => '');
  if (remoteHead.trim()) return remoteHead.trim();
  for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
    if (await succeeds(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])) return candidate;
  }
  return undefined;
}

export interface ChangedFiles {
  base: string;
  /** Posix paths relative to `cwd`: committed since the merge base, staged, unstaged and untracked. */
  paths: string[];
}

export async function changedFiles(cwd: string): Promise<ChangedFiles> {
  const branch = await baseBranch(cwd);
  const base = branch ? (await git(cwd, ['merge-base', 'HEAD', branch])).trim() : 'HEAD';
  const [changed, untracked] = await Promise.all([
    git(cwd, ['diff', '--name-only', '-z', '--relative', '--diff-filter=ACMR', base]),
    git(cwd, ['ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  const paths = [...new Set([...changed.split('\0'), ...untracked.split('\0')].filter((path) => path !== ''))];
  return { base: branch ?? 'HEAD', paths };
}
