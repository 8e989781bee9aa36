/**
 * Which files a scan analyses. Directories are walked recursively; files named on the command
 * line are always analysed (whatever their location) unless the configuration's `exclude` names
 * them, because an explicit request beats a default.
 */
import { promises as fs, type Dirent } from 'node:fs';
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

class Walk {
  readonly files = new Map<string, WalkedFile>();
  readonly missing: string[] = [];
  readonly unsupported: string[] = [];
  private readonly gitignore: GitignoreStack;

  constructor(
    private readonly root: string,
    private readonly config: ProjectConfig,
  ) {
    this.gitignore = new GitignoreStack(root);
  }

  async visitInput(absolute: string, asGiven: string): Promise<void> {
    const stat = await fs.stat(absolute).catch(() => undefined);
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
    const entries = await fs.readdir(directory, { withFileTypes: true }).catch(() => [] as Dirent[]);
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      const relative = relativePosix(this.root, absolute);
      // Symbolic links to directories are not followed: they can form cycles and usually point
      // at packages (workspaces, pnpm) that are scanned on their own.
      if (entry.isDirectory()) {
        if (await this.skipsDirectory(entry.name, relative)) continue;
        await this.walkDirectory(absolute);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && (await this.takesFile(entry, absolute, relative))) {
        this.add(absolute, relative);
      }
    }
  }

  private async skipsDirectory(name: string, relative: string): Promise<boolean> {
    return (
      DEFAULT_IGNORED_DIRECTORIES.includes(name) ||
      isExcluded(this.config, relative) ||
      (await this.gitignore.isIgnored(relative, true))
    );
  }

  private async takesFile(entry: Dirent, absolute: string, relative: string): Promise<boolean> {
    if (!isSourceFile(entry.name) || isDeclarationFile(entry.name)) return false;
    if (entry.isSymbolicLink() && !(await fs.stat(absolute).then((s) => s.isFile(), () => false))) return false;
    return !isExcluded(this.config, relative) && !(await this.gitignore.isIgnored(relative, false));
  }

  private add(absolutePath: string, relative: string): void {
    this.files.set(relative, { absolutePath, path: relative });
  }
}
