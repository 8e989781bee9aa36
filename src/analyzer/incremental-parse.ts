import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { LineIndex } from './line-index';
import type { ParserName } from './parsers';
import { parseProgram } from './parsers';

type Program = TSESTree.Program;
type Statement = TSESTree.ProgramStatement;
type Positioned = { range: [number, number]; start?: number; end?: number };

/** A successful parse of a file's previous text, the starting point of the next one. */
export interface PreviousParse {
  text: string;
  program: Program;
  /**
   * Every node of `program` in source order (pre-order), with `parent` links, when the scope model
   * has already listed them: moving the statements after the edit is then one pass over an array
   * instead of a walk of their trees.
   */
  nodesInOrder?: readonly TSESTree.Node[];
}

/**
 * The tree of `text` built from the tree of an earlier text of the same file: only the top-level
 * statements the edit touches are parsed again; the others are reused with their ranges moved.
 * A keystroke in a 3 000-line file re-parses one function instead of the file.
 *
 * Returns undefined whenever reuse cannot be proved to give the tree a full parse would (the
 * edited region does not parse on its own, a statement around it could absorb it, directives):
 * the caller then parses the whole text, which also produces the right error message.
 *
 * The previous tree is consumed: the statements after the edit are moved in place, so the caller
 * must not use `previous.program` afterwards.
 */
export function reparseAfterEdit(path: string, previous: PreviousParse, text: string, parser: ParserName, withComments: boolean, lines: LineIndex): Program | undefined {
  const body = previous.program.body;
  const { first, last } = touchedStatements(body, previous.text, text);
  const regionStart = first > 0 ? body[first - 1].range[1] : 0;
  const delta = text.length - previous.text.length;
  const grown = parseGrowingRegion(path, text, parser, withComments, body, regionStart, last, delta);
  if (!grown) return undefined;
  const { region, following } = grown;
  const statements = region.program.body;
  const oldRegionEnd = region.end - delta;
  const replaced = body.slice(first, body.length - following.length);
  if (changesFileWideMeaning(body.slice(0, first), replaced, statements, following)) return undefined;
  if (region.text.includes('import.meta') || previous.text.slice(regionStart, oldRegionEnd).includes('import.meta')) return undefined;

  if (previous.nodesInOrder && following.length > 0) shiftListedRanges(previous.nodesInOrder, following[0], delta);
  else shiftRanges(following, delta);
  const program: Program = {
    ...previous.program,
    body: [...body.slice(0, first), ...statements, ...following],
    range: [0, text.length],
  };
  const positioned = program as unknown as Positioned;
  if (typeof positioned.start === 'number') Object.assign(positioned, { start: 0, end: text.length });
  if (regionStart === 0 && 'hashbang' in region.program) Object.assign(program, { hashbang: (region.program as { hashbang: unknown }).hashbang });
  if (previous.program.comments) program.comments = spliceComments(previous.program.comments, region.program.comments ?? [], regionStart, oldRegionEnd, delta, lines);
  return program;
}

/**
 * The statements `[first, last)` of the old tree that must be parsed again: those the change
 * touches, and before them any that could continue into the edited text (`a = b` followed by an
 * inserted `(c)` is one call expression). A statement that merely touches the change counts.
 */
function touchedStatements(body: readonly Statement[], oldText: string, text: string): { first: number; last: number } {
  const change = changedSpan(oldText, text);
  let first = 0;
  while (first < body.length && body[first].range[1] < change.start) first++;
  while (first > 0 && !endsBefore(body[first - 1], text, nextTokenAfter(text, body[first - 1].range[1]))) first--;
  let last = body.length;
  while (last > first && body[last - 1].range[0] > change.oldEnd) last--;
  return { first, last };
}

/**
 * Parses the region from `regionStart` to the statement `last`. When the edited statements now
 * run into the next one (a deleted `;`, a line comment typed in front of it), the next one joins
 * the region; a few times at most, then a full parse is cheaper.
 */
function parseGrowingRegion(
  path: string,
  text: string,
  parser: ParserName,
  withComments: boolean,
  body: readonly Statement[],
  regionStart: number,
  last: number,
  delta: number,
): { region: RegionParse; following: Statement[] } | undefined {
  for (let end = last; end <= Math.min(body.length, last + MAX_REGION_GROWTH); end++) {
    const region = parseRegion(path, text, parser, withComments, regionStart, end < body.length ? body[end].range[0] + delta : text.length);
    if (!region) return undefined;
    if (region.endsBeforeNext) return { region, following: body.slice(end) };
  }
  return undefined;
}

/**
 * Whether a string statement is a directive depends on everything before it in the file; so does
 * whether the file is a module (typescript-estree's `sourceType`), which the new tree keeps only
 * when the statements that decide it are the same before and after.
 */
