/**
 * "Disable for this line": an ESLint-style suppression comment, either on a line of its own above
 * the finding (`// fallacy-lens-disable-next-line <rule>`) or at the end of the line
 * (`// fallacy-lens-disable-line <rule>`). Among JSX children, where `//` would be text on the
 * page, it is `{/* fallacy-lens-disable-next-line <rule> *\/}` on a line of its own. An existing
 * directive gets the rule appended instead of a second comment.
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
const JSX_NEXT_LINE_DIRECTIVE = /^(\s*\{\/\*\s*fallacy-lens-disable-next-line\s+)(.*?)(\s+--\s.*?)?\s*\*\/\}\s*$/;
const SAME_LINE_DIRECTIVE = /(\/\/\s*fallacy-lens-disable-line\s+)([^\n]*?)(\s+--\s.*)?$/;

export function disableCommentEdit(document: vscode.TextDocument, ruleId: string, line: number, location: DisableCommentLocation): vscode.TextEdit {
  const target = document.lineAt(line);
  const sameLine = SAME_LINE_DIRECTIVE.exec(target.text);
  if (sameLine) return appendRule(target, sameLine, ruleId);
  if (line > 0) {
    const previous = document.lineAt(line - 1);
    const nextLine = NEXT_LINE_DIRECTIVE.exec(previous.text) ?? JSX_NEXT_LINE_DIRECTIVE.exec(previous.text);
    if (nextLine) return appendRule(previous, nextLine, ruleId);
  }
  const amongJsxChildren = isJsxChildLine(document, line);
  // A line that already holds a comment gets its directive above it: two comments on one line confuse readers and parsers.
  if (location === 'sameLine' && !amongJsxChildren && !hasComment(target.text)) {
    return vscode.TextEdit.insert(target.range.end, ` // fallacy-lens-disable-line ${ruleId}`);
  }
  const indent = target.text.slice(0, target.firstNonWhitespaceCharacterIndex);
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const directive = amongJsxChildren ? `{/* fallacy-lens-disable-next-line ${ruleId} */}` : `// fallacy-lens-disable-next-line ${ruleId}`;
  return vscode.TextEdit.insert(target.range.start, `${indent}${directive}${eol}`);
}

const JSX_LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescriptreact']);

/**
 * Whether `line` starts a JSX child (`<…` or `{…}`) right after a tag (the previous line ends with
 * `>`, not `=>`). Judged from the text, because the extension host never parses; a case it misses
 * gets the `//` form, as before.
 */
function isJsxChildLine(document: vscode.TextDocument, line: number): boolean {
  if (!JSX_LANGUAGES.has(document.languageId)) return false;
  const first = document.lineAt(line).text.trimStart().charAt(0);
  if (first !== '<' && first !== '{') return false;
  for (let previous = line - 1; previous >= 0; previous--) {
    const text = document.lineAt(previous).text.trimEnd();
    if (text.trim() === '') continue;
    return text.endsWith('>') && !text.endsWith('=>');
  }
  return false;
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
