import { parse, TSError } from '@typescript-eslint/typescript-estree';
import type { TSESTree } from '@typescript-eslint/types';
import type { FileNote } from './types';
import { LineIndex } from './line-index';

export type Program = TSESTree.Program;

export type ParseOutcome =
  | { ok: true; program: Program; lines: LineIndex }
  | { ok: false; note: FileNote; lines: LineIndex };

/**
 * Parses one file. TypeScript decides JSX from the file extension, which is why the path is
 * passed through. A syntax error is a note about the file, never an exception: one broken file
 * must not stop a scan, just as one fatal parse error in ESLint only silences that file.
 */
export function parseSource(path: string, text: string): ParseOutcome {
  const lines = new LineIndex(text);
  try {
    const program = parse(text, {
      filePath: parserFilePath(path),
      loc: true,
      range: true,
      comment: true,
      tokens: false,
      errorOnUnknownASTType: false,
    });
    return { ok: true, program, lines };
  } catch (error) {
    return { ok: false, note: noteForParseFailure(error, lines), lines };
  }
}

/** The parser picks its dialect (JSX or not, module kind) from the extension only. */
function parserFilePath(path: string): string {
  return /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i.test(path) ? path : `${path}.ts`;
}

function noteForParseFailure(error: unknown, lines: LineIndex): FileNote {
  if (error instanceof RangeError) {
    return {
      kind: 'too-deep',
      severity: 'warning',
      message:
        'This file is nested too deeply for the parser on the current thread, so it was not analysed. ' +
        'The CLI and the editor analyse in worker threads with a larger stack; run the scan through them.',
    };
  }
  if (error instanceof TSError) {
    const offset = Math.max(0, Math.min(error.index, lines.length));
    return {
      kind: 'parse-error',
      severity: 'error',
      message: `Parsing error: ${error.message.replace(/\.$/, "")}. Fallacy Lens cannot analyse this file until it parses.`,
      range: lines.rangeOf(offset, offset),
    };
  }
  return {
    kind: 'parse-error',
    severity: 'error',
    message: `Parsing error: ${error instanceof Error ? error.message : String(error)}`,
  };
}
