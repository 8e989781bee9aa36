import type { TimeoutVerdict } from '../model';
import { describeOptionValue, isExplicitlyUnbounded, isFinitePositive } from '../semantics/options';
import type { ClientFamily } from './family';
import { IDEMPOTENT_BY_DEFAULT, VERBS, argumentAt, hasSpreadArgument, methodFromOptions, moduleInstance, retryMethodsFromOption, signalVerdict, throwsHttpErrors, verbShape } from './family';

/**
 * got: no timeout by default; retries idempotent methods twice by default and never POST
 * unless `retry.methods` says so ("By default, Got does not retry on POST").
 */
export const gotFamily: ClientFamily = {
  id: 'got',

  fromModule(source, path) {
    if (source !== 'got') return undefined;
    return { instance: moduleInstance('got', 'got'), path: path[0] === 'got' ? path.slice(1) : path };
  },

  factory(owner, path, call, context) {
    if (path.length !== 1 || path[0] !== 'extend' || call.type !== 'CallExpression') return undefined;
    const layers = [...owner.layers];
    for (const arg of call.arguments) {
      const bag = arg.type === 'SpreadElement' ? 'unknown' : context.options(arg);
      layers.push(bag === 'unknown' || bag === undefined ? { entries: {}, openEnded: true, loc: context.loc(arg) } : bag);
    }
    return { family: 'got', role: 'instance', source: 'got', layers, origin: context.loc(call), key: context.instanceKey(call) };
  },

  requestShape(_owner, path, call, context, ownerText) {
    if (call.type !== 'CallExpression' || hasSpreadArgument(call)) return undefined;
    if (path.length === 0) {
      const first = argumentAt(call, 0);
      const firstIsOptions = first !== undefined && context.options(first) !== 'unknown' && context.staticString(first) === undefined && first.type === 'ObjectExpression';
      const optionsNode = firstIsOptions ? first : argumentAt(call, 1);
      return { api: ownerText, method: methodFromOptions(context.options(optionsNode)), url: firstIsOptions ? undefined : first, options: optionsNode, reportNode: call.callee };
    }
    if (path.length === 1 && VERBS.includes(path[0])) {
      return verbShape(ownerText, path[0], call, 1);
    }
    return undefined;
  },

  timeout(call, context): TimeoutVerdict {
    const signal = signalVerdict(context.lookup(call, 'signal'));
    if (signal) return signal;
    const timeout = context.lookup(call, 'timeout');
    if (timeout.state === 'set') {
      const value = timeout.entry.value;
      if (value.kind === 'object') {
        // Any finite phase timeout (request, response, socket…) ends a hung request; `request` is the total.
        const phases = Object.values(value.bag.entries);
        if (phases.some((phase) => isFinitePositive(phase.value) || phase.value.kind === 'unknown' || phase.value.kind === 'expression')) {
          return { state: 'bounded', how: 'timeout' };
        }
        return value.bag.openEnded ? { state: 'undetermined' } : { state: 'disabled', at: timeout.entry.loc, value: '{}' };
      }
      if (isExplicitlyUnbounded(value)) return { state: 'disabled', at: timeout.entry.loc, value: describeOptionValue(value) };
      return { state: 'bounded', how: 'timeout' };
    }
    if (timeout.state === 'undetermined') return { state: 'undetermined' };
    return { state: 'missing', instanceOrigin: call.client.origin };
  },

  builtInRetry(call, context) {
    return { methods: retryMethodsFromOption(context.lookup(call, 'retry'), IDEMPOTENT_BY_DEFAULT), by: "got's built-in retry" };
  },

  rejectsOnHttpError(call, context) {
    return throwsHttpErrors(call, context);
  },
};
