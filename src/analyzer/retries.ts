import type { CallWrappers, Wrapper } from './call-wrappers';
import { familyById } from './clients';
import type { FileContext } from './file-context';
import type { NetworkCall } from './model';

export type RetrySource =
  | { kind: 'client'; by: string; wrapper?: undefined }
  | { kind: 'wrapper'; by: string; wrapper: Wrapper };

export type RetryFinding =
  | { state: 'retried'; source: RetrySource }
  | { state: 'not-retried'; hasPolicy: boolean }
  | { state: 'undetermined' };

/**
 * Whether anything retries this call for its method: the client itself (got, ky, axios-retry,
 * superagent `.retry()`, undici RetryAgent) or something around it (a retry helper's callback,
 * a project retry wrapper, a hand-written retry loop). `hasPolicy` says the client has a retry
 * policy that deliberately leaves this method out (got and ky skip POST).
 */
export function retryFor(context: FileContext, wrappers: CallWrappers, call: NetworkCall): RetryFinding {
  const builtIn = familyById(call.family).builtInRetry(call, context.familyContext);
  const wrapper = wrappers.retryAround(call.node);
  if (builtIn && (builtIn.methods === 'all' || (call.method !== undefined && builtIn.methods !== 'unknown' && builtIn.methods.has(call.method)))) {
    return { state: 'retried', source: { kind: 'client', by: builtIn.by } };
  }
  if (wrapper) return { state: 'retried', source: { kind: 'wrapper', by: wrapper.by, wrapper } };
  if (builtIn && (builtIn.methods === 'unknown' || call.method === undefined)) return { state: 'undetermined' };
  return { state: 'not-retried', hasPolicy: builtIn !== undefined };
}
