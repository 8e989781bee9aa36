/**
 * "Disable for this line": an ESLint-style suppression comment, either on a line of its own above
 * the finding (`// fallacy-lens-disable-next-line <rule>`) or at the end of the line
 * (`// fallacy-lens-disable-line <rule>`). An existing directive gets the rule appended instead of
 * a second comment.
 */
import * as vscode from 'vscode';
import { editorSettings } from './settings';
import type { DisableCommentLocation } from './settings';

export const DISABLE_FOR_LINE_COMMAND = 'fallacyLens.disableForLine';

export interface DisableForLineArgs {
  uri: string;
  ruleId: string;
  /** 0-based line of the finding's start. */
  line: number;
}

const NEXT_LINE_DIRECTIVE = /^(\s*\/\/\s*fallacy-lens-disable-next-line\s+)([^\n]*?)(\s+--\s.*)?$/;
const SAME_LINE_DIRECTIVE = /(\/\/\s*fallacy-lens-disable-line\s+)([^\n]*?)(\s+--\s.*)?$/;

export function disableCommentEdit(document: vscode.TextDocument, ruleId: string, line: number, location: DisableCommentLocation): vscode.TextEdit {
  const target = document.lineAt(line);
  const sameLine = SAME_LINE_DIRECTIVE.exec(target.text);
  if (sameLine) return appendRule(target, sameLine, ruleId);
  if (line > 0) {
    const previous = document.lineAt(line - 1);
    const nextLine = NEXT_LINE_DIRECTIVE.exec(previous.text);
    if (nextLine) return appendRule(previous, nextLine, ruleId);
  }
  // A line that already holds a comment gets its directive above it: two comments on one line confuse readers and parsers.
  if (location === 'sameLine' && !hasComment(target.text)) {
    return vscode.TextEdit.insert(target.range.end, ` // fallacy-lens-disable-line ${ruleId}`);
  }
  const indent = target.text.slice(0, target.firstNonWhitespaceCharacterIndex);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  return vscode.TextEdit.insert(target.range.start, `${indent}// fallacy-lens-disable-next-line ${ruleId}${eol}`);
}

/** Whether a line holds a comment, skipping `//` inside strings (URLs) and template literals. */
function hasComment(line: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (char === '/' && (line[i + 1] === '/' || line[i + 1] === '*')) {
      return true;
    }
  }
  return false;
}

function appendRule(line: vscode.TextLine, directive: RegExpExecArray, ruleId: string): vscode.TextEdit {
  const rules = directive[2].split(',').map((rule) => rule.trim());
  if (rules.includes(ruleId)) return vscode.TextEdit.insert(line.range.end, '');
  const rulesEnd = directive.index + directive[1].length + directive[2].length;
  return vscode.TextEdit.insert(new vscode.Position(line.lineNumber, rulesEnd), `, ${ruleId}`);
}

export async function disableForLine(args: DisableForLineArgs): Promise<void> {
  const uri = vscode.Uri.parse(args.uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, [disableCommentEdit(document, args.ruleId, args.line, editorSettings(uri).disableCommentLocation)]);
  await vscode.workspace.applyEdit(edit);
}
