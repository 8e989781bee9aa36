import type { TSESTree } from '@typescript-eslint/types';
import type { CallWrappers } from '../call-wrappers';
import type { FileContext } from '../file-context';
import type { NetworkCall } from '../model';
import type { Node } from '../semantics/scope';
import type { FallacyNumber, Fix, RelatedLocation, RuleId, Severity } from '../types';

export interface RuleMeta {
  id: RuleId;
  fallacy: FallacyNumber;
  defaultSeverity: Severity;
  /** One line, for `fallacy-lens rules`, SARIF short descriptions and settings UIs. */
  description: string;
  /** Why it matters, in general terms; the finding's message says why for the call at hand. */
  rationale: string;
  /** Lesson id in `lessons/`. */
  lesson: string;
  /** Message templates with `{{name}}` placeholders, keyed by message id. */
  messages: Record<string, string>;
}

export interface ReportDescriptor {
  node: Node;
  messageId: string;
  data?: Record<string, string>;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Caps the severity below the rule's configured one, for advisory variants of a finding. */
  severity?: Severity;
}

export interface RuleContext {
  readonly file: FileContext;
  readonly wrappers: CallWrappers;
  report(descriptor: ReportDescriptor): void;
  /** A call this rule cannot judge: counted in the summary instead of reported. */
  markUndetermined(call: NetworkCall): void;
}

type NodeHandlers = { [T in Node['type']]?: (node: Extract<TSESTree.Node, { type: T }>) => void };

export interface RuleVisitor extends NodeHandlers {
  /** Called for every recognised network call, after its node's own handlers. */
  NetworkCall?(call: NetworkCall): void;
}

export interface RuleModule {
  meta: RuleMeta;
  create(context: RuleContext): RuleVisitor;
}

/** `{{name}}` → data.name, as in ESLint's message templates. */
export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (name in data ? data[name] : `{{${name}}}`));
}
