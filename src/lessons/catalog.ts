/**
 * The fixed vocabulary lessons are checked against: analyzer rule ids, the lesson each rule's findings
 * link to, the required lesson ids and sections. Kept in one place so the content tests and the panel agree.
 */
import type { RuleId } from '../analyzer/types';

export const RULE_IDS = [
  'no-timeout',
  'no-retry',
  'unsafe-retry',
  'unchecked-status',
  'insecure-transport',
  'hardcoded-endpoint',
  'request-in-loop',
  'unbounded-fanout',
  'unvalidated-response',
] as const satisfies readonly RuleId[];

/** Every RuleId must appear above: this fails to compile if the analyzer adds a rule we do not know. */
type MissingRuleIds = Exclude<RuleId, (typeof RULE_IDS)[number]>;
const allRulesListed: [MissingRuleIds] extends [never] ? true : MissingRuleIds = true;
void allRulesListed;

export interface RuleLessonLink {
  /** The lesson the analyzer's findings for this rule link to. */
  primary: string;
  /** The fallacy the rule belongs to, and any further fallacy lessons that also explain it. */
  fallacies: number[];
}

export const RULE_LESSONS: Readonly<Record<RuleId, RuleLessonLink>> = {
  'no-timeout': { primary: 'timeouts-and-deadlines', fallacies: [2] },
  'no-retry': { primary: 'retries-and-backoff', fallacies: [1] },
  'unsafe-retry': { primary: 'idempotency-keys', fallacies: [1] },
  'unchecked-status': { primary: 'fallacy-1-reliable-network', fallacies: [1] },
  'insecure-transport': { primary: 'fallacy-4-secure-network', fallacies: [4] },
  'hardcoded-endpoint': { primary: 'fallacy-5-topology-doesnt-change', fallacies: [5] },
  'request-in-loop': { primary: 'fallacy-2-zero-latency', fallacies: [2, 7] },
  'unbounded-fanout': { primary: 'fallacy-3-infinite-bandwidth', fallacies: [3] },
  'unvalidated-response': { primary: 'fallacy-8-homogeneous-network', fallacies: [8] },
};

export const FALLACY_LESSON_IDS: Readonly<Record<number, string>> = {
  1: 'fallacy-1-reliable-network',
  2: 'fallacy-2-zero-latency',
  3: 'fallacy-3-infinite-bandwidth',
  4: 'fallacy-4-secure-network',
  5: 'fallacy-5-topology-doesnt-change',
  6: 'fallacy-6-one-administrator',
  7: 'fallacy-7-zero-transport-cost',
  8: 'fallacy-8-homogeneous-network',
};

export const REQUIRED_LESSON_IDS = [
  'what-is-distributed',
  ...Object.values(FALLACY_LESSON_IDS),
  'cap',
  'pacelc',
  'eventual-consistency',
  'timeouts-and-deadlines',
  'retries-and-backoff',
  'idempotency-keys',
] as const;

/** Lessons allowed to list no rules in their front matter. */
export const LESSONS_WITHOUT_RULES: readonly string[] = [
  'what-is-distributed',
  'cap',
  'pacelc',
  'fallacy-6-one-administrator',
];

/** `##` sections every lesson has, in this order. "Try it" is required when the lesson lists scenarios. */
export const REQUIRED_SECTIONS = [
  'The idea',
  'A real failure',
  'In code',
  'What Fallacy Lens catches',
  'Quiz',
] as const;
export const TRY_IT_SECTION = 'Try it';

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
