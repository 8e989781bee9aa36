import { parse, TSError } from '@typescript-eslint/typescript-estree';
import type { ParserResult } from './index';

/** TypeScript's own parser, converted to ESTree: slower, pure JavaScript, runs everywhere. */
export function parseWithTypescriptEstree(path: string, text: string): ParserResult {
  try {
    const program = parse(text, {
      // TypeScript picks the dialect (JSX or not, module kind) from the extension only.
      filePath: withKnownExtension(path),
      range: true,
      loc: false,
      comment: true,
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
