import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Creates a temporary directory with the given files (posix paths → contents). */
export function tempTree(files: Record<string, string | Uint8Array>): { root: string; cleanup(): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'fallacy-lens-'));
  for (const [name, content] of Object.entries(files)) {
    const absolute = path.join(root, ...name.split('/'));
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
