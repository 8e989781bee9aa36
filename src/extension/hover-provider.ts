/**
 * Hover on a finding: the fallacy, why it matters for this call, the fix in the client's own terms
 * (the user's code with the fix applied), and command links to the lesson and to disabling the
 * rule for the line. Only our own commands are enabled in the markdown.
 */
import * as vscode from 'vscode';
import { FALLACIES } from '../analyzer/fallacies';
import type { RuleMeta } from '../analyzer/rules/rule';
import type { Finding } from '../analyzer/types';
import { DISABLE_FOR_LINE_COMMAND } from './disable-comment';
import type { DisableForLineArgs } from './disable-comment';
import { toVsRange } from './finding-diagnostics';
import type { FindingStore } from './finding-store';
import { mainFix, previewFix } from './fix-preview';
import { OPEN_LESSONS_COMMAND, splitLessonRef } from './lesson-links';
import type { OpenLessonsArgs } from './lesson-links';

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: FindingStore,
    /** The rule catalog, once the worker has sent it (hovers before that omit the rule's description). */
    private readonly rules: () => readonly RuleMeta[],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.store.get(document.uri);
    // Offsets of findings from another version of the text would point at the wrong code.
    if (!analysis || (analysis.version !== undefined && analysis.version !== document.version)) return undefined;
    const findings = analysis.findings.filter((finding) => toVsRange(finding.range).contains(position));
    if (findings.length === 0) return undefined;
    const text = document.getText();
    const contents = findings.map((finding) => hoverMarkdown(finding, this.rules(), text, document));
    const range = findings.map((finding) => toVsRange(finding.range)).reduce((a, b) => a.union(b));
    return new vscode.Hover(contents, range);
  }
}

export function hoverMarkdown(finding: Finding, rules: readonly RuleMeta[], text: string, document: vscode.TextDocument): vscode.MarkdownString {
  const languageId = document.languageId;
  const fallacy = FALLACIES[finding.fallacy];
  const rule = rules.find((meta) => meta.id === finding.ruleId);
  const fix = mainFix(finding);
  const preview = previewFix(text, finding, fix);
  const markdown = new vscode.MarkdownString(undefined, true);
  markdown.isTrusted = { enabledCommands: [OPEN_LESSONS_COMMAND, DISABLE_FOR_LINE_COMMAND] };
  markdown.appendMarkdown(`**Fallacy ${fallacy.number}: ${escapeMarkdown(fallacy.name)}** · \`${finding.ruleId}\`\n\n`);
  if (rule) markdown.appendMarkdown(`*Why it matters:* ${escapeMarkdown(rule.rationale)}\n\n`);
  if (preview.after !== undefined && fix) {
    markdown.appendMarkdown(`**Fix** — ${escapeMarkdown(fix.title)}:\n`);
    markdown.appendCodeblock(preview.after, languageId);
  }
  const lessonArgs: OpenLessonsArgs = {
    ...splitLessonRef(finding.lesson),
    ruleId: finding.ruleId,
    snippet: { code: preview.before, language: languageId, fix: preview.after },
  };
  const disableArgs: DisableForLineArgs = { uri: document.uri.toString(), ruleId: finding.ruleId, line: finding.range.start.line - 1 };
  markdown.appendMarkdown(
    `[$(book) Open lesson](${commandUri(OPEN_LESSONS_COMMAND, lessonArgs)} "Open the ${escapeMarkdown(fallacy.name)} lesson")` +
      ` · [$(circle-slash) Disable for this line](${commandUri(DISABLE_FOR_LINE_COMMAND, disableArgs)} "Add a fallacy-lens-disable comment for ${finding.ruleId}")`,
  );
  return markdown;
}

function commandUri(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
