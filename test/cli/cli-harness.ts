/**
 * Runs the CLI two ways: in-process through `runCli` (fast; workers run the TypeScript worker
 * under tsx), and as a separate process from a bundle built like esbuild.js does, so the shipped
 * shape (dist/cli.js next to dist/analysis-worker.js) is what end-to-end tests exercise. The
 * bundle goes to a temporary directory so tests never race a developer's `node esbuild.js`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/run-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const REPO = path.resolve(__dirname, '..', '..');

export async function runInProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env,
    stdoutIsTerminal: false,
    stderrIsTerminal: false,
  });
  return { code, stdout, stderr };
}

let bundled: string | undefined;

/** Path of a freshly bundled cli.js (built once per test process). */
export async function bundledCli(): Promise<string> {
  if (bundled) return bundled;
  // Loaded lazily: only the end-to-end suites need esbuild.
  const esbuild = await import('esbuild');
  const outdir = mkdtempSync(path.join(tmpdir(), 'fallacy-lens-dist-'));
  await esbuild.build({
    entryPoints: { cli: path.join(REPO, 'src/cli/main.ts'), 'analysis-worker': path.join(REPO, 'src/runner/analysis-worker.ts') },
    outdir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
  bundled = path.join(outdir, 'cli.js');
  return bundled;
}

export async function spawnCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const cli = await bundledCli();
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}
