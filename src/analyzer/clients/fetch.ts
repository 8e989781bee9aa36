import type { TimeoutVerdict } from '../model';
import type { ClientFamily } from './family';
import { argumentAt, hasSpreadArgument, methodFromOptions, moduleInstance, signalVerdict } from './family';

const FETCH_PACKAGES = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch']);

/**
 * The WHATWG fetch and its Node ports. Browser fetch has no timeout at all; Node's (undici's)
 * has 300 s idle timers on headers and body, which a slowly dripping response never trips, so
 * only a signal or explicit dispatcher timeouts bound it.
 */
export const fetchFamily: ClientFamily = {
  id: 'fetch',

  fromModule(source, path) {
    if ((source === 'undici' || source === 'cross-fetch') && path[0] === 'fetch') {
      return { instance: moduleInstance('fetch', source), path: path.slice(1) };
    }
    if (FETCH_PACKAGES.has(source)) return { instance: moduleInstance('fetch', source), path };
    return undefined;
  },

  requestShape(owner, path, call, context) {
    if (path.length > 0 || call.type !== 'CallExpression' || hasSpreadArgument(call)) return undefined;
    const options = argumentAt(call, 1);
    return {
      api: owner.source === 'global' ? 'fetch' : `fetch from '${owner.source}'`,
      method: methodFromOptions(context.options(options)),
      url: argumentAt(call, 0),
      options,
      reportNode: call.callee,
    };
  },

  timeout(call, context): TimeoutVerdict {
    const signalLookup = context.lookup(call, 'signal');
    const signal = signalVerdict(signalLookup);
    if (signal) return signal;
    const timeout = context.lookup(call, 'timeout');
    if (timeout.state === 'set') {
      // node-fetch 2 honoured a `timeout` option; every other fetch silently ignores it.
      if (call.client.source === 'node-fetch') return { state: 'bounded', how: 'node-fetch timeout' };
      return { state: 'ineffective', at: timeout.entry.loc, reason: 'fetch-has-no-timeout-option' };
    }
    if (context.lookup(call, 'dispatcher').state === 'set') return { state: 'bounded', how: 'dispatcher' };
    if (context.globalDispatcherBounded()) return { state: 'bounded', how: 'global dispatcher' };
    if (signalLookup.state === 'undetermined' || timeout.state === 'undetermined') return { state: 'undetermined' };
    return { state: 'missing' };
  },

  builtInRetry() {
    return undefined;
  },

  rejectsOnHttpError() {
    return false;
  },
};
