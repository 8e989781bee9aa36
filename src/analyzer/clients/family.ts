import type { TSESTree } from '@typescript-eslint/types';
import type { CallNode, ClientInstance, FamilyId, NetworkCall, TimeoutVerdict } from '../model';
import type { Loc, OptionBag, OptionLookup } from '../semantics/options';
import type { Node } from '../semantics/scope';

/** What a family needs from the file being analysed. */
export interface FamilyContext {
  loc(node: Node): Loc;
  text(node: Node): string;
  /** Summarised options argument: a bag, 'unknown', or undefined when the argument is absent. */
  options(node: Node | undefined): OptionBag | 'unknown' | undefined;
  /** Upper-case string if the node is a resolvable string, otherwise undefined. */
  staticString(node: Node | undefined): string | undefined;
  /** Every configuration layer that applies to the call, outermost first, the call's own last. */
  effectiveLayers(call: NetworkCall): OptionBag[];
  /** Looks a key up through the effective layers. */
  lookup(call: NetworkCall, key: string): OptionLookup;
  /** True when the project configures a bounded global undici dispatcher. */
  globalDispatcherBounded(): boolean;
  /** Retry registrations made on this instance (axios-retry). */
  retryRegistration(instance: ClientInstance): { by: string; at: Loc } | undefined;
  instanceKey(node: Node): string;
  /**
   * Method calls made on the object a call returns: chained (`get(url).timeout(5000)`) or through
   * a variable (`const req = http.request(…); req.setTimeout(…)`). `escapes` is true when the object
   * is also returned or handed elsewhere, where more could be configured out of sight.
   */
  handleCalls(call: CallNode): { calls: TSESTree.CallExpression[]; escapes: boolean };
}

export interface RequestShape {
  api: string;
  method: string | undefined;
  url?: Node;
  options?: Node;
  /** Extra options objects that also configure the request (axios `(url, data, config)`). */
  reportNode: Node;
}

export interface BuiltInRetry {
  /** Methods the client retries by itself; 'unknown' when its retry option cannot be resolved. */
  methods: ReadonlySet<string> | 'all' | 'unknown';
  by: string;
  at?: Loc;
}

/**
 * One HTTP client library: how its objects are obtained, which calls send a request, how its
 * timeout and retry options behave. Facts come from `shared/reference/analyzer-anchors.md`.
 */
export interface ClientFamily {
  id: FamilyId;
  /** The client object for an import of `source` followed by `path`, and what remains of the path. */
  fromModule(source: string, path: string[]): { instance: ClientInstance; path: string[] } | undefined;
  /** The instance that calling `path` on `owner` creates, if it is a factory. */
  factory?(owner: ClientInstance, path: string[], call: CallNode, context: FamilyContext): ClientInstance | undefined;
  /** The request that calling `path` on `owner` sends, if it sends one. */
  requestShape(owner: ClientInstance, path: string[], call: CallNode, context: FamilyContext, ownerText: string): RequestShape | undefined;
  timeout(call: NetworkCall, context: FamilyContext): TimeoutVerdict;
  builtInRetry(call: NetworkCall, context: FamilyContext): BuiltInRetry | undefined;
  /** Whether an HTTP error status rejects the promise (so the status need not be checked by hand). */
  rejectsOnHttpError(call: NetworkCall, context: FamilyContext): boolean | 'unknown';
}

export const IDEMPOTENT_BY_DEFAULT = new Set(['GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE']);
export const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export function moduleInstance(family: FamilyId, source: string): ClientInstance {
  return { family, role: 'module', source, layers: [], key: `module:${family}:${source}` };
}

export function argumentAt(call: CallNode, index: number): Node | undefined {
  const arg = call.arguments[index];
  return arg && arg.type !== 'SpreadElement' ? arg : undefined;
}

/** `fn(...args)` hides which argument is which: treat the call as not understood. */
export function hasSpreadArgument(call: CallNode): boolean {
  return call.arguments.some((arg) => arg.type === 'SpreadElement');
}

/** Method from an options bag's `method` entry; 'GET' when absent, undefined when not resolvable. */
export function methodFromOptions(options: OptionBag | 'unknown' | undefined, defaultMethod = 'GET'): string | undefined {
  if (options === undefined) return defaultMethod;
  if (options === 'unknown') return undefined;
  const entry = options.entries.method;
  if (!entry) return options.openEnded ? undefined : defaultMethod;
  if (!entry.certain) return undefined;
  return entry.value.kind === 'string' ? entry.value.value.toUpperCase() : undefined;
}

/** The signal option bounds any client that honours it, whatever its value, unless nullish. */
export function signalVerdict(lookup: OptionLookup): TimeoutVerdict | undefined {
  if (lookup.state === 'set' && lookup.entry.value.kind !== 'nullish') return { state: 'bounded', how: 'signal' };
  return undefined;
}

/**
 * got's and ky's `retry` option: a number sets the limit, an object may set `limit` and
 * `methods`; the defaults retry idempotent methods only.
 */
export function retryMethodsFromOption(lookup: OptionLookup, defaults: ReadonlySet<string>): ReadonlySet<string> | 'unknown' {
  if (lookup.state === 'undetermined') return 'unknown';
  if (lookup.state === 'absent') return defaults;
  const value = lookup.entry.value;
  if (value.kind === 'number') return value.value > 0 ? defaults : new Set();
  if (value.kind !== 'object') return 'unknown';
  const limit = value.bag.entries.limit;
  if (limit && limit.value.kind === 'number' && limit.value.value <= 0) return new Set();
  const methods = value.bag.entries.methods;
  if (!methods) return value.bag.openEnded ? 'unknown' : defaults;
  if (methods.value.kind !== 'array') return 'unknown';
  const names = new Set<string>();
  for (const item of methods.value.items) {
    if (item.kind !== 'string') return 'unknown';
    names.add(item.value.toUpperCase());
  }
  return names;
}

/** The name of the method a handle call invokes: `timeout` for `req.timeout(5000)`. */
export function handleMethodName(call: TSESTree.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  return callee.property.name;
}

/** `client.verb(url, …options)`: the shape got, ky and axios share for their verb methods. */
export function verbShape(ownerText: string, verb: string, call: CallNode, optionsIndex: number, method = verb.toUpperCase()): RequestShape {
  return { api: `${ownerText}.${verb}`, method, url: argumentAt(call, 0), options: argumentAt(call, optionsIndex), reportNode: call.callee };
}

/** got and ky reject on HTTP errors unless `throwHttpErrors: false`. */
export function throwsHttpErrors(call: NetworkCall, context: FamilyContext): boolean | 'unknown' {
  const flag = context.lookup(call, 'throwHttpErrors');
  if (flag.state === 'absent') return true;
  if (flag.state === 'set' && flag.entry.value.kind === 'boolean') return flag.entry.value.value;
  return 'unknown';
}
