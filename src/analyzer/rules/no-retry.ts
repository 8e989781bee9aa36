import type { RuleModule } from './rule';
import { retryFor } from '../retries';

const NON_IDEMPOTENT = new Set(['POST', 'PATCH']);

/**
 * Fallacy 1, the network is reliable: a single attempt turns every dropped packet, reset
 * connection and rolling deploy into a user-visible failure. Information level: many calls
 * (a user's click) rightly fail fast and let the person retry.
 */
export const noRetry: RuleModule = {
  meta: {
    id: 'no-retry',
    fallacy: 1,
    defaultSeverity: 'info',
    description: 'Network calls with no retry policy at all: one dropped connection fails the whole operation.',
    rationale:
      'Dropped packets, reset connections and a 503 during a deploy are normal events; with a single attempt each of them becomes a failed operation.',
    lesson: 'retries-and-backoff',
    messages: {
      noRetry:
        '{{api}} is tried once: a reset connection or a 503 during a deploy fails the whole operation. If a failure here is not the user\'s to retry, wrap it in a retry with exponential backoff and jitter (p-retry, cockatiel) and a small attempt budget.',
      noRetryNonIdempotent:
        '{{api}} ({{method}}) is tried once, so a dropped response leaves you not knowing whether it happened. Before retrying it, give it an `Idempotency-Key` header so that the server can recognise the repeat; then retry with backoff and jitter.',
    },
  },

  create(context) {
    return {
      NetworkCall(call) {
        const retry = retryFor(context.file, context.wrappers, call);
        if (retry.state === 'undetermined') {
          context.markUndetermined(call);
          return;
        }
        // A client with a retry policy that leaves this method out (got and ky skip POST) made a choice.
        if (retry.state === 'retried' || retry.hasPolicy) return;
        const nonIdempotent = call.method !== undefined && NON_IDEMPOTENT.has(call.method);
        context.report({
          node: call.reportNode,
          messageId: nonIdempotent ? 'noRetryNonIdempotent' : 'noRetry',
          data: { api: call.api, method: call.method ?? '' },
        });
      },
    };
  },
};
