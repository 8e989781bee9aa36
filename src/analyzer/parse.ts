import type { TSESTree } from '@typescript-eslint/types';
import { LineIndex } from './line-index';
import type { ParserName } from './parsers';
import { parseProgram } from './parsers';
import type { FileNote } from './types';

export type Program = TSESTree.Program;

export type ParseOutcome =
  | { ok: true; program: Program; lines: LineIndex }
  | { ok: false; note: FileNote; lines: LineIndex };

let lastParse: { path: string; text: string; parser: ParserName; outcome: ParseOutcome } | undefined;

/**
 * The editor indexes a file and then analyses the same text at once: the second parse of that text
 * is served from here. One entry only: a scan, which indexes everything before analysing, never
 * holds more than one tree for it.
 */
export function parseSourceOnce(path: string, text: string, parser: ParserName = 'typescript-estree'): ParseOutcome {
  if (lastParse && lastParse.path === path && lastParse.parser === parser && lastParse.text === text) return lastParse.outcome;
  const outcome = parseSource(path, text, parser);
  lastParse = { path, text, parser, outcome };
  return outcome;
}

/**
 * Parses one file. A syntax error is a note about the file, never an exception: one broken file
 * must not stop a scan, just as one fatal parse error in ESLint only silences that file.
 */
export function parseSource(path: string, text: string, parser: ParserName = 'typescript-estree'): ParseOutcome {
  const lines = new LineIndex(text);
  const result = parseProgram(path, text, parser);
  if (result.ok) return { ok: true, program: result.program, lines };
  if (result.reason === 'too-deep') {
    return {
      ok: false,
      lines,
      note: {
        kind: 'too-deep',
        severity: 'warning',
        message:
          'This file is nested too deeply for the parser on the current thread, so it was not analysed. ' +
          'The CLI and the editor analyse in worker threads with a larger stack; run the scan through them.',
      },
    };
  }
  const offset = Math.max(0, Math.min(result.offset, lines.length));
  return {
    ok: false,
    lines,
    note: {
      kind: 'parse-error',
      severity: 'error',
      message: `Parsing error: ${result.message.replace(/\.$/, '')}. Fallacy Lens cannot analyse this file until it parses.`,
      range: lines.rangeOf(offset, offset),
    },
  };
}
