import type { TSESTree } from '@typescript-eslint/types';
import type { FileContext } from './file-context';
import type { Node } from './semantics/scope';
import type { Fix, TextEdit } from './types';

/** The timeout quick fixes propose unless the editor's setting says otherwise. */
export const DEFAULT_FIX_TIMEOUT_MS = 10000;

export function fix(title: string, edits: TextEdit[], options: { safe: boolean; preferred: boolean }): Fix {
  return { title, edits, ...options };
}

/**
 * Adds `key: value` as the last property of an object literal, so that it wins over any spread
 * (`{ ...defaults, signal }`), keeping the literal's one-line or multi-line layout.
 */
export function addPropertyEdit(context: FileContext, object: TSESTree.ObjectExpression, property: string): TextEdit {
  const closing = object.range[1] - 1;
  if (object.properties.length === 0) return { range: [object.range[0], object.range[1]], text: `{ ${property} }` };
  const last = object.properties[object.properties.length - 1];
  const between = context.text.slice(last.range[1], closing);
  const hasTrailingComma = between.trimStart().startsWith(',');
  const multiLine = context.lines.positionOf(object.range[0]).line !== context.lines.positionOf(last.range[1]).line;
  if (!multiLine) return { range: [last.range[1], last.range[1]], text: `, ${property}` };
  const indent = indentationAt(context, last.range[0]);
  if (hasTrailingComma) {
    const commaEnd = last.range[1] + between.indexOf(',') + 1;
    return { range: [commaEnd, commaEnd], text: `\n${indent}${property},` };
  }
  return { range: [last.range[1], last.range[1]], text: `,\n${indent}${property}` };
}

/** Appends an argument after `after` (the last argument the call has). */
export function addArgumentEdit(after: Node, text: string): TextEdit {
  return { range: [after.range[1], after.range[1]], text: `, ${text}` };
}

export function replaceEdit(node: Node, text: string): TextEdit {
  return { range: [node.range[0], node.range[1]], text };
}

/** Inserts whole lines after the statement that contains `node`, at that statement's indentation. */
export function insertAfterStatementEdit(context: FileContext, statement: Node, lines: string[]): TextEdit {
  const indent = indentationAt(context, statement.range[0]);
  return { range: [statement.range[1], statement.range[1]], text: lines.map((line) => `\n${indent}${line}`).join('') };
}

export function indentationAt(context: FileContext, offset: number): string {
  const line = context.lines.positionOf(offset).line;
  const start = context.lines.lineStart(line);
  return /^[ \t]*/.exec(context.text.slice(start, offset))?.[0] ?? '';
}

/** The object literal an options argument is written as, if it is written in place. */
export function inlineObject(node: Node | undefined): TSESTree.ObjectExpression | undefined {
  let current = node;
  while (current && (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression')) current = current.expression;
  return current?.type === 'ObjectExpression' ? current : undefined;
}
