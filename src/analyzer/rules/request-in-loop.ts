import type { TSESTree } from '@typescript-eslint/types';
import { isRetryLoop } from '../call-wrappers';
import type { FileContext } from '../file-context';
import type { NetworkCall } from '../model';
import { isWithin, someDescendant } from '../semantics/descendants';
import type { Binding, Node } from '../semantics/scope';
import { memberKey } from '../semantics/values';
import type { RuleContext, RuleModule } from './rule';

type Loop = TSESTree.ForStatement | TSESTree.ForInStatement | TSESTree.ForOfStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement;

const LOOP_TYPES = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const PASS_THROUGH = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ChainExpression']);

/**
 * Fallacies 2 and 7, latency is zero and transport cost is zero: awaiting one request per item
 * turns N items into N sequential round trips, and N requests where one batch would do.
 */
export const requestInLoop: RuleModule = {
  meta: {
    id: 'request-in-loop',
    fallacy: 2,
    defaultSeverity: 'info',
    description: 'Network calls awaited inside a loop body: one round trip per item.',
    rationale:
      'Each awaited round trip adds its full latency; in a loop they add up per item, and each costs requests, connections and money that one batched call would not.',
    lesson: 'fallacy-2-zero-latency',
    messages: {
      inLoop:
        '{{api}} is awaited inside this loop, so each item waits a full round trip before the next starts: 100 items at 50 ms is 5 s of waiting (latency is not zero), and each item pays for its own request, headers and connection work (transport cost is not zero). Send the items in one batch request if the API has one, or run them with bounded concurrency (`p-limit`, or `p-map` with `concurrency`).',
      forEachAsync:
        '{{api}} is awaited inside an async `forEach` callback, but `forEach` does not wait for it: every item\'s request starts at once, nothing waits for them to finish, and their errors go unhandled. Use `for…of` with a batch request, or `p-map` with `concurrency` to run them a few at a time.',
    },
  },

  create(context: RuleContext) {
    return {
      NetworkCall(call) {
        if (!isAwaited(call.node)) return;
        const loop = enclosingLoop(call.node);
        if (!loop) return;
        if (loop.type === 'CallExpression') {
          context.report({ node: call.reportNode, messageId: 'forEachAsync', data: { api: call.api }, related: [{ ...context.file.loc(loop.callee), message: 'The forEach that does not wait.' }] });
          return;
        }
        if (isSequentialByNature(context.file, loop, call)) return;
        context.report({ node: call.reportNode, messageId: 'inLoop', data: { api: call.api }, related: [{ ...context.file.loc(loopHead(loop)), message: 'One request per iteration of this loop.' }] });
      },
    };
  },
};

/** `await call`, also through `as`, `!` and promise chains (`await fetch(u).then(…)`, `await ky(u).json()`). */
function isAwaited(call: Node): boolean {
  let current = call;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (parent.type === 'AwaitExpression') return true;
    if (PASS_THROUGH.has(parent.type)) current = parent;
    else if (parent.type === 'MemberExpression' && parent.object === current && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) current = parent.parent;
    else return false;
  }
}

/**
 * The loop whose body makes the call once per iteration, looking outwards within the function:
 * retry loops are skipped (their iterations are attempts), and an async function passed to
 * `forEach` counts as a loop body.
 */
function enclosingLoop(call: Node): Loop | TSESTree.CallExpression | undefined {
  let child: Node = call;
  for (let current = call.parent; current; child = current, current = current.parent) {
    if (FUNCTION_TYPES.has(current.type)) return asyncForEachCall(current as TSESTree.FunctionLike);
    if (LOOP_TYPES.has(current.type) && (current as Loop).body === child && !isRetryLoop(current)) return current as Loop;
  }
  return undefined;
}

function asyncForEachCall(fn: TSESTree.FunctionLike): TSESTree.CallExpression | undefined {
  const parent = fn.parent;
  if (!fn.async || parent?.type !== 'CallExpression' || parent.arguments[0] !== fn) return undefined;
  return parent.callee.type === 'MemberExpression' && memberKey(parent.callee) === 'forEach' ? parent : undefined;
}

/**
 * Loops that cannot run their requests side by side, because the next request depends on the
 * last answer: pagination (the URL or cursor comes from the response), loops whose condition or
 * exit reads the response (polling, "until an empty page"), and loops that stop at the first
 * success (failover across mirrors). `while (true)` workers count too: nothing there says how
 * many requests there will be.
 */
