/**
 * Runs one command and measures it: wall time (high-resolution clock around the spawn), peak RSS of
 * the process as GNU time reports it (`%M`, the largest single process of the tree), and the peak of
 * the summed RSS of the whole process tree, polled from /proc (for tools that fork workers).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface RunResult {
  wallMs: number;
  /** Peak RSS (KiB) of the largest process, from GNU time; null if GNU time is not available. */
  maxRssKiB: number | null;
  /** Peak summed RSS (KiB) of the process tree, polled every `pollMs`; 0 if /proc is not readable. */
  treeRssKiB: number;
  /** User + system CPU seconds of the process and its waited-for children, from GNU time; null without it. */
  cpuSec: number | null;
  exitCode: number;
  signal: string | null;
  stdoutPath: string;
  stderrPath: string;
}

export const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
});

function readStatus(pid: number): { ppid: number; rssKiB: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const ppid = /^PPid:\s+(\d+)/m.exec(text);
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(text);
    return { ppid: ppid ? Number(ppid[1]) : -1, rssKiB: rss ? Number(rss[1]) : 0 };
  } catch {
    return null;
  }
}

/** Summed RSS of `root` and all its descendants. */
export function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    if (e.charCodeAt(0) < 48 || e.charCodeAt(0) > 57) continue;
    const pid = Number(e);
    const st = readStatus(pid);
    if (!st) continue;
    parent.set(pid, st.ppid);
    rss.set(pid, st.rssKiB);
  }
  let total = 0;
  for (const [pid, kib] of rss) {
    let p: number | undefined = pid;
    for (let depth = 0; p !== undefined && p > 0 && depth < 64; depth++) {
      if (p === root) {
        total += kib;
        break;
      }
      p = parent.get(p);
    }
  }
  return total;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Where stdout/stderr go; a fresh temp dir by default. */
  outDir?: string;
  pollMs?: number;
  timeoutMs?: number;
}

export async function measure(cmd: string, args: string[], options: RunOptions): Promise<RunResult> {
  const outDir = options.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fl-bench-run-'));
  const stdoutPath = path.join(outDir, 'stdout');
  const stderrPath = path.join(outDir, 'stderr');
  const timePath = path.join(outDir, 'time');
  const out = fs.openSync(stdoutPath, 'w');
  const err = fs.openSync(stderrPath, 'w');
  try {
    fs.rmSync(timePath, { force: true });
    const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%e %M %U %S', '-o', timePath, cmd, ...args]] : [cmd, args];
    const start = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, err] });
    let treePeak = 0;
    const poll = setInterval(() => {
      if (child.pid) treePeak = Math.max(treePeak, treeRss(child.pid));
    }, options.pollMs ?? 100);
    let timer: NodeJS.Timeout | undefined;
    if (options.timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (c, s) => resolve({ code: c, signal: s }));
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    clearInterval(poll);
    if (timer) clearTimeout(timer);
    let maxRssKiB: number | null = null;
    let cpuSec: number | null = null;
    let exitCode = code ?? 128;
    if (GNU_TIME) {
      const text = fs.existsSync(timePath) ? fs.readFileSync(timePath, 'utf8') : '';
      // GNU time writes "Command exited with non-zero status N" before the format line on failure.
      const m = /(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(text.trim());
      if (m) {
        maxRssKiB = Number(m[2]);
        cpuSec = Number(m[3]) + Number(m[4]);
      }
      const status = /Command exited with non-zero status (\d+)/.exec(text);
      exitCode = status ? Number(status[1]) : /Command terminated by signal/.test(text) ? 128 : (code ?? 128);
    }
    return { wallMs, maxRssKiB, treeRssKiB: treePeak, cpuSec, exitCode, signal, stdoutPath, stderrPath };
  } finally {
    fs.closeSync(out);
    fs.closeSync(err);
  }
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank]!;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const field = (name: string): string | undefined => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(info)?.[1]?.trim();
    const family = field('cpu family');
    const model = field('model');
    const mhz = field('cpu MHz');
    const extra = [family && model ? `family ${family} model ${model}` : '', mhz ? `${Math.round(Number(mhz))} MHz` : '']
      .filter(Boolean)
      .join(', ');
    if (extra) cpu = `${cpu} (${extra})`;
  } catch {
    // not Linux: the model name is all there is
  }
  let distro = '';
  try {
    distro = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // no os-release
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}${distro ? `, ${distro}` : ''}`,
  };
}
