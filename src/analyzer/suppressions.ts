import type { TSESTree } from '@typescript-eslint/types';
import type { LineIndex } from './line-index';
import type { FileNote, Finding, RuleId } from './types';

/**
 * ESLint-style directive comments:
 *   // fallacy-lens-disable-next-line no-timeout -- reason
 *   // fallacy-lens-disable-line no-timeout
 *   /* fallacy-lens-disable no-timeout *\/ … /* fallacy-lens-enable no-timeout *\/
 *   /* fallacy-lens-disable *\/ with no enable: the rest of the file (at the top: the whole file)
 * No rule list means every rule. Text after ` -- ` is the reason and is ignored.
 */
interface Directive {
  kind: 'disable-line' | 'disable-next-line' | 'disable' | 'enable';
  rules: RuleId[] | 'all';
  comment: TSESTree.Comment;
  /** Lines covered, for line directives; for block directives filled in when paired. */
  fromLine: number;
  toLine: number;
  used: boolean;
}

/** Every directive contains it: a file without it needs no comments in its tree. */
export const DIRECTIVE_MARKER = 'fallacy-lens-';

const DIRECTIVE = /^\s*fallacy-lens-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*(?:--[^]*)?$/;

export function applySuppressions(
  comments: readonly TSESTree.Comment[],
  findings: Finding[],
  lines: LineIndex,
  knownRules: ReadonlySet<string>,
): { findings: Finding[]; notes: FileNote[] } {
  const notes: FileNote[] = [];
  const directives = parseDirectives(comments, lines, knownRules, notes);
  const kept = findings.filter((finding) => {
    const line = finding.range.start.line;
    const match = directives.find((d) => d.kind !== 'enable' && line >= d.fromLine && line <= d.toLine && (d.rules === 'all' || d.rules.includes(finding.ruleId)));
    if (match) match.used = true;
    return !match;
  });
  for (const directive of directives) {
    if (directive.kind === 'enable' || directive.used) continue;
    notes.push({
      kind: 'unused-suppression',
      severity: 'info',
      message: `Unused fallacy-lens-${directive.kind} directive (no ${directive.rules === 'all' ? '' : `${directive.rules.join(', ')} `}finding here to suppress). Remove it so that it cannot hide a future finding.`,
      range: lines.rangeOf(directive.comment.range[0], directive.comment.range[1]),
    });
  }
  return { findings: kept, notes };
}

function parseDirectives(comments: readonly TSESTree.Comment[], lines: LineIndex, knownRules: ReadonlySet<string>, notes: FileNote[]): Directive[] {
  const directives: Directive[] = [];
  const open: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value);
    if (!match) continue;
    const kind = match[1] as Directive['kind'];
    const rules = parseRuleList(match[2], comment, lines, knownRules, notes);
    const line = lines.positionOf(comment.range[0]).line;
    const endLine = lines.positionOf(comment.range[1]).line;
    if (kind === 'disable-line') directives.push({ kind, rules, comment, fromLine: line, toLine: line, used: false });
    else if (kind === 'disable-next-line') directives.push({ kind, rules, comment, fromLine: endLine + 1, toLine: endLine + 1, used: false });
    else if (kind === 'disable') {
      const directive: Directive = { kind, rules, comment, fromLine: line, toLine: Number.MAX_SAFE_INTEGER, used: false };
      directives.push(directive);
      open.push(directive);
    } else {
      closeBlocks(open, rules, line);
      directives.push({ kind, rules, comment, fromLine: line, toLine: line, used: true });
    }
  }
  return directives;
}

/** `enable` with no list closes every open block; with a list, only blocks of exactly those rules. */
function closeBlocks(open: Directive[], rules: RuleId[] | 'all', line: number): void {
  for (let i = open.length - 1; i >= 0; i--) {
    const block = open[i];
    const closes = rules === 'all' || (block.rules !== 'all' && block.rules.every((rule) => rules.includes(rule)));
    if (closes) {
      block.toLine = line;
      open.splice(i, 1);
    }
  }
}

function parseRuleList(text: string | undefined, comment: TSESTree.Comment, lines: LineIndex, knownRules: ReadonlySet<string>, notes: FileNote[]): RuleId[] | 'all' {
  const names = (text ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return 'all';
  for (const name of names) {
    if (!knownRules.has(name)) {
      notes.push({
        kind: 'unused-suppression',
        severity: 'warning',
        message: `Unknown rule '${name}' in a fallacy-lens directive; it suppresses nothing. Run \`fallacy-lens rules\` for the list.`,
        range: lines.rangeOf(comment.range[0], comment.range[1]),
      });
    }
  }
  return names.filter((name) => knownRules.has(name)) as RuleId[];
}
