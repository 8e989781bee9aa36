import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { ParserResult } from './index';
import { withKnownExtension } from './typescript-estree';

interface OxcComment {
  type: 'Line' | 'Block';
  value: string;
  start: number;
  end: number;
}

interface OxcResult {
  program: TSESTree.Program;
  comments: OxcComment[];
  errors: { message: string; labels: { start: number }[] }[];
}

type ParseSync = (filename: string, text: string, options: Record<string, unknown>) => OxcResult;

let loaded: ParseSync | null | undefined;

/**
 * oxc's native binding comes as a platform package from npm; where it is missing (an unusual
 * platform, a .vsix without dependencies) the analyzer falls back to typescript-estree.
 */
function oxcParseSync(): ParseSync | null {
  if (loaded === undefined) {
    try {
      // Required lazily: a missing binding must cost nothing until oxc is asked for.
      loaded = (require('oxc-parser') as { parseSync: ParseSync }).parseSync;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/**
 * Errors oxc reports while parsing that typescript-estree leaves to the type checker: a `return`
 * at the top level (legal in CommonJS) and top-level `await` in a script. The tree is complete.
 */
const TOLERATED_BY_TYPESCRIPT_ESTREE = [/'return' statement can only be used within a function body/, /`await` is only allowed within async functions/];

export function oxcAvailable(): boolean {
  return oxcParseSync() !== null;
}

export function parseWithOxc(path: string, text: string): ParserResult {
  const parseSync = oxcParseSync();
  if (!parseSync) return { ok: false, reason: 'syntax', message: 'the oxc parser is not installed on this machine', offset: 0 };
  // Parentheses are dropped as typescript-estree drops them; ranges as [start, end] like it.
  const file = withKnownExtension(path);
  // TypeScript reads JSX in every JavaScript file (.js, .mjs, .cjs), oxc only in .jsx unless told.
  const lang = /\.[cm]?js$/i.test(file) ? { lang: 'jsx' } : {};
  // Ranges are added here rather than by oxc: they are a fifth of the JSON that carries the tree across.
  const result = parseSync(file, text, { range: false, preserveParens: false, astType: 'ts', ...lang });
  const errors = result.errors.filter((error) => !TOLERATED_BY_TYPESCRIPT_ESTREE.some((pattern) => pattern.test(error.message)));
  if (errors.length > 0 || (result.errors.length > 0 && result.program.body.length === 0)) {
    // typescript-estree gives up at the first syntax error; so does the analyzer with oxc, for identical results.
    const first = errors[0] ?? result.errors[0];
    return { ok: false, reason: 'syntax', message: first.message, offset: first.labels[0]?.start ?? 0 };
  }
  const program = result.program;
  addRanges(program);
  program.comments = result.comments.map((comment) => ({ ...comment, range: [comment.start, comment.end] })) as unknown as TSESTree.Comment[];
  return { ok: true, program };
}

/** typescript-estree's `range: [start, end]` on every node, from oxc's `start` and `end`. */
function addRanges(program: TSESTree.Program): void {
  const stack: Positioned[] = [program as unknown as Positioned];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.range = [node.start, node.end];
    const keys = visitorKeys[node.type];
    if (keys === undefined) continue;
    for (let k = 0; k < keys.length; k++) {
      const child = node[keys[k]];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const item = child[i] as Positioned | null;
          if (item !== null && typeof item === 'object' && typeof item.type === 'string') stack.push(item);
        }
      } else if (typeof (child as Positioned).type === 'string') {
        stack.push(child as Positioned);
      }
    }
  }
}

interface Positioned {
  type: TSESTree.Node['type'];
  start: number;
  end: number;
  range: [number, number];
  [key: string]: unknown;
}
