import type { TimeoutVerdict } from '../model';
import type { ClientFamily } from './family';
import { argumentAt, handleMethodName, hasSpreadArgument, moduleInstance } from './family';

const SUPERAGENT_VERBS: Record<string, string> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  del: 'DELETE',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
};

/**
 * superagent: configured by chaining (`.timeout()`, `.retry()`) on the request before it is
 * sent; no timeout and no retry unless chained. `.retry()` retries every method, POST included.
 */
export const superagentFamily: ClientFamily = {
  id: 'superagent',

  fromModule(source, path) {
    return source === 'superagent' ? { instance: moduleInstance('superagent', 'superagent'), path } : undefined;
  },

  factory(owner, path, call, context) {
    if (path.length !== 1 || path[0] !== 'agent') return undefined;
    return { family: 'superagent', role: 'instance', source: 'superagent', layers: [...owner.layers], origin: context.loc(call), key: context.instanceKey(call) };
  },

  requestShape(_owner, path, call, context, ownerText) {
    if (call.type !== 'CallExpression' || hasSpreadArgument(call)) return undefined;
    if (path.length === 0) {
      // request(method, url) or request(url)
      const method = call.arguments.length >= 2 ? context.staticString(argumentAt(call, 0)) : 'GET';
      return { api: ownerText, method: method?.toUpperCase(), url: argumentAt(call, call.arguments.length >= 2 ? 1 : 0), reportNode: call.callee };
    }
    if (path.length === 1 && path[0] in SUPERAGENT_VERBS) {
      return { api: `${ownerText}.${path[0]}`, method: SUPERAGENT_VERBS[path[0]], url: argumentAt(call, 0), reportNode: call.callee };
    }
    return undefined;
  },

  timeout(call, context): TimeoutVerdict {
    const handle = context.handleCalls(call.node);
    const timeoutCall = handle.calls.find((c) => handleMethodName(c) === 'timeout');
    if (timeoutCall) {
      const value = context.options(argumentAt(timeoutCall, 0));
      const amount = argumentAt(timeoutCall, 0);
      if (amount && amount.type === 'Literal' && amount.value === 0) return { state: 'disabled', at: context.loc(timeoutCall), value: '0' };
      return value === undefined && !amount ? { state: 'disabled', at: context.loc(timeoutCall), value: '()' } : { state: 'bounded', how: '.timeout()' };
    }
    return handle.escapes ? { state: 'undetermined' } : { state: 'missing' };
  },

  builtInRetry(call, context) {
    const retryCall = context.handleCalls(call.node).calls.find((c) => handleMethodName(c) === 'retry');
    if (!retryCall) return undefined;
    const count = argumentAt(retryCall, 0);
    if (count && count.type === 'Literal' && count.value === 0) return undefined;
    return { methods: 'all', by: 'superagent .retry()', at: context.loc(retryCall) };
  },

  rejectsOnHttpError() {
    return true;
  },
};
