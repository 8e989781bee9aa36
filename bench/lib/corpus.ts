/**
 * Corpora for the repository-scan benchmark, each prepared as one directory that every tool scans
 * as `.`, so that all of them see the same files:
 *
 * - `synthetic`: the deterministic generator's output (bench/generate-corpus.ts);
 * - `node_modules`: the JavaScript and TypeScript in this project's own node_modules (code nobody here
 *   wrote), mirrored (hard links) into bench/.corpus/;
 * - any other directory (e.g. a public repository checked out somewhere), mirrored the same way.
 *
 * The mirror contains only the selected code files, and renames every directory `d_<name>` and every
 * dotfile `dot<name>`, so that no tool's built-in ignore list (node_modules, dist, build, hidden
 * files, …) drops some of them: all tools then see exactly the same set, which the runner checks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureCorpus, type Manifest } from '../generate-corpus';

export const CODE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx'] as const;
const DECLARATION = /\.d\.[cm]?ts$/;

/**
 * Selection rules for real code, the same for every tool: declaration files are left out (no calls in
 * them), and so is every file our analyzer would skip unread (over its default 1 MiB, minified,
 * bundled or marked generated: `classifyForSkipping` in src/analyzer/source-file.ts), so that no tool
 * gets less work than the others. Before that module exists, a simple stand-in rule applies.
 */
export const SELECTION = {
  maxBytes: 1024 * 1024,
};

type Classifier = (path: string, text: string, maxFileBytes: number) => { kind: string } | undefined;

function loadClassifier(): { classify: Classifier; source: string } {
  try {
    const mod = require(path.join(__dirname, '..', '..', 'src', 'analyzer', 'source-file')) as { classifyForSkipping?: Classifier };
    if (typeof mod.classifyForSkipping === 'function') return { classify: mod.classifyForSkipping, source: "the analyzer's own skip rules" };
  } catch {
    // fall through to the stand-in
  }
  return {
    classify: (p, text, max) => {
      if (Buffer.byteLength(text) > max) return { kind: 'skipped-too-large' };
      if (/\.min\.[cm]?js$/.test(p)) return { kind: 'skipped-minified' };
      const lines = text.split('\n');
      const longest = Math.max(...lines.map((l) => l.length));
      if (text.length >= 2048 && (text.length / lines.length > 500 || (longest > 5000 && lines.length <= 20))) return { kind: 'skipped-minified' };
      return undefined;
    },
    source: 'a stand-in for the analyzer\'s skip rules',
  };
}

export interface CorpusInfo {
  name: string;
  /** What it is, for the report. */
  description: string;
  /** The directory the tools scan (as `.`). */
  dir: string;
  files: number;
  bytes: number;
  lines: number;
  byExtension: Record<string, number>;
  excluded: { declarations: number; tooLarge: number; minified: number; other: number };
  /** Which skip rules selected the files. */
  selection?: string;
  manifest?: Manifest;
}

function isCode(name: string): boolean {
  return CODE_EXTENSIONS.some((ext) => name.endsWith(ext));
}

function countLines(buf: Buffer): { lines: number } {
  let lines = 0;
  let last = -1;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) {
    lines++;
    last = i;
  }
  if (last < buf.length - 1) lines++;
  return { lines };
}

/** Walks `root` and returns the code files (relative paths) with their sizes; the caller filters. */
function walk(root: string, skipDir: (name: string, rel: string) => boolean): string[] {
  const out: string[] = [];
  const stack = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skipDir(e.name, r)) stack.push(r);
      } else if (e.isFile() && isCode(e.name)) {
        out.push(r);
      }
    }
  }
  return out.sort();
}

function mirrorPath(rel: string): string {
  const parts = rel.split('/');
  const file = parts.pop()!;
  return [...parts.map((p) => `d_${p}`), file.startsWith('.') ? `dot${file}` : file].join('/');
}

