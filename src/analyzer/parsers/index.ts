import type { TSESTree } from '@typescript-eslint/types';
import { oxcAvailable, parseWithOxc } from './oxc';
import { parseWithTypescriptEstree } from './typescript-estree';

/**
 * Two parsers behind one interface, both producing the typescript-estree AST shape the analyzer
 * reads. typescript-estree is the portable default; oxc (native, from npm) is an order of
 * magnitude faster. The rule tests run every case under both and require identical results.
 */
export type ParserName = 'typescript-estree' | 'oxc';
export type ParserChoice = ParserName | 'auto';

export type ParserResult =
  | { ok: true; program: TSESTree.Program }
  | { ok: false; reason: 'syntax'; message: string; offset: number }
  | { ok: false; reason: 'too-deep' };

/**
 * `withComments`: whether the tree must carry the file's comments (they only matter for
 * suppression directives; oxc collects them at no cost, typescript-estree at a quarter of a parse).
 */
export function parseProgram(path: string, text: string, parser: ParserName, withComments: boolean): ParserResult {
  return parser === 'oxc' ? parseWithOxc(path, text) : parseWithTypescriptEstree(path, text, withComments);
}

/** `auto` takes oxc when its native binding loads on this machine, typescript-estree otherwise. */
export function resolveParser(choice: ParserChoice = 'typescript-estree'): ParserName {
  if (choice === 'auto') return oxcAvailable() ? 'oxc' : 'typescript-estree';
  return choice;
}

export { oxcAvailable };
