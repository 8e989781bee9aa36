import type { TSESTree } from '@typescript-eslint/types';
import { LineIndex } from './line-index';
import type { ParserName } from './parsers';
import { reparseAfterEdit } from './incremental-parse';
import { parseProgram } from './parsers';
import { ScopeModel } from './semantics/scope';
import { DIRECTIVE_MARKER } from './suppressions';
import type { FileNote } from './types';

export type Program = TSESTree.Program;

export type ParseOutcome =
  | { ok: true; program: Program; lines: LineIndex }
  | { ok: false; note: FileNote; lines: LineIndex };

interface Memo {
  path: string;
  text: string;
  parser: ParserName;
  outcome: ParseOutcome;
}

let lastParse: Memo | undefined;

/** A file being edited: its latest parse, and the latest tree that parsed, which the next one is built from. */
interface EditedFile extends Memo {
  base: { text: string; program: Program } | undefined;
}

const editedFiles = new Map<string, EditedFile>();
/** A handful of open editors. */
const EDITED_FILES_KEPT = 8;

/**
 * The editor indexes a file and then analyses the same text at once: the second parse of that text
 * is served from here. One entry only: a scan, which indexes everything before analysing, never
 * holds more than one tree for it.
 *
 * `incremental` (the editor's path) keeps the latest tree of each edited file and builds the next
 * one from it, re-parsing only the top-level statements an edit touched. While the text does not
 * parse (half-typed code), the last tree that did stays the starting point.
 */
export function parseSourceOnce(path: string, text: string, parser: ParserName = 'typescript-estree', incremental = false): ParseOutcome {
  if (!incremental) {
    if (lastParse && lastParse.path === path && lastParse.parser === parser && lastParse.text === text) return lastParse.outcome;
    lastParse = { path, text, parser, outcome: parseSource(path, text, parser) };
    return lastParse.outcome;
  }
  const edited = editedFiles.get(path);
  const sameParser = edited?.parser === parser;
  if (edited && sameParser && edited.text === text) return edited.outcome;
  const outcome = (sameParser && edited.base && reparse(path, edited.base, text, parser)) || parseSource(path, text, parser);
  const base = outcome.ok ? { text, program: outcome.program } : sameParser ? edited.base : undefined;
  editedFiles.delete(path);
  editedFiles.set(path, { path, text, parser, outcome, base });
  if (editedFiles.size > EDITED_FILES_KEPT) editedFiles.delete(editedFiles.keys().next().value!);
  return outcome;
}

function reparse(path: string, base: { text: string; program: Program }, text: string, parser: ParserName): ParseOutcome | undefined {
  const withComments = text.includes(DIRECTIVE_MARKER);
  // The earlier tree was built with or without comments; it can only be reused the same way.
  if (withComments !== base.text.includes(DIRECTIVE_MARKER)) return undefined;
  const lines = new LineIndex(text);
  const nodesInOrder = ScopeModel.cached(base.program)?.nodesInOrder;
  const program = reparseAfterEdit(path, { ...base, nodesInOrder }, text, parser, withComments, lines);
  return program && { ok: true, program, lines };
}

/**
 * Parses one file. A syntax error is a note about the file, never an exception: one broken file
 * must not stop a scan, just as one fatal parse error in ESLint only silences that file.
 */
export function parseSource(path: string, text: string, parser: ParserName = 'typescript-estree'): ParseOutcome {
  const lines = new LineIndex(text);
  const result = parseProgram(path, text, parser, text.includes(DIRECTIVE_MARKER));
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
