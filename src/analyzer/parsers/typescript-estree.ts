import type * as TypescriptEstree from '@typescript-eslint/typescript-estree';
import type { ParserResult } from './index';

let loaded: typeof TypescriptEstree | undefined;

/**
 * Loaded on first use: it brings the whole TypeScript compiler, which costs a few hundred
 * milliseconds at start-up that a scan on oxc, or one served from the cache, never needs.
 */
function typescriptEstree(): typeof TypescriptEstree {
  return (loaded ??= require('@typescript-eslint/typescript-estree') as typeof TypescriptEstree);
}

/** TypeScript's own parser, converted to ESTree: slower, pure JavaScript, runs everywhere. */
export function parseWithTypescriptEstree(path: string, text: string, withComments: boolean): ParserResult {
  const { parse, TSError } = typescriptEstree();
  try {
    const program = parse(text, {
      // TypeScript picks the dialect (JSX or not, module kind) from the extension only.
      filePath: withKnownExtension(path),
      range: true,
      loc: false,
      comment: withComments,
      tokens: false,
      errorOnUnknownASTType: false,
    });
    return { ok: true, program };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: 'too-deep' };
    if (error instanceof TSError) return { ok: false, reason: 'syntax', message: error.message, offset: error.index };
    return { ok: false, reason: 'syntax', message: error instanceof Error ? error.message : String(error), offset: 0 };
  }
}

export function withKnownExtension(path: string): string {
  return /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i.test(path) ? path : `${path}.ts`;
}
