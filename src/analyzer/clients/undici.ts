import type { TimeoutVerdict } from '../model';
import { isFinitePositive } from '../semantics/options';
import type { ClientFamily } from './family';
import { IDEMPOTENT_BY_DEFAULT, argumentAt, hasSpreadArgument, methodFromOptions, moduleInstance, signalVerdict } from './family';

const DISPATCHER_CLASSES = new Set(['Client', 'Pool', 'BalancedPool', 'Agent', 'ProxyAgent', 'RetryAgent']);
const REQUEST_FUNCTIONS = new Set(['request', 'stream', 'pipeline']);

/**
 * undici's own API (its `fetch` belongs to the fetch family). Its 300 s header and body timers
 * are idle timers: only a signal or explicit `headersTimeout`/`bodyTimeout` count as a bound.
 */
export const undiciFamily: ClientFamily = {
  id: 'undici',

  fromModule(source, path) {
    return source === 'undici' ? { instance: moduleInstance('undici', 'undici'), path } : undefined;
  },

  factory(owner, path, call, context) {
    if (call.type !== 'NewExpression' || path.length !== 1 || !DISPATCHER_CLASSES.has(path[0])) return undefined;
    if (owner.role !== 'module') return undefined;
    const optionsIndex = path[0] === 'Agent' ? 0 : 1;
    const options = context.options(argumentAt(call, optionsIndex));
    const layer = options === 'unknown' || options === undefined ? { entries: {}, openEnded: options === 'unknown', loc: context.loc(call) } : options;
    return {
      family: 'undici',
      role: 'dispatcher',
      source: 'undici',
      layers: [layer],
      origin: context.loc(call),
      key: context.instanceKey(call),
      retryingDispatcher: path[0] === 'RetryAgent',
    };
  },

  requestShape(owner, path, call, context, ownerText) {
    if (call.type !== 'CallExpression' || hasSpreadArgument(call) || path.length !== 1 || !REQUEST_FUNCTIONS.has(path[0])) return undefined;
    // Module functions take (url, options); dispatchers take (options) with `origin` and `path`.
    const optionsNode = owner.role === 'module' ? argumentAt(call, 1) : argumentAt(call, 0);
    return {
      api: `${ownerText}.${path[0]}`,
      method: methodFromOptions(context.options(optionsNode)),
      url: owner.role === 'module' ? argumentAt(call, 0) : undefined,
      options: optionsNode,
      reportNode: call.callee,
    };
  },

  timeout(call, context): TimeoutVerdict {
    const signal = signalVerdict(context.lookup(call, 'signal'));
    if (signal) return signal;
    for (const key of ['headersTimeout', 'bodyTimeout']) {
      const lookup = context.lookup(call, key);
      if (lookup.state === 'set' && isFinitePositive(lookup.entry.value)) return { state: 'bounded', how: key };
      if (lookup.state === 'undetermined') return { state: 'undetermined' };
    }
    if (context.lookup(call, 'dispatcher').state !== 'absent') return { state: 'undetermined' };
    if (call.client.role === 'module' && context.globalDispatcherBounded()) return { state: 'bounded', how: 'global dispatcher' };
    return { state: 'missing', instanceOrigin: call.client.origin };
  },

  builtInRetry(call) {
    return call.client.retryingDispatcher ? { methods: IDEMPOTENT_BY_DEFAULT, by: "undici's RetryAgent", at: call.client.origin } : undefined;
  },

  rejectsOnHttpError() {
    return false;
  },
};