function changesFileWideMeaning(before: Statement[], replaced: Statement[], statements: Statement[], following: Statement[]): boolean {
  if ([...statements, ...replaced, ...following.slice(0, 1)].some(mayBeDirective)) return true;
  if ([...before, ...following].some(isModuleSyntax)) return false;
  return replaced.some(isModuleSyntax) !== statements.some(isModuleSyntax);
}

const MAX_REGION_GROWTH = 3;

interface RegionParse {
  /** The region's own tree, its statements already moved to their place in the whole text. */
  program: Program;
  text: string;
  /** Where the region ends in the whole text: the start of the next reused statement, or the end. */
  end: number;
  endsBeforeNext: boolean;
}

/** Parses `text[start, end)` on its own; undefined when it does not parse. */
function parseRegion(path: string, text: string, parser: ParserName, withComments: boolean, start: number, end: number): RegionParse | undefined {
  const regionText = text.slice(start, end);
  if (start > 0 && regionText.startsWith('#!')) return undefined;
  const parsed = parseProgram(path, regionText, parser, withComments);
  if (!parsed.ok) return undefined;
  shiftRanges(parsed.program.body, start);
  return { program: parsed.program, text: regionText, end, endsBeforeNext: end === text.length || regionEndsBeforeNext(parsed.program.body, text, start, end) };
}

/** The span that differs between two texts: the longest common prefix and suffix left out. */
function changedSpan(oldText: string, text: string): { start: number; oldEnd: number } {
  const shorter = Math.min(oldText.length, text.length);
  // Whole blocks first (string comparison is a memory compare), then character by character.
  let start = 0;
  while (start + SPAN_BLOCK <= shorter && oldText.slice(start, start + SPAN_BLOCK) === text.slice(start, start + SPAN_BLOCK)) start += SPAN_BLOCK;
  while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
  let common = 0;
  const most = shorter - start;
  while (common + SPAN_BLOCK <= most && oldText.slice(oldText.length - common - SPAN_BLOCK, oldText.length - common) === text.slice(text.length - common - SPAN_BLOCK, text.length - common)) {
    common += SPAN_BLOCK;
  }
  while (common < most && oldText.charCodeAt(oldText.length - 1 - common) === text.charCodeAt(text.length - 1 - common)) common++;
  return { start, oldEnd: oldText.length - common };
}

const SPAN_BLOCK = 1024;

/** Declarations whose closing brace ends them; after any other `}` (`x = {}`) a `(` would continue. */
const BRACE_ENDED = new Set([
  'FunctionDeclaration',
  'ClassDeclaration',
  'TSInterfaceDeclaration',
  'TSEnumDeclaration',
  'TSModuleDeclaration',
  'BlockStatement',
  'TryStatement',
]);

/**
 * True when `statement` cannot absorb the token that starts at `next` (the end of the text, or the
 * first token after it). It ends with `;`, or it is a declaration closed by its own brace (after
 * any other `}`, as in `x = {}`, a `(` would continue it), or automatic semicolon insertion
 * separates the two: a line break, then a word that cannot continue an expression. The last case
 * is what code written without semicolons relies on everywhere.
 */
function endsBefore(statement: Statement, text: string, next: number): boolean {
  const end = statement.range[1];
  const lastChar = text.charCodeAt(end - 1);
  if (lastChar === 59 /* ; */ || next >= text.length) return true;
  const declared = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
  if (lastChar === 125 /* } */ && declared !== null && declared !== undefined && BRACE_ENDED.has(declared.type)) return true;
  return /[\n\r\u2028\u2029]/.test(text.slice(end, next)) && startsWithStatementWord(text, next);
}

/** Words that, after a line break, continue the statement before them (`a\ninstanceof B`, `if (a) b()\nelse c()`). */
const CONTINUING_WORDS = new Set(['in', 'instanceof', 'as', 'satisfies', 'else']);

function startsWithStatementWord(text: string, at: number): boolean {
  const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(at, at + 40));
  // A longer word, or one that goes on in non-ASCII letters, is simply not proved safe.
  return word !== null && word[0].length < 40 && text.charCodeAt(at + word[0].length) < 0x80 && !CONTINUING_WORDS.has(word[0]);
}

/** Offset of the first token at or after `from`, whitespace and comments skipped; the text's length if none. */
function nextTokenAfter(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const ch = text.charCodeAt(at);
    if (ch === 32 || (ch >= 9 && ch <= 13) || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029) {
      at++;
    } else if (ch === 47 /* / */ && text.charCodeAt(at + 1) === 47) {
      const lineEnd = text.slice(at).search(/[\n\r\u2028\u2029]/);
      at = lineEnd === -1 ? text.length : at + lineEnd;
    } else if (ch === 47 && text.charCodeAt(at + 1) === 42 /* * */) {
      const close = text.indexOf('*/', at + 2);
      at = close === -1 ? text.length : close + 2;
    } else {
      return at;
    }
  }
  return text.length;
}

