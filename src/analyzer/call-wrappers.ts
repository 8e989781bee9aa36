import type { TSESTree } from '@typescript-eslint/types';
import type { FileContext } from './file-context';
import type { Loc } from './semantics/options';
import type { Node } from './semantics/scope';
import { staticPropertyKey } from './semantics/scope';
import { someDescendant } from './semantics/descendants';
import type { SymbolicValue } from './semantics/values';
import { unwrapExpression } from './semantics/values';

/** A retry or timeout that wraps a call from the outside. */
export interface Wrapper {
  by: string;
  at: Loc;
}

const FUNCTION_TYPES = new Set(['ArrowFunctionExpression', 'FunctionExpression']);
const QUERY_PACKAGES = ['@tanstack/react-query', '@tanstack/vue-query', '@tanstack/solid-query', '@tanstack/svelte-query', 'react-query'];
const QUERY_HOOKS = ['useQuery', 'useSuspenseQuery', 'useInfiniteQuery', 'useSuspenseInfiniteQuery', 'createQuery'];
const RETRYING_LOOPS = new Set(['ForStatement', 'WhileStatement', 'DoWhileStatement']);

/**
 * Retry helpers by package: each retries whatever the function it is given does, whatever the
 * HTTP method (analyzer-anchors §4). The path is the member of the package that is called.
 */
const RETRY_HELPERS: { source: string; path: string[]; name: string }[] = [
  { source: 'p-retry', path: [], name: 'p-retry' },
  { source: 'async-retry', path: [], name: 'async-retry' },
  { source: 'promise-retry', path: [], name: 'promise-retry' },
  { source: 'exponential-backoff', path: ['backOff'], name: 'exponential-backoff' },
  { source: 'ts-retry-promise', path: ['retry'], name: 'ts-retry-promise' },
  { source: 'ts-retry-promise', path: ['retryDecorator'], name: 'ts-retry-promise' },
  { source: '@lifeomic/attempt', path: ['retry'], name: '@lifeomic/attempt' },
  { source: 'retry', path: ['operation', 'attempt'], name: 'retry (node-retry)' },
];

/** Finds what retries or bounds a call from outside it. */
export class CallWrappers {
  constructor(private readonly context: FileContext) {}

