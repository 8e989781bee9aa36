/**
 * .gitignore semantics for a whole tree: every directory's .gitignore applies to the paths below
 * it, a deeper file's rules (including `!negations`) take precedence over a shallower one's, and
 * the repository's `.git/info/exclude` applies like a root-level .gitignore.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

export class GitignoreStack {
  private readonly byDirectory = new Map<string, Ignore | undefined>();

  /** @param root absolute directory that relative paths are resolved against */
  constructor(private readonly root: string) {}

  /** @param relativePath posix path relative to the root, without a trailing slash */
  isIgnored(relativePath: string, isDirectory: boolean): boolean {
    if (relativePath === '' || relativePath.startsWith('../') || relativePath === '..') return false;
    const segments = relativePath.split('/');
    // Deepest .gitignore first: the first one with an opinion about the path decides.
    for (let depth = segments.length - 1; depth >= 0; depth--) {
      const directory = segments.slice(0, depth).join('/');
      const rules = this.rulesFor(directory);
      if (!rules) continue;
      const below = segments.slice(depth).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(below);
      if (verdict.ignored) return true;
      if (verdict.unignored) return false;
    }
    return false;
  }

  private rulesFor(directory: string): Ignore | undefined {
    if (!this.byDirectory.has(directory)) this.byDirectory.set(directory, this.load(directory));
    return this.byDirectory.get(directory);
  }

  private load(directory: string): Ignore | undefined {
    const absolute = path.join(this.root, directory);
    const sources = [path.join(absolute, '.gitignore')];
    if (directory === '') sources.unshift(path.join(absolute, '.git', 'info', 'exclude'));
    const texts = sources.map(readIfExists).filter((t): t is string => t !== undefined);
    return texts.length === 0 ? undefined : ignore().add(texts.join('\n'));
  }
}

function readIfExists(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // a directory named .gitignore, or unreadable: no rules from it
  }
}
