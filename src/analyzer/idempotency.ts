import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { handleMethodName } from './clients/family';
import type { FileContext } from './file-context';
import type { NetworkCall } from './model';
import type { OptionBag } from './semantics/options';
import { summarizeOptions } from './semantics/options';
import type { Node } from './semantics/scope';
import { unwrapExpression } from './semantics/values';

/**
 * Header names that carry an idempotency key (IETF draft and vendor conventions listed in
 * analyzer-anchors §3.2), compared case-insensitively.
 */
const KEY_HEADERS = [
  'idempotency-key',
  'x-idempotency-key',
  'paypal-request-id',
  'cko-idempotency-key',
  'x-amz-pay-idempotency-key',
  'x-qonto-idempotency-key',
  'x-payout-idempotency',
  'x-unique-transaction-id',
];
const KEY_BODY_FIELDS = new Set(['idempotency_key', 'idempotencykey', 'clienttoken', 'client_token']);

export type KeyPresence = 'present' | 'absent' | 'undetermined';

/** Whether the request carries an idempotency key, in a header or a body field. */
export function idempotencyKeyOf(context: FileContext, call: NetworkCall): KeyPresence {
  const names = new Set([...KEY_HEADERS, ...context.config.idempotencyHeaders.map((name) => name.toLowerCase())]);
  if (chainSetsHeader(context, call, names)) return 'present';
  const headers = headersPresence(context, call, names);
  if (headers === 'present') return 'present';
  const body = bodyPresence(context, call);
  if (body === 'present') return 'present';
  return headers === 'undetermined' || body === 'undetermined' ? 'undetermined' : 'absent';
}

/** superagent: `.set('Idempotency-Key', key)` in the chain. */
function chainSetsHeader(context: FileContext, call: NetworkCall, names: ReadonlySet<string>): boolean {
  if (call.family !== 'superagent') return false;
  return context.familyContext.handleCalls(call.node).calls.some((chained) => {
    if (handleMethodName(chained) !== 'set') return false;
    const name = context.familyContext.staticString(chained.arguments[0] && chained.arguments[0].type !== 'SpreadElement' ? chained.arguments[0] : undefined);
    return name !== undefined && names.has(name.toLowerCase());
  });
}

function headersPresence(context: FileContext, call: NetworkCall, names: ReadonlySet<string>): KeyPresence {
  let undetermined = false;
  for (const layer of context.effectiveLayers(call)) {
    if (layer.openEnded) undetermined = true;
    const headers = layer.entries.headers;
    if (!headers) continue;
    if (headers.value.kind !== 'object') {
      // `new Headers(…)`, a variable, a function result: the key may well be in there.
      undetermined = undetermined || headers.value.kind !== 'nullish';
      continue;
    }
    if (bagHasKey(headers.value.bag, names)) return 'present';
    if (headers.value.bag.openEnded) undetermined = true;
  }
  return undetermined ? 'undetermined' : 'absent';
}

function bagHasKey(bag: OptionBag, names: ReadonlySet<string>): boolean {
  return Object.keys(bag.entries).some((key) => names.has(key.toLowerCase()));
}

/**
 * Body fields: `idempotency_key` (Square), `ClientToken` (AWS). Looks at fetch's
 * `body: JSON.stringify({…})`, got's `json`, and axios's data argument. A body we cannot read
 * (`JSON.stringify(order)`) counts as having no key: keys conventionally travel in a header, and
 * treating every opaque body as "maybe" would silence the rule for nearly every POST.
 */
function bodyPresence(context: FileContext, call: NetworkCall): KeyPresence {
  for (const body of bodyNodes(context, call)) {
    const bag = summarizeOptions(context.optionsHost, body);
    if (bag === 'unknown') continue;
    if (Object.keys(bag.entries).some((key) => KEY_BODY_FIELDS.has(key.toLowerCase()))) return 'present';
    if (bag.openEnded) return 'undetermined';
  }
  return 'absent';
}

function bodyNodes(context: FileContext, call: NetworkCall): Node[] {
  const nodes: Node[] = [];
  if (call.family === 'axios' && /\.(post|put|patch)(Form)?$/.test(call.api)) {
    const data = call.node.arguments[1];
    if (data && data.type !== 'SpreadElement') nodes.push(data);
  }
  if (call.callOptions && call.callOptions !== 'unknown') {
    for (const key of ['body', 'json', 'data']) {
      const entry = call.callOptions.entries[key];
      if (!entry) continue;
      const property = context.nodeAt(entry.loc, AST_NODE_TYPES.Property);
      const value = property && stringifiedObject(property.value);
      if (value) nodes.push(value);
    }
  }
  return nodes;
}

/** `JSON.stringify(x)` → x; any other expression stands for itself. */
function stringifiedObject(node: Node): Node {
  const expr = unwrapExpression(node);
  if (
    expr.type === 'CallExpression' &&
    expr.callee.type === 'MemberExpression' &&
    expr.callee.object.type === 'Identifier' &&
    expr.callee.object.name === 'JSON' &&
    expr.arguments[0] &&
    expr.arguments[0].type !== 'SpreadElement'
  ) {
    return expr.arguments[0];
  }
  return expr;
}