  /** The innermost retry around `node`: a helper's callback, a project retry wrapper, or a retry loop. */
  retryAround(node: Node): Wrapper | undefined {
    let child: Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (FUNCTION_TYPES.has(current.type)) {
        const wrapper = this.retryHelperTaking(current) ?? this.queryFunctionOf(current);
        if (wrapper) return wrapper;
        const named = this.configuredWrapper(current, 'retried');
        if (named) return named;
      }
      if (current.type === 'FunctionDeclaration') {
        const named = this.configuredWrapper(current, 'retried');
        if (named) return named;
      }
      if (RETRYING_LOOPS.has(current.type) && this.isRetryLoop(current as RetryLoop, child)) {
        return { by: 'a hand-written retry loop', at: this.context.loc(current) };
      }
    }
    return undefined;
  }

  /** A timeout wrapper around `node`: p-timeout, a cockatiel timeout policy, `Promise.race` with a timer. */
  timeoutAround(node: Node): (Wrapper & { raceOnly: boolean }) | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === 'CallExpression') {
        const callee = this.context.resolver.resolve(current.callee);
        if (isModule(callee, 'p-timeout', [])) return { by: 'p-timeout', at: this.context.loc(current), raceOnly: false };
        if (isPromiseRace(callee) && current.arguments[0]?.type === 'ArrayExpression' && current.arguments[0].elements.length >= 2) {
          return { by: 'Promise.race', at: this.context.loc(current), raceOnly: true };
        }
        if (this.isCockatielExecute(current, 'timeout')) return { by: 'a cockatiel timeout policy', at: this.context.loc(current), raceOnly: false };
        const name = calleeName(current);
        if (name && this.context.config.timeoutWrappers.includes(name)) return { by: name, at: this.context.loc(current), raceOnly: false };
      }
      if (FUNCTION_TYPES.has(current.type) || current.type === 'FunctionDeclaration') {
        const named = this.configuredWrapper(current, 'bounded');
        if (named) return { ...named, raceOnly: false };
      }
    }
    return undefined;
  }

  /** A function passed to a retry helper (`pRetry(fn)`, `policy.execute(fn)`, a project wrapper). */
  private retryHelperTaking(fn: Node): Wrapper | undefined {
    const call = fn.parent;
    if (!call || call.type !== 'CallExpression' || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return undefined;
    const callee = this.context.resolver.resolve(call.callee);
    for (const helper of RETRY_HELPERS) {
      if (isModule(callee, helper.source, helper.path) || isNodeRetryAttempt(callee, helper)) {
        return { by: helper.name, at: this.context.loc(call) };
      }
    }
    if (this.isCockatielExecute(call, 'retry')) return { by: 'a cockatiel retry policy', at: this.context.loc(call) };
    const name = calleeName(call);
    if (name && this.context.config.retryWrappers.includes(name)) return { by: name, at: this.context.loc(call) };
    if (this.isProjectRetryWrapper(callee)) return { by: this.context.textOf(call.callee, 30), at: this.context.loc(call) };
    return undefined;
  }

  /**
   * TanStack Query retries a failing `queryFn` three times by default (mutations not at all):
   * `useQuery({ queryKey, queryFn: () => fetch(…) })`.
   */
  private queryFunctionOf(fn: Node): Wrapper | undefined {
    const property = fn.parent;
    if (property?.type !== 'Property' || property.value !== fn || staticPropertyKey(property) !== 'queryFn') return undefined;
    const call = property.parent?.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== property.parent) return undefined;
    const callee = this.context.resolver.resolve(call.callee);
    const isQueryHook = QUERY_PACKAGES.some((source) => QUERY_HOOKS.some((hook) => isModule(callee, source, [hook])));
    return isQueryHook ? { by: 'TanStack Query (3 retries by default)', at: this.context.loc(call) } : undefined;
  }

  /** `policy.execute(fn)` where `policy` is cockatiel's `retry(…)`/`timeout(…)`, or `wrap(…)` of one. */
  private isCockatielExecute(call: TSESTree.CallExpression, policy: 'retry' | 'timeout'): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier' || callee.property.name !== 'execute') return false;
    return this.isCockatielPolicy(this.context.resolver.resolve(callee.object), policy, 0);
  }

  private isCockatielPolicy(value: SymbolicValue, policy: 'retry' | 'timeout', depth: number): boolean {
    if (value.kind !== 'call' || value.path.length > 0 || depth > 4) return false;
    if (isModule(value.callee, 'cockatiel', [policy])) return true;
    // retry(handleAll, …).execute and retry(…).withTimeout style chains are not modelled; wrap() is.
    if (isModule(value.callee, 'cockatiel', ['wrap'])) {
      return value.node.arguments.some((arg) => arg.type !== 'SpreadElement' && this.isCockatielPolicy(this.context.resolver.resolve(arg), policy, depth + 1));
    }
    return false;
  }

  /** A function of this project that retries the function it is given (same file or imported). */
  private isProjectRetryWrapper(callee: SymbolicValue): boolean {
    if (callee.kind === 'function') return isRetryWrapperFunction(callee.node);
    if (callee.kind === 'project-import') return this.context.importedFact(callee)?.kind === 'retry-wrapper';
    return false;
  }

  /** `httpWrappers` in the configuration: calls inside these functions are bounded or retried. */
  private configuredWrapper(fn: Node, property: 'bounded' | 'retried'): Wrapper | undefined {
    const name = functionName(fn);
    const declared = name ? this.context.config.httpWrappers[name] : undefined;
    return declared && declared[property] ? { by: `${name} (declared in the configuration)`, at: this.context.loc(fn) } : undefined;
  }

  private isRetryLoop(loop: RetryLoop, child: Node): boolean {
    return child === loop.body && isRetryLoopBody(loop);
  }
}

type RetryLoop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

/**
 * A loop that leaves on success and goes round again after a failure: a try whose block leaves
 * the loop (return, break, or setting a flag the loop's condition reads) and whose handler does
 * not always leave, or a status check that returns or breaks on success. Requiring the success
 * exit keeps "process every item, log failures" loops out, and a `for…of` over items never
 * qualifies: only counting and condition loops are retries.
 */
