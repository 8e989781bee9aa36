import type { TSESTree } from '@typescript-eslint/types';
import type { FileContext } from '../file-context';
import { isWithin, someDescendant } from '../semantics/descendants';
import type { Node } from '../semantics/scope';
import type { SymbolicValue } from '../semantics/values';
import { memberKey, unwrapExpression } from '../semantics/values';
import type { RuleContext, RuleModule } from './rule';

/** Arrays written out with this many elements or fewer are a fixed, small fan-out. */
const SMALL_LITERAL = 4;
/** How many same-file functions are followed from the callback looking for a request. */
const MAX_FUNCTIONS = 16;
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Concurrency limiters: calling them with a function runs it when a slot is free. */
const LIMITERS: { source: string; path: string[] }[] = [
  { source: 'p-limit', path: [] },
  { source: 'p-queue', path: ['add'] },
  { source: 'p-queue', path: ['addAll'] },
  { source: 'bottleneck', path: ['schedule'] },
  { source: 'bottleneck', path: ['wrap'] },
];

interface Fanout {
  items: Node;
  callback: TSESTree.FunctionLike;
}

/**
 * Fallacy 3, bandwidth is infinite: `Promise.all(items.map(fetchOne))` opens one request per item
 * at the same moment, however many items there are.
 */
export const unboundedFanout: RuleModule = {
  meta: {
    id: 'unbounded-fanout',
    fallacy: 3,
    defaultSeverity: 'info',
    description: '`Promise.all` / `Promise.allSettled` over an unbounded `map` of network calls.',
    rationale:
      'Mapping every item to a request at once opens as many connections as there are items: a long list saturates sockets, the server\'s limits and the bandwidth between you.',
    lesson: 'fallacy-3-infinite-bandwidth',
    messages: {
      fanout:
        '`{{combinator}}` starts a request for every item of `{{items}}` at once: with 1,000 items that is 1,000 connections and responses in flight together, enough to exhaust sockets, trip rate limits and swamp the server (bandwidth is not infinite). Cap the concurrency: `const limit = pLimit(8)` and `{{items}}.map((x) => limit(() => …))` (p-limit), or `pMap({{items}}, fn, { concurrency: 8 })` (p-map).',
    },
  },

  create(context: RuleContext) {
    const file = context.file;
    return {
      CallExpression(node) {
        const combinator = promiseCombinator(file, node);
        const argument = node.arguments[0];
        if (!combinator || !argument || argument.type === 'SpreadElement') return;
        const fanout = mappedCollection(file, argument);
        if (!fanout || isSmallLiteral(file, fanout.items) || isChunk(file, fanout.items, node)) return;
        const request = unlimitedRequestIn(file, fanout.callback);
        if (!request) return;
        context.report({
          node: node.callee,
          messageId: 'fanout',
          data: { combinator, items: file.textOf(fanout.items, 40) },
          related: [{ ...file.loc(request), message: 'Each item makes this request.' }],
        });
      },
    };
  },
};

function promiseCombinator(file: FileContext, call: TSESTree.CallExpression): string | undefined {
  const callee = file.resolver.resolve(call.callee);
  if (callee.kind !== 'global' || callee.name !== 'Promise' || callee.path.length !== 1) return undefined;
  return callee.path[0] === 'all' || callee.path[0] === 'allSettled' ? `Promise.${callee.path[0]}` : undefined;
}

/** `xs.map(cb)` or `Array.from(xs, cb)`, written in place or held in a `const`. */
function mappedCollection(file: FileContext, argument: Node): Fanout | undefined {
  const expr = followConst(file, argument);
  if (expr.type !== 'CallExpression' || expr.callee.type !== 'MemberExpression') return undefined;
  const key = memberKey(expr.callee);
  const isArrayFrom = key === 'from' && expr.callee.object.type === 'Identifier' && expr.callee.object.name === 'Array' && !file.scopes.resolve(expr.callee.object);
  const [items, callback] = key === 'map' ? [expr.callee.object, expr.arguments[0]] : isArrayFrom ? [expr.arguments[0], expr.arguments[1]] : [undefined, undefined];
  if (!items || !callback || items.type === 'SpreadElement' || callback.type === 'SpreadElement') return undefined;
  const fn = functionOf(file.resolver.resolve(callback));
  return fn ? { items, callback: fn } : undefined;
}

