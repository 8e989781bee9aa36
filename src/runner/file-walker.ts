/**
 * Which files a scan analyses. Directories are walked recursively; files named on the command
 * line are always analysed (whatever their location) unless the configuration's `exclude` names
 * them, because an explicit request beats a default.
 *
 * The file system is read synchronously: thousands of awaited calls, each a round trip through
 * libuv's thread pool, made the walk the largest part of a scan served from the cache. The walk
 * still yields to the event loop every few directories, so that the editor's worker, which walks
 * a workspace before a review, keeps answering while it does.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { isExcluded, type ProjectConfig } from '../analyzer/config';
import { GitignoreStack } from './gitignore-stack';

export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Build output, dependencies and caches: never hand-written source. Named explicitly, they are scanned. */
export const DEFAULT_IGNORED_DIRECTORIES: readonly string[] = [
  'node_modules',
  'bower_components',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.output',
  '.turbo',
  '.vercel',
  '.cache',
  '.parcel-cache',
  '.yarn',
  '.vscode-test',
  '.fallacy-lens-cache',
  'storybook-static',
];

export interface WalkedFile {
  absolutePath: string;
  /** Posix path relative to the project root: how results name the file. */
  path: string;
}

export interface WalkResult {
  /** Sorted by `path`, without duplicates. */
  files: WalkedFile[];
  /** Arguments that do not exist. */
  missing: string[];
  /** Explicit file arguments that are not TypeScript or JavaScript. */
  unsupported: string[];
}

export async function collectFiles(root: string, inputs: readonly string[], config: ProjectConfig): Promise<WalkResult> {
  const walk = new Walk(path.resolve(root), config);
  for (const input of inputs) await walk.visitInput(path.resolve(input), input);
  const files = [...walk.files.values()].sort((a, b) => compareStrings(a.path, b.path));
  return { files, missing: walk.missing, unsupported: walk.unsupported };
}

export function relativePosix(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

export function isSourceFile(fileName: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(fileName).toLowerCase());
}

export function isDeclarationFile(fileName: string): boolean {
  return /\.d\.[cm]?tsx?$/i.test(fileName);
}

/** Code-unit order, independent of the locale, so output is identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIRECTORIES_BETWEEN_YIELDS = 64;

function statOrUndefined(absolute: string): ReturnType<typeof statSync> {
  return statSync(absolute, { throwIfNoEntry: false });
}

function readDirectory(directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true });
  } catch {
    return []; // unreadable (permissions, removed meanwhile): nothing to analyse there
  }
}

class Walk {
  readonly files = new Map<string, WalkedFile>();
  readonly missing: string[] = [];
  readonly unsupported: string[] = [];
  private readonly gitignore: GitignoreStack;
  private directoriesRead = 0;

  constructor(
    private readonly root: string,
    private readonly config: ProjectConfig,
  ) {
    this.gitignore = new GitignoreStack(root);
  }

  async visitInput(absolute: string, asGiven: string): Promise<void> {
    const stat = statOrUndefined(absolute);
    if (!stat) {
      this.missing.push(asGiven);
      return;
    }
    const relative = relativePosix(this.root, absolute);
    if (relative !== '' && isExcluded(this.config, relative)) return;
    if (stat.isDirectory()) return this.walkDirectory(absolute);
    if (!isSourceFile(absolute)) {
      this.unsupported.push(asGiven);
      return;
    }
    this.add(absolute, relative);
  }

  private async walkDirectory(directory: string): Promise<void> {
    if (++this.directoriesRead % DIRECTORIES_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
    const entries = readDirectory(directory);
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const relative = relativePosix(this.root, absolute);
      // Symbolic links to directories are not followed: they can form cycles and usually point
      // at packages (workspaces, pnpm) that are scanned on their own.
      if (entry.isDirectory()) {
        if (this.skipsDirectory(entry.name, relative)) continue;
        await this.walkDirectory(absolute);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && this.takesFile(entry, absolute, relative)) {
        this.add(absolute, relative);
      }
    }
  }

  private skipsDirectory(name: string, relative: string): boolean {
    return DEFAULT_IGNORED_DIRECTORIES.includes(name) || isExcluded(this.config, relative) || this.gitignore.isIgnored(relative, true);
  }

  private takesFile(entry: Dirent, absolute: string, relative: string): boolean {
    if (!isSourceFile(entry.name) || isDeclarationFile(entry.name)) return false;
    if (entry.isSymbolicLink() && !statOrUndefined(absolute)?.isFile()) return false;
    return !isExcluded(this.config, relative) && !this.gitignore.isIgnored(relative, false);
  }

  private add(absolutePath: string, relative: string): void {
    this.files.set(relative, { absolutePath, path: relative });
  }
}