function isRetryLoopBody(loop: RetryLoop): boolean {
  const conditionNames = namesRead(loop.test);
  return someDescendant(loop.body, (node) => {
    if (node.type === 'TryStatement') {
      const leavesOnSuccess = exitsLoop(node.block) || assignsAny(node.block, conditionNames);
      return node.handler !== null && leavesOnSuccess && !alwaysExits(node.handler.body);
    }
    if (node.type === 'IfStatement') return readsStatus(node.test) && exitsLoop(node.consequent);
    return false;
  });
}

function namesRead(test: Node | null): Set<string> {
  const names = new Set<string>();
  if (test) someDescendant(test, (node) => (node.type === 'Identifier' && names.add(node.name), false));
  return names;
}

/** `sent = true` inside a try, where the loop runs `while (!sent …)`. */
function assignsAny(block: Node, names: ReadonlySet<string>): boolean {
  return names.size > 0 && someDescendant(block, (node) => node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && names.has(node.left.name));
}

function alwaysExits(block: TSESTree.BlockStatement): boolean {
  const last = block.body[block.body.length - 1];
  return last !== undefined && (last.type === 'ThrowStatement' || last.type === 'ReturnStatement' || last.type === 'BreakStatement');
}

function readsStatus(test: Node): boolean {
  return someDescendant(test, (node) => node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && (node.property.name === 'ok' || node.property.name === 'status'));
}

function exitsLoop(statement: Node): boolean {
  return someDescendant(statement, (node) => node.type === 'ReturnStatement' || node.type === 'BreakStatement');
}

/** A counting or condition loop whose body retries: its iterations are attempts, not items. */
export function isRetryLoop(loop: Node): boolean {
  return RETRYING_LOOPS.has(loop.type) && isRetryLoopBody(loop as RetryLoop);
}

/**
 * A project function that retries its function parameter: it calls a parameter inside a retry
 * loop (`for (…) { try { return await fn() } catch { … } }`).
 */
export function isRetryWrapperFunction(fn: TSESTree.FunctionLike): boolean {
  let known = retryWrapperFunctions.get(fn);
  if (known === undefined) {
    known = definesRetryWrapper(fn);
    retryWrapperFunctions.set(fn, known);
  }
  return known;
}

/**
 * By function node: the answer depends on the function's own text only, so it holds for as long
 * as the node lives, which in the editor spans every keystroke made elsewhere in the file.
 */
const retryWrapperFunctions = new WeakMap<TSESTree.FunctionLike, boolean>();

function definesRetryWrapper(fn: TSESTree.FunctionLike): boolean {
  const params = new Set(fn.params.filter((p): p is TSESTree.Identifier => p.type === 'Identifier').map((p) => p.name));
  if (params.size === 0 || !fn.body) return false;
  return someDescendant(fn.body, (node) => {
    if (!RETRYING_LOOPS.has(node.type) || !isRetryLoopBody(node as RetryLoop)) return false;
    return someDescendant((node as RetryLoop).body, (inner) => inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && params.has(inner.callee.name));
  });
}

function isModule(value: SymbolicValue, source: string, path: string[]): boolean {
  return value.kind === 'module' && value.source === source && value.path.length === path.length && value.path.every((part, i) => part === path[i]);
}

/** node-retry: `const op = retry.operation(); op.attempt(fn)`: the callee is a call result's member. */
function isNodeRetryAttempt(value: SymbolicValue, helper: { source: string; path: string[] }): boolean {
  if (helper.source !== 'retry' || value.kind !== 'call' || value.path.length !== 1 || value.path[0] !== 'attempt') return false;
  return isModule(value.callee, 'retry', ['operation']);
}

function isPromiseRace(value: SymbolicValue): boolean {
  return value.kind === 'global' && value.name === 'Promise' && value.path.length === 1 && value.path[0] === 'race';
}

function calleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') return callee.property.name;
  return undefined;
}

function functionName(fn: Node): string | undefined {
  if ((fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' && parent.key.type === 'Identifier') return parent.key.name;
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return parent.key.name;
  return undefined;
}