function isSequentialByNature(file: FileContext, loop: Loop, call: NetworkCall): boolean {
  const tainted = responseDerived(file, loop, call);
  const dependsOnResponse = (node: Node) => someDescendant(node, (n) => n === call.node || (n.type === 'Identifier' && isTainted(file, tainted, n)));
  const carried = call.node.arguments.some((arg) =>
    someDescendant(arg, (n) => n.type === 'Identifier' && isTainted(file, tainted, n) && !isWithin(file.scopes.resolve(n)!.id, loop.body)),
  );
  if (carried) return true;
  if (loop.type === 'WhileStatement' || loop.type === 'DoWhileStatement' || loop.type === 'ForStatement') {
    const test = loop.test;
    if (!test || (test.type === 'Literal' && test.value === true) || dependsOnResponse(test)) return true;
  }
  return exitsAfterSuccess(loop, call.node, dependsOnResponse);
}

/** Variables inside the loop that hold the response or something computed from it, in source order. */
function responseDerived(file: FileContext, loop: Loop, call: NetworkCall): Set<Binding> {
  const tainted = new Set<Binding>();
  const dependsOnResponse = (node: Node) => someDescendant(node, (n) => n === call.node || (n.type === 'Identifier' && isTainted(file, tainted, n)));
  const taint = (target: Node) => {
    someDescendant(target, (n) => {
      const binding = n.type === 'Identifier' ? file.scopes.resolve(n) : undefined;
      if (binding) tainted.add(binding);
      return false;
    });
  };
  const nodes = file.scopes.nodesInOrder;
  for (let i = nodes.indexOf(loop.body) + 1; i < nodes.length && isWithin(nodes[i], loop.body); i++) {
    const node = nodes[i];
    if (node.type === 'VariableDeclarator' && node.init && dependsOnResponse(node.init)) taint(node.id);
    if (node.type === 'AssignmentExpression' && dependsOnResponse(node.right)) taint(rootOf(node.left));
  }
  return tainted;
}

function isTainted(file: FileContext, tainted: Set<Binding>, id: TSESTree.Identifier): boolean {
  const binding = file.scopes.resolve(id);
  return binding !== undefined && tainted.has(binding);
}

/** `params` in `params.cursor = …`: assigning a member changes the object the request uses. */
function rootOf(target: Node): Node {
  let current = target;
  while (current.type === 'MemberExpression') current = current.object;
  return current;
}

/**
 * A `return` or `break` after the call that leaves the loop on success: unconditional (a
 * failover loop's `try { return await fetch(mirror) } catch {}`), or under a test that reads the
 * response and is not a failure test (`if (!res.ok) break` stops on failure: still one round trip
 * per item until then).
 */
function exitsAfterSuccess(loop: Loop, call: Node, dependsOnResponse: (node: Node) => boolean): boolean {
  return someDescendant(loop.body, (node) => {
    if ((node.type !== 'ReturnStatement' && node.type !== 'BreakStatement') || node.range[0] < call.range[1]) return false;
    if (node.type === 'BreakStatement' && node.label) return false;
    let guard: TSESTree.IfStatement | undefined;
    for (let current: Node | undefined = node.parent; current && current !== loop; current = current.parent) {
      if (FUNCTION_TYPES.has(current.type) || current.type === 'CatchClause') return false;
      if (node.type === 'BreakStatement' && (LOOP_TYPES.has(current.type) || current.type === 'SwitchStatement')) return false;
      if (current.type === 'IfStatement' && !guard && !isWithin(node, current.test)) guard = current;
    }
    return !guard || (dependsOnResponse(guard.test) && !isFailureTest(guard.test, guard.alternate !== null && isWithin(node, guard.alternate)));
  });
}

/** `!res.ok`, `res.status !== 200`, `res.status >= 400`: the branch taken when the request failed. */
function isFailureTest(test: Node, inElse: boolean): boolean {
  let failure = false;
  if (test.type === 'UnaryExpression' && test.operator === '!') failure = readsStatus(test.argument);
  else if (test.type === 'BinaryExpression' && ['!==', '!=', '>=', '>'].includes(test.operator)) failure = readsStatus(test);
  return inElse ? !failure && readsStatus(test) : failure;
}

function readsStatus(node: Node): boolean {
  return someDescendant(node, (n) => n.type === 'MemberExpression' && ['ok', 'status', 'statusCode'].includes(memberKey(n) ?? ''));
}

/** The loop's header, `for (const id of ids)`, for the related location. */
function loopHead(loop: Loop): Node {
  return loop.type === 'DoWhileStatement' ? loop.test : loop.type === 'WhileStatement' ? loop.test : loop.type === 'ForStatement' ? (loop.test ?? loop.body) : loop.right;
}
