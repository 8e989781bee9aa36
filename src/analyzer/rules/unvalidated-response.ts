import type { TSESTree } from '@typescript-eslint/types';
import type { FileContext } from '../file-context';
import type { NetworkCall } from '../model';
import type { Binding, Node } from '../semantics/scope';
import { memberKey, unwrapExpression } from '../semantics/values';
import type { RuleContext, RuleModule } from './rule';
import type { ReferenceIndex } from '../semantics/references';
import { skipWrappersUp } from './unchecked-status';

const TYPESCRIPT_FILE = /\.(ts|tsx|mts|cts)$/i;
/** Methods and functions that check a value at runtime: zod, valibot, io-ts, ajv, typia, yup, superstruct. */
const VALIDATORS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateSync', 'isValid', 'is', 'assert', 'decode', 'check']);
/** Hand-written type guards and assertion functions: `isUser(x)`, `assertOrder(x)`, `validateInvoice(x)`. */
const GUARD_NAME = /^(is|assert|validate)[A-Z_]/;

/**
 * Fallacy 8, the network is homogeneous: the other end is another program, on another release
 * cycle, behind proxies that answer for it. A type assertion on what it sent checks nothing.
 */
export const unvalidatedResponse: RuleModule = {
  meta: {
    id: 'unvalidated-response',
    fallacy: 8,
    defaultSeverity: 'info',
    description: 'Response bodies asserted to a type (`as T`, a typed declaration, a type argument) with no runtime validation.',
    rationale:
      'The other side is built, deployed and versioned by someone else; a type assertion is a promise no one checks, and the first changed field fails far from its cause.',
    lesson: 'fallacy-8-homogeneous-network',
    messages: {
      unvalidated:
        '`{{type}}` is only a claim about what {{api}} returns: nothing checks it at runtime, so when the service answers with something else (a new API version, an error body, a proxy\'s HTML page, a null) the wrong shape flows on and fails far from here. Validate the body where it enters: the `parse(body)` of a zod or valibot schema, an ajv validator, or typia `assert<{{type}}>(body)`.',
    },
  },

  create(context: RuleContext) {
    const file = context.file;
    if (!TYPESCRIPT_FILE.test(file.file)) return {};
    const references = file.references;
    const check = (type: TSESTree.TypeNode, value: Node, call: NetworkCall | undefined) => {
      if (!call || isUntyped(type) || isValidatedBeforeUse(file, references, value)) return;
      context.report({ node: type, messageId: 'unvalidated', data: { type: file.textOf(type, 40), api: call.api } });
    };
    return {
      TSAsExpression(node) {
        check(node.typeAnnotation, node, bodyRead(file, node.expression));
      },
      TSTypeAssertion(node) {
        check(node.typeAnnotation, node, bodyRead(file, node.expression));
      },
      VariableDeclarator(node) {
        const annotation = node.id.type === 'Identifier' ? node.id.typeAnnotation : undefined;
        if (!annotation || !node.init || node.init.type === 'TSAsExpression' || node.init.type === 'TSTypeAssertion') return;
        check(annotation.typeAnnotation, node.init, bodyRead(file, node.init));
      },
      CallExpression(node) {
        const type = node.typeArguments?.params[0];
        if (!type) return;
        const request = file.networkCall(node);
        if (request) {
          // `axios.get<User>(url)`: the claim is about `response.data`.
          const data = dataOfTypedRequest(file, references, node);
          if (data) check(type, data, request);
          return;
        }
        // `got(url).json<User>()`, `res.json<User>()`
        if (node.callee.type === 'MemberExpression' && memberKey(node.callee) === 'json') check(type, node, responseCall(file, node.callee.object));
      },
    };
  },
};

/** `unknown` and `any` claim nothing. */
function isUntyped(type: TSESTree.TypeNode): boolean {
  return type.type === 'TSUnknownKeyword' || type.type === 'TSAnyKeyword';
}

