import type { RuleId } from '../types';
import { hardcodedEndpoint } from './hardcoded-endpoint';
import { insecureTransport } from './insecure-transport';
import { noRetry } from './no-retry';
import { noTimeout } from './no-timeout';
import { requestInLoop } from './request-in-loop';
import type { RuleMeta, RuleModule } from './rule';
import { unboundedFanout } from './unbounded-fanout';
import { uncheckedStatus } from './unchecked-status';
import { unsafeRetry } from './unsafe-retry';
import { unvalidatedResponse } from './unvalidated-response';

/** Every rule, in the order the spec lists them. */
export const RULE_MODULES: readonly RuleModule[] = [noTimeout, noRetry, unsafeRetry, uncheckedStatus, insecureTransport, hardcodedEndpoint, requestInLoop, unboundedFanout, unvalidatedResponse];

export const RULES: readonly RuleMeta[] = RULE_MODULES.map((rule) => rule.meta);

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

export function ruleMeta(id: RuleId): RuleMeta | undefined {
  return RULES.find((rule) => rule.id === id);
}

/** Where a rule's documentation lives, for SARIF `helpUri` and editors. */
export function ruleDocsUrl(id: RuleId): string {
  return `https://github.com/fallacy-lens/fallacy-lens/blob/main/docs/rules/${id}.md`;
}
