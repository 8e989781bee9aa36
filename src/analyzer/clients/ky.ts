import type { TimeoutVerdict } from '../model';
import { describeOptionValue, isExplicitlyUnbounded } from '../semantics/options';
import type { ClientFamily } from './family';
import { IDEMPOTENT_BY_DEFAULT, VERBS, argumentAt, hasSpreadArgument, methodFromOptions, moduleInstance, retryMethodsFromOption, signalVerdict, throwsHttpErrors, verbShape } from './family';

/**
 * ky: a finite 10 s overall timeout by default, so only an explicit `timeout: false` or `0`
 * is a finding; retries idempotent methods twice by default.
 */
export const kyFamily: ClientFamily = {
  id: 'ky',

  fromModule(source, path) {
    return source === 'ky' || source === 'ky-universal' ? { instance: moduleInstance('ky', source), path } : undefined;
  },

  factory(owner, path, call, context) {
    if (path.length !== 1 || (path[0] !== 'create' && path[0] !== 'extend') || call.type !== 'CallExpression') return undefined;
    const options = context.options(argumentAt(call, 0));
    const layer = options === 'unknown' || options === undefined ? { entries: {}, openEnded: options === 'unknown', loc: context.loc(call) } : options;
    // `create` starts from ky's defaults again, `extend` inherits the parent's options.
    const inherited = path[0] === 'extend' ? owner.layers : [];
    return { family: 'ky', role: 'instance', source: owner.source, layers: [...inherited, layer], origin: context.loc(call), key: context.instanceKey(call) };
  },

  requestShape(_owner, path, call, context, ownerText) {
    if (call.type !== 'CallExpression' || hasSpreadArgument(call)) return undefined;
    if (path.length === 0) {
      const options = argumentAt(call, 1);
      return { api: ownerText, method: methodFromOptions(context.options(options)), url: argumentAt(call, 0), options, reportNode: call.callee };
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
    if (timeout.state === 'set' && isExplicitlyUnbounded(timeout.entry.value)) {
      return { state: 'disabled', at: timeout.entry.loc, value: describeOptionValue(timeout.entry.value) };
    }
    return { state: 'bounded', how: timeout.state === 'set' ? 'timeout' : "ky's default 10 s timeout" };
  },

  builtInRetry(call, context) {
    return { methods: retryMethodsFromOption(context.lookup(call, 'retry'), IDEMPOTENT_BY_DEFAULT), by: "ky's built-in retry" };
  },

  rejectsOnHttpError(call, context) {
    return throwsHttpErrors(call, context);
  },
};
