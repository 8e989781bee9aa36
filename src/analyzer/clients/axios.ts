import type { TimeoutVerdict } from '../model';
import { describeOptionValue, isExplicitlyUnbounded, isFinitePositive } from '../semantics/options';
import type { BuiltInRetry, ClientFamily } from './family';
import { argumentAt, hasSpreadArgument, methodFromOptions, moduleInstance, signalVerdict, verbShape } from './family';

const URL_ONLY_METHODS = new Set(['get', 'delete', 'head', 'options']);
const URL_DATA_METHODS = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
/** `validateStatus: () => true` (or `function () { return true; }`): every status resolves. */
const ACCEPTS_EVERY_STATUS = /^(?:\(\s*[\w$]*\s*(?::\s*number\s*)?\)|[\w$]+)\s*=>\s*(?:true|\{\s*return true;?\s*\})$|^function\s*\(\s*[\w$]*\s*(?::\s*number\s*)?\)\s*\{\s*return true;?\s*\}$/;

/**
 * axios: no timeout by default (`timeout: 0`). In Node its `timeout` is a socket idle timer,
 * so a slow drip of bytes outlives it; `signal: AbortSignal.timeout(ms)` bounds the whole request.
 */
export const axiosFamily: ClientFamily = {
  id: 'axios',

  fromModule(source, path) {
    return source === 'axios' ? { instance: moduleInstance('axios', 'axios'), path } : undefined;
  },

  factory(owner, path, call, context) {
    if (path.length !== 1 || path[0] !== 'create' || call.type !== 'CallExpression') return undefined;
    const options = context.options(argumentAt(call, 0));
    const layer = options === 'unknown' ? { entries: {}, openEnded: true, loc: context.loc(call) } : options;
    return {
      family: 'axios',
      role: 'instance',
      source: 'axios',
      layers: layer ? [...owner.layers, layer] : [...owner.layers],
      origin: context.loc(call),
      key: context.instanceKey(call),
    };
  },

  requestShape(_owner, path, call, context, ownerText) {
    if (call.type !== 'CallExpression' || hasSpreadArgument(call)) return undefined;
    if (path.length === 0 || (path.length === 1 && path[0] === 'request')) {
      // axios(config), axios(url, config), axios.request(config)
      const first = argumentAt(call, 0);
      const firstIsUrl = path.length === 0 && first !== undefined && context.staticString(first) !== undefined;
      const configNode = firstIsUrl || (path.length === 0 && call.arguments.length > 1) ? argumentAt(call, 1) : first;
      const config = context.options(configNode);
      return {
        api: path.length === 0 ? ownerText : `${ownerText}.request`,
        method: methodFromOptions(config),
        url: firstIsUrl ? first : undefined,
        options: configNode,
        reportNode: call.callee,
      };
    }
    if (path.length !== 1) return undefined;
    const verb = path[0];
    if (URL_ONLY_METHODS.has(verb)) {
      return verbShape(ownerText, verb, call, 1);
    }
    if (URL_DATA_METHODS.has(verb)) {
      return verbShape(ownerText, verb, call, 2, verb.replace(/Form$/, '').toUpperCase());
    }
    return undefined;
  },

  timeout(call, context): TimeoutVerdict {
    const signal = signalVerdict(context.lookup(call, 'signal'));
    if (signal) return signal;
    const timeout = context.lookup(call, 'timeout');
    if (timeout.state === 'set') {
      if (isExplicitlyUnbounded(timeout.entry.value)) return { state: 'disabled', at: timeout.entry.loc, value: describeOptionValue(timeout.entry.value) };
      if (isFinitePositive(timeout.entry.value)) return { state: 'bounded', how: 'timeout' };
      // A deliberate but unresolvable timeout (`timeout: config.httpTimeout`): trust the author.
      return { state: 'bounded', how: 'timeout (value not resolvable)' };
    }
    if (timeout.state === 'undetermined' || context.lookup(call, 'signal').state === 'undetermined') return { state: 'undetermined' };
    return { state: 'missing', instanceOrigin: call.client.origin };
  },

  builtInRetry(call, context): BuiltInRetry | undefined {
    const registration = context.retryRegistration(call.client) ?? context.retryRegistration(moduleInstance('axios', 'axios'));
    if (!registration) return undefined;
    // axios-retry retries network errors for every method, POST included (softonic/axios-retry#66).
    return { methods: 'all', by: registration.by, at: registration.at };
  },

  rejectsOnHttpError(call, context) {
    const validate = context.lookup(call, 'validateStatus');
    if (validate.state === 'absent') return true;
    if (validate.state === 'set' && validate.entry.value.kind === 'expression' && ACCEPTS_EVERY_STATUS.test(validate.entry.value.text)) return false;
    // An undetermined lookup (config from a call or a parameter) may or may not set
    // validateStatus: 'unknown', never false, or unchecked-status reports axios calls whose
    // config it cannot see (precision sample: novu `api.post(url, body, buildHeaders())`).
    if (validate.state === 'undetermined') return 'unknown';
    return validate.state === 'set' && validate.entry.value.kind !== 'nullish' ? 'unknown' : false;
  },
};