/** `[a, b, c]` (or `Array.from({ length: 3 }, …)`): a fixed handful of requests is not a fan-out. */
function isSmallLiteral(file: FileContext, items: Node): boolean {
  const expr = followConst(file, items);
  if (expr.type === 'ArrayExpression') return expr.elements.length <= SMALL_LITERAL && expr.elements.every((element) => element?.type !== 'SpreadElement');
  if (expr.type === 'ObjectExpression') {
    const length = file.resolver.member(file.resolver.resolve(expr), 'length', 0);
    return length.kind === 'literal' && typeof length.value === 'number' && length.value <= SMALL_LITERAL;
  }
  return false;
}

/**
 * A chunk of a larger list: the loop variable of a `for…of` whose body makes the `Promise.all`
 * (`for (const batch of chunks) await Promise.all(batch.map(…))`), or a two-argument
 * `slice`/`splice`. The loop then bounds how many requests run together.
 */
function isChunk(file: FileContext, items: Node, combinatorCall: Node): boolean {
  const expr = unwrapExpression(items);
  if (expr.type === 'Identifier') {
    const binding = file.scopes.resolve(expr);
    const loop = binding && enclosingForOf(binding.id);
    if (loop && isWithin(combinatorCall, loop.body)) return true;
  }
  const source = followConst(file, items);
  return source.type === 'CallExpression' && source.callee.type === 'MemberExpression' && ['slice', 'splice'].includes(memberKey(source.callee) ?? '') && source.arguments.length === 2;
}

function enclosingForOf(id: Node): TSESTree.ForOfStatement | undefined {
  for (let current = id.parent; current; current = current.parent) {
    if (current.type === 'ForOfStatement') return isWithin(id, current.left) ? current : undefined;
    if (current.type !== 'VariableDeclarator' && current.type !== 'VariableDeclaration' && current.type !== 'ArrayPattern' && current.type !== 'ObjectPattern') return undefined;
  }
  return undefined;
}

/**
 * The first network call the callback makes, directly or through functions of this file it
 * calls, that is not run by a concurrency limiter.
 */
function unlimitedRequestIn(file: FileContext, callback: TSESTree.FunctionLike): Node | undefined {
  const pending: TSESTree.FunctionLike[] = [callback];
  const seen = new Set<Node>(pending);
  let found: Node | undefined;
  while (pending.length > 0 && !found && seen.size <= MAX_FUNCTIONS) {
    const fn = pending.pop()!;
    someDescendant(fn.body ?? fn, (node) => {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return false;
      if (isLimited(file, node, fn)) return false;
      const call = file.networkCall(node);
      if (call) {
        found = call.reportNode;
        return true;
      }
      const callee = functionOf(file.resolver.resolve(node.callee));
      if (callee && !seen.has(callee)) {
        seen.add(callee);
        pending.push(callee);
      }
      return false;
    });
  }
  return found;
}

/** Whether `node` runs inside a function handed to a limiter (`limit(() => fetch(u))`), below `root`. */
function isLimited(file: FileContext, node: Node, root: Node): boolean {
  for (let current = node.parent; current && current !== root; current = current.parent) {
    const parent = current.parent;
    if (FUNCTION_TYPES.has(current.type) && parent?.type === 'CallExpression' && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      if (isLimiter(file.resolver.resolve(parent.callee))) return true;
    }
  }
  return false;
}

function isLimiter(callee: SymbolicValue): boolean {
  if (callee.kind !== 'call') return false;
  const made = callee.callee;
  return LIMITERS.some(
    (limiter) => made.kind === 'module' && made.source === limiter.source && made.path.length === 0 && callee.path.join('.') === limiter.path.join('.'),
  );
}

function functionOf(value: SymbolicValue): TSESTree.FunctionLike | undefined {
  return value.kind === 'function' ? value.node : undefined;
}

/** The initializer of a `const` the expression names, once; otherwise the expression itself. */
function followConst(file: FileContext, node: Node): Node {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return expr;
  const binding = file.scopes.resolve(expr);
  return binding && binding.kind === 'variable' && !binding.reassigned && binding.init && binding.path.length === 0 ? unwrapExpression(binding.init) : expr;
}