/**
 * The request whose body `expr` is: `await res.json()`, `await got(url).json()`, `res.data` or
 * `(await axios.get(url)).data`. An inner `as unknown` is looked through: `x as unknown as T`
 * still asserts T on the unchecked body.
 */
function bodyRead(file: FileContext, expr: Node): NetworkCall | undefined {
  let inner = unwrapExpression(expr);
  if (inner.type === 'AwaitExpression') inner = unwrapExpression(inner.argument);
  if (inner.type === 'CallExpression' && inner.callee.type === 'MemberExpression' && memberKey(inner.callee) === 'json') {
    return responseCall(file, inner.callee.object);
  }
  if (inner.type === 'MemberExpression' && memberKey(inner) === 'data') {
    const call = responseCall(file, inner.object);
    return call?.family === 'axios' ? call : undefined;
  }
  return undefined;
}

/** The request `expr` is the response (or the request promise) of: `res`, `await fetch(u)`, `got(u)`. */
function responseCall(file: FileContext, expr: Node): NetworkCall | undefined {
  let node = unwrapExpression(expr);
  if (node.type === 'Identifier') {
    const binding = file.scopes.resolve(node);
    if (!binding || binding.kind !== 'variable' || binding.reassigned || !binding.init || binding.path.length > 0) return undefined;
    node = unwrapExpression(binding.init);
  }
  if (node.type === 'AwaitExpression') node = unwrapExpression(node.argument);
  return file.networkCall(node);
}

/**
 * Where the `data` of `await axios.get<T>(…)` goes: a destructured `data`, `res.data` on the
 * response variable, or `(await …).data` in place. Undefined when the response is handed on.
 */
function dataOfTypedRequest(file: FileContext, references: ReferenceIndex, call: TSESTree.CallExpression): Node | undefined {
  const awaited = skipWrappersUp(call).parent;
  if (awaited?.type !== 'AwaitExpression') return undefined;
  const holder = skipWrappersUp(awaited).parent;
  if (holder?.type === 'MemberExpression' && memberKey(holder) === 'data') return holder;
  if (holder?.type !== 'VariableDeclarator') return undefined;
  if (holder.id.type === 'ObjectPattern') {
    const property = holder.id.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'data');
    return property?.value.type === 'Identifier' ? property.value : undefined;
  }
  if (holder.id.type !== 'Identifier') return undefined;
  const binding = file.scopes.resolve(holder.id);
  for (const reference of binding ? references.of(binding) : []) {
    const use = skipWrappersUp(reference).parent;
    if (use?.type === 'MemberExpression' && memberKey(use) === 'data') return use;
    if (use?.type !== 'MemberExpression') return undefined;
  }
  return undefined;
}

/**
 * Whether the asserted value reaches a validator before anything else uses it: passed to one in
 * place, or the first use of the variable it is stored in.
 */
function isValidatedBeforeUse(file: FileContext, references: ReferenceIndex, value: Node): boolean {
  const stored = storedIn(file, value);
  if (!stored) return isValidatorArgument(value);
  const first = references.of(stored)[0];
  return first !== undefined && isValidatorArgument(first);
}

/** The variable a value is stored in: `const user = value`, or the `data` of a destructuring. */
function storedIn(file: FileContext, value: Node): Binding | undefined {
  if (value.type === 'Identifier' && value.parent?.type === 'Property') return file.scopes.resolve(value);
  const holder = valueTop(value).parent;
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return file.scopes.resolve(holder.id);
  return undefined;
}

/** The outermost node that still holds the value: through `as`, `!` and an `await` of it. */
function valueTop(node: Node): Node {
  const top = skipWrappersUp(node);
  return top.parent?.type === 'AwaitExpression' ? skipWrappersUp(top.parent) : top;
}

function isValidatorArgument(node: Node): boolean {
  const top = valueTop(node);
  const call = top.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(top as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberKey(callee) : undefined;
  return name !== undefined && (VALIDATORS.has(name) || GUARD_NAME.test(name));
}
