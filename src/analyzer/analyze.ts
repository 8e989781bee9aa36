import { CallWrappers } from './call-wrappers';
import type { ProjectConfig } from './config';
import { severityFor } from './config';
import { collectFileFacts } from './facts';
import { FileContext } from './file-context';
import { DEFAULT_FIX_TIMEOUT_MS } from './fixes';
import type { NetworkCall } from './model';
import { parseSourceOnce } from './parse';
import type { ParserName } from './parsers';
import type { FileFacts, ProjectIndex } from './project-index';
import { emptyFacts } from './project-index';
import { mayContainNetworkCall, mayHoldFacts } from './prefilter';
import { RULE_IDS, RULE_MODULES } from './rules/catalog';
import type { ReportDescriptor, RuleModule, RuleVisitor } from './rules/rule';
import { formatMessage } from './rules/rule';
import type { Node } from './semantics/scope';
import { applySuppressions } from './suppressions';
import type { FileResult, Finding, Severity } from './types';

export interface SourceFile {
  /** Posix path relative to the project root, as results report it. */
  path: string;
  text: string;
}

export interface AnalyzeOptions {
  /** Milliseconds that timeout quick fixes propose (the editor's setting). */
  fixTimeoutMs?: number;
  /** Which parser builds the tree (default typescript-estree); both give identical findings. */
  parser?: ParserName;
  /**
   * Skip files whose text cannot contain a recognised call (default true). Tests turn it off to
   * prove it loses nothing; benchmarks, to measure what it buys.
   */
  prefilter?: boolean;
  /**
   * Build the tree from this file's previous tree, re-parsing only the statements an edit touched
   * (the editor's path: the same file analysed again and again as it is typed).
   */
  incremental?: boolean;
}

/** Cross-file facts of one file (phase 1 of a scan). Never throws. */
export function indexFile(file: SourceFile, config: ProjectConfig, options: Pick<AnalyzeOptions, 'prefilter' | 'parser' | 'incremental'> = {}): FileFacts {
  if (options.prefilter !== false && !mayHoldFacts(file.text)) return emptyFacts(file.path);
  const parsed = parseSourceOnce(file.path, file.text, options.parser, options.incremental);
  if (!parsed.ok) return emptyFacts(file.path);
  try {
    return collectFileFacts(new FileContext(file.path, file.text, parsed.program, parsed.lines, EMPTY_INDEX, config, DEFAULT_FIX_TIMEOUT_MS));
  } catch {
    return emptyFacts(file.path);
  }
}

const EMPTY_INDEX: ProjectIndex = { modules: {}, globalDefaults: {}, instanceDefaults: {}, retryRegistrations: {} };

/**
 * Analyses one file against the project's cross-file facts (phase 2). Never throws: a failure
 * inside the analyzer becomes a note on the file, so one odd file cannot stop a scan or the editor.
 */
export function analyzeFile(file: SourceFile, index: ProjectIndex, config: ProjectConfig, options: AnalyzeOptions = {}): FileResult {
  const result: FileResult = { file: file.path, findings: [], notes: [], undetermined: 0 };
  const active = RULE_MODULES.map((rule) => ({ rule, severity: severityFor(config, rule.meta.id, file.path, rule.meta.defaultSeverity) })).filter(
    (entry): entry is { rule: RuleModule; severity: Severity } => entry.severity !== 'off',
  );
  if (active.length === 0 || (options.prefilter !== false && !mayContainNetworkCall(file.text, file.path, index))) return result;
  const parsed = parseSourceOnce(file.path, file.text, options.parser, options.incremental);
  if (!parsed.ok) {
    result.notes.push(parsed.note);
    return result;
  }
  try {
    const context = new FileContext(file.path, file.text, parsed.program, parsed.lines, index, config, options.fixTimeoutMs ?? DEFAULT_FIX_TIMEOUT_MS);
    context.useLocalFacts(collectFileFacts(context));
    const { findings, undetermined } = runRules(context, active);
    const suppressed = applySuppressions(parsed.program.comments ?? [], findings, parsed.lines, RULE_IDS);
    result.findings = suppressed.findings.sort(byPosition);
    result.notes.push(...suppressed.notes);
    result.undetermined = undetermined;
  } catch (error) {
    result.notes.push({
      kind: 'parse-error',
      severity: 'error',
      message: `Fallacy Lens failed while analysing this file and reports nothing for it: ${error instanceof Error ? error.message : String(error)}. Please report this with the file if you can.`,
    });
  }
  return result;
}

function runRules(context: FileContext, active: { rule: RuleModule; severity: Severity }[]): { findings: Finding[]; undetermined: number } {
  const findings: Finding[] = [];
  const undetermined = new Set<NetworkCall['node']>();
  const wrappers = new CallWrappers(context);
  const visitors: RuleVisitor[] = active.map(({ rule, severity }) =>
    rule.create({
      file: context,
      wrappers,
      report: (descriptor) => findings.push(toFinding(context, rule, severity, descriptor)),
      markUndetermined: (call) => undetermined.add(call.node),
    }),
  );
  const wantsCalls = visitors.filter((visitor) => visitor.NetworkCall);
  const handlers = handlersByNodeType(visitors);
  for (const node of context.scopes.nodesInOrder) {
    const forType = handlers.get(node.type);
    if (forType) for (const handler of forType) handler(node);
    if (wantsCalls.length > 0 && (node.type === 'CallExpression' || node.type === 'NewExpression')) {
      const call = context.networkCall(node);
      if (call) for (const visitor of wantsCalls) visitor.NetworkCall!(call);
    }
  }
  return { findings, undetermined: undetermined.size };
}

/** Node type → the rules' handlers for it, in rule order: a tree has tens of thousands of nodes and few handled types. */
function handlersByNodeType(visitors: readonly RuleVisitor[]): Map<string, ((node: Node) => void)[]> {
  const handlers = new Map<string, ((node: Node) => void)[]>();
  for (const visitor of visitors) {
    for (const [type, handler] of Object.entries(visitor)) {
      if (type === 'NetworkCall' || typeof handler !== 'function') continue;
      const list = handlers.get(type);
      if (list) list.push(handler as (node: Node) => void);
      else handlers.set(type, [handler as (node: Node) => void]);
    }
  }
  return handlers;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function toFinding(context: FileContext, rule: RuleModule, configured: Severity, descriptor: ReportDescriptor): Finding {
  const severity = descriptor.severity && SEVERITY_RANK[descriptor.severity] < SEVERITY_RANK[configured] ? descriptor.severity : configured;
  return {
    ruleId: rule.meta.id,
    fallacy: rule.meta.fallacy,
    severity,
    message: formatMessage(rule.meta.messages[descriptor.messageId], descriptor.data),
    file: context.file,
    range: context.lines.rangeOf(descriptor.node.range[0], descriptor.node.range[1]),
    related: descriptor.related ?? [],
    fixes: descriptor.fixes ?? [],
    lesson: rule.meta.lesson,
  };
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.offsets[0] - b.range.offsets[0] || a.ruleId.localeCompare(b.ruleId);
}
