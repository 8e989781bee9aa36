import type { TSESTree } from '@typescript-eslint/types';
import type { TimeoutVerdict } from '../model';
import { someDescendant } from '../semantics/descendants';
import { isFinitePositive } from '../semantics/options';
import type { ClientFamily } from './family';
import { argumentAt, handleMethodName, hasSpreadArgument, methodFromOptions, moduleInstance, signalVerdict } from './family';

/**
 * node:http / node:https. The `timeout` option and `req.setTimeout()` only emit a 'timeout'
 * event; the request keeps hanging unless the handler destroys it (nodejs/node#15443 docs).
 */
export const nodeHttpFamily: ClientFamily = {
  id: 'node-http',

  fromModule(source, path) {
    return source === 'http' || source === 'https' ? { instance: moduleInstance('node-http', source), path } : undefined;
  },

  requestShape(_owner, path, call, context, ownerText) {
    if (call.type !== 'CallExpression' || hasSpreadArgument(call) || path.length !== 1) return undefined;
    if (path[0] !== 'request' && path[0] !== 'get') return undefined;
    const first = argumentAt(call, 0);
    const firstIsUrl = first !== undefined && first.type !== 'ObjectExpression' && context.options(first) === 'unknown';
    const optionsNode = firstIsUrl ? optionsAfterUrl(call) : first;
    const options = context.options(optionsNode);
    return {
      api: `${ownerText}.${path[0]}`,
      method: path[0] === 'get' ? 'GET' : methodFromOptions(options),
      url: firstIsUrl ? first : undefined,
      options: optionsNode,
      reportNode: call.callee,
    };
  },

  timeout(call, context): TimeoutVerdict {
    const signal = signalVerdict(context.lookup(call, 'signal'));
    if (signal) return signal;
    const handle = context.handleCalls(call.node);
    const timeoutOption = context.lookup(call, 'timeout');
    const hasTimer =
      (timeoutOption.state === 'set' && isFinitePositive(timeoutOption.entry.value)) ||
      handle.calls.some((c) => handleMethodName(c) === 'setTimeout');
    const destroys = handle.calls.some(destroysOnTimeout);
    if (hasTimer && destroys) return { state: 'bounded', how: 'timeout with destroy' };
    if (hasTimer) {
      const at = timeoutOption.state === 'set' ? timeoutOption.entry.loc : context.loc(handle.calls.find((c) => handleMethodName(c) === 'setTimeout')!);
      return handle.escapes ? { state: 'undetermined' } : { state: 'ineffective', at, reason: 'http-timeout-without-destroy' };
    }
    if (handle.escapes || timeoutOption.state === 'undetermined') return { state: 'undetermined' };
    return { state: 'missing' };
  },

  builtInRetry() {
    return undefined;
  },

  rejectsOnHttpError() {
    return 'unknown';
  },
};

function optionsAfterUrl(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const second = argumentAt(call, 1);
  return second && second.type !== 'ArrowFunctionExpression' && second.type !== 'FunctionExpression' ? second : undefined;
}

/** `req.setTimeout(ms, () => req.destroy())` or `req.on('timeout', () => req.destroy())`. */
function destroysOnTimeout(call: TSESTree.CallExpression): boolean {
  const name = handleMethodName(call);
  if (name === 'setTimeout') return call.arguments.slice(1).some(containsDestroyCall);
  if (name === 'on' || name === 'once') {
    const event = call.arguments[0];
    return event?.type === 'Literal' && event.value === 'timeout' && call.arguments.slice(1).some(containsDestroyCall);
  }
  return false;
}

function containsDestroyCall(node: TSESTree.Node): boolean {
  return someDescendant(node, (candidate) => {
    if (candidate.type !== 'CallExpression') return false;
    const name = handleMethodName(candidate);
    return name === 'destroy' || name === 'abort';
  });
}