/**
 * The re-parsed region (already moved to its place in `text`) must end where its last statement
 * does, so that the next, reused statement at `next` starts afresh; and not inside a line comment
 * that would run into that statement once the texts are joined.
 */
function regionEndsBeforeNext(region: Statement[], text: string, regionStart: number, next: number): boolean {
  if (region.length > 0 && !endsBefore(region[region.length - 1], text, next)) return false;
  const lineStart = Math.max(text.lastIndexOf('\n', next - 1), text.lastIndexOf('\r', next - 1)) + 1;
  return !text.slice(Math.max(lineStart, regionStart), next).includes('//');
}

const MODULE_SYNTAX = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
  'TSExportAssignment',
  'TSNamespaceExportDeclaration',
  'TSImportEqualsDeclaration',
]);

function isModuleSyntax(statement: Statement): boolean {
  return MODULE_SYNTAX.has(statement.type);
}

function mayBeDirective(statement: Statement): boolean {
  return statement.type === 'ExpressionStatement' && statement.expression.type === 'Literal' && typeof statement.expression.value === 'string';
}

/**
 * Moves every node below `roots` by `by` characters, in place: on a large file this is most of the
 * work of an incremental parse. typescript-estree lets a node share its range array with its
 * child (`import a from 'a'`: the specifier and its identifier); such a child gets its own array
 * so that it is not moved twice.
 */
function shiftRanges(roots: readonly Statement[], by: number): void {
  if (by === 0) return;
  const stack: Positioned[] = [...(roots as unknown as Positioned[])];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const range = node.range;
    range[0] += by;
    range[1] += by;
    if (typeof node.start === 'number') {
      node.start += by;
      node.end! += by;
    }
    const keys = visitorKeys[(node as unknown as Statement).type];
    if (keys === undefined) continue;
    for (let k = 0; k < keys.length; k++) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (child === null || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) {
          const item = child[i] as Positioned | null;
          if (item !== null && typeof item === 'object' && item.range !== undefined) stack.push(unshared(item, range, by));
        }
      } else if ((child as Positioned).range !== undefined) {
        stack.push(unshared(child as Positioned, range, by));
      }
    }
  }
}

/** `shiftRanges` for the statements from `from` to the end, given the tree's nodes in pre-order. */
function shiftListedRanges(nodesInOrder: readonly TSESTree.Node[], from: Statement, by: number): void {
  if (by === 0) return;
  const withOffsets = typeof (from as Positioned).start === 'number';
  let previous: [number, number] | undefined;
  for (let i = nodesInOrder.indexOf(from); i < nodesInOrder.length; i++) {
    const node = nodesInOrder[i] as Positioned;
    const range = node.range;
    // A range shared with the parent has just moved: typescript-estree shares only with an only child, listed right after it.
    if (range !== previous) {
      range[0] += by;
      range[1] += by;
      previous = range;
    }
    if (withOffsets) {
      node.start! += by;
      node.end! += by;
    }
  }
}

function unshared(child: Positioned, parentRange: [number, number], by: number): Positioned {
  if (child.range === parentRange) child.range = [parentRange[0] - by, parentRange[1] - by];
  return child;
}

function spliceComments(
  old: TSESTree.Comment[],
  region: TSESTree.Comment[],
  regionStart: number,
  oldRegionEnd: number,
  delta: number,
  lines: LineIndex,
): TSESTree.Comment[] {
  const moved = (comment: TSESTree.Comment, by: number): TSESTree.Comment => {
    const range: [number, number] = [comment.range[0] + by, comment.range[1] + by];
    const copy = { ...comment, range };
    // typescript-estree gives comments a line/column location (0-based columns) even without `loc`.
    if (comment.loc) copy.loc = { start: estreePosition(lines, range[0]), end: estreePosition(lines, range[1]) };
    const positioned = copy as unknown as Positioned;
    if (typeof positioned.start === 'number') Object.assign(positioned, { start: range[0], end: range[1] });
    return copy;
  };
  return [
    ...old.filter((comment) => comment.range[1] <= regionStart),
    ...region.map((comment) => moved(comment, regionStart)),
    ...old.filter((comment) => comment.range[0] >= oldRegionEnd).map((comment) => moved(comment, delta)),
  ];
}

function estreePosition(lines: LineIndex, offset: number): TSESTree.Position {
  const { line, column } = lines.positionOf(offset);
  return { line, column: column - 1 };
}