/** Selects the code files under `source` and hard-links (or copies) them into `dest`. */
export function mirrorCorpus(
  name: string,
  description: string,
  source: string,
  dest: string,
  options: { skipNodeModules: boolean },
): CorpusInfo {
  const skipDir = (dirName: string): boolean =>
    dirName === '.git' || (options.skipNodeModules && dirName === 'node_modules') || dirName === '.corpus';
  const candidates = walk(source, skipDir);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  const info: CorpusInfo = {
    name,
    description,
    dir: dest,
    files: 0,
    bytes: 0,
    lines: 0,
    byExtension: {},
    excluded: { declarations: 0, tooLarge: 0, minified: 0, other: 0 },
  };
  const made = new Set<string>();
  const { classify, source: selection } = loadClassifier();
  info.selection = selection;
  for (const rel of candidates) {
    if (DECLARATION.test(rel)) {
      info.excluded.declarations++;
      continue;
    }
    const src = path.join(source, rel);
    let buf: Buffer;
    try {
      const st = fs.statSync(src);
      if (st.size > SELECTION.maxBytes) {
        info.excluded.tooLarge++;
        continue;
      }
      buf = fs.readFileSync(src);
    } catch {
      info.excluded.other++;
      continue;
    }
    if (buf.includes(0)) {
      info.excluded.other++;
      continue;
    }
    const { lines } = countLines(buf);
    const skip = classify(rel, buf.toString('utf8'), SELECTION.maxBytes);
    if (skip) {
      if (skip.kind === 'skipped-too-large') info.excluded.tooLarge++;
      else info.excluded.minified++;
      continue;
    }
    const target = path.join(dest, mirrorPath(rel));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      fs.linkSync(src, target);
    } catch {
      fs.writeFileSync(target, buf);
    }
    info.files++;
    info.bytes += buf.length;
    info.lines += lines;
    const ext = path.extname(rel);
    info.byExtension[ext] = (info.byExtension[ext] ?? 0) + 1;
  }
  fs.writeFileSync(path.join(dest, 'SOURCE.txt'), `${description}\nmirrored from ${source}\n`);
  return info;
}

/** Statistics of a directory that is already a corpus (the synthetic one). */
export function describeDir(name: string, description: string, dir: string, manifest?: Manifest): CorpusInfo {
  const files = walk(dir, (n) => n === '.git');
  const info: CorpusInfo = {
    name,
    description,
    dir,
    files: files.length,
    bytes: 0,
    lines: 0,
    byExtension: {},
    excluded: { declarations: 0, tooLarge: 0, minified: 0, other: 0 },
    ...(manifest ? { manifest } : {}),
  };
  for (const rel of files) {
    const buf = fs.readFileSync(path.join(dir, rel));
    info.bytes += buf.length;
    info.lines += countLines(buf).lines;
    const ext = path.extname(rel);
    info.byExtension[ext] = (info.byExtension[ext] ?? 0) + 1;
  }
  return info;
}

export const CORPUS_ROOT = path.join(__dirname, '..', '.corpus');

/**
 * Makes `dir` a project root of its own (an empty `.git` directory), so that no tool applies the
 * enclosing repository's .gitignore (which ignores bench/.corpus/) or treats it as part of this repo.
 */
function ownRoot(info: CorpusInfo): CorpusInfo {
  fs.mkdirSync(path.join(info.dir, '.git'), { recursive: true });
  return info;
}

export function prepareCorpus(spec: string, options: { files: number; seed: number; repoRoot: string }): CorpusInfo {
  return ownRoot(prepare(spec, options));
}

function prepare(spec: string, options: { files: number; seed: number; repoRoot: string }): CorpusInfo {
  if (spec === 'synthetic') {
    const { dir, manifest } = ensureCorpus(options.files, options.seed);
    return describeDir(
      `synthetic-${options.files}`,
      `synthetic: ${options.files} generated files (seed ${options.seed}), ${manifest.callSites.length} network call sites in ${manifest.summary.networkFiles} files`,
      dir,
      manifest,
    );
  }
  if (spec === 'node_modules') {
    return mirrorCorpus(
      'node_modules',
      "node_modules: the project's own dependencies' JavaScript and TypeScript",
      path.join(options.repoRoot, 'node_modules'),
      path.join(CORPUS_ROOT, 'node_modules-mirror'),
      { skipNodeModules: false },
    );
  }
  const source = path.resolve(spec);
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) throw new Error(`corpus ${spec}: not a directory`);
  const base = path.basename(source).replace(/[^A-Za-z0-9._-]+/g, '_');
  return mirrorCorpus(base, `${base}: the code of ${source} (its node_modules left out)`, source, path.join(CORPUS_ROOT, `dir-${base}-mirror`), {
    skipNodeModules: true,
  });
}
