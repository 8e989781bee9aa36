import type { TSESTree } from '@typescript-eslint/types';
import { familyById } from '../clients';
import type { FileContext } from '../file-context';
import { fix, insertAfterStatementEdit } from '../fixes';
import type { FamilyId, NetworkCall } from '../model';
import type { ReferenceIndex } from '../semantics/references';
import type { Binding, Node } from '../semantics/scope';
import { memberKey } from '../semantics/values';
import type { Fix } from '../types';
import type { RuleContext, RuleModule } from './rule';

/**
 * How a client's response exposes its body and its status. Only clients that can resolve on an
 * HTTP error have one: fetch always, axios/got/ky when configured not to reject.
 */
interface ResponseShape {
  /** Methods of the response that read the body: `res.json()`. */
  bodyMethods: ReadonlySet<string>;
  /** Properties of the response that hold the body: axios `res.data`, got `res.body`. */
  bodyProperties: ReadonlySet<string>;
  /** Body readers on the request promise itself: `got(url).json()`, `ky(url).json()`. */
  promiseShortcuts: ReadonlySet<string>;
  /** The status property the fix and the message name. */
  statusProperty: string;
  /** The condition that means "failed", in the client's terms, for the quick fix. */
  failedTest(name: string): string;
  /** Where the response says which URL answered, for the fix's error message. */
  urlProperty: string;
  /** Why the client resolves on 404/500, for messages. */
  resolves: string;
}

const FETCH_BODY_METHODS = new Set(['json', 'text', 'blob', 'arrayBuffer', 'formData', 'bytes']);
const NONE: ReadonlySet<string> = new Set();

const SHAPES: Partial<Record<FamilyId, ResponseShape>> = {
  fetch: {
    bodyMethods: FETCH_BODY_METHODS,
    bodyProperties: NONE,
    promiseShortcuts: NONE,
    statusProperty: 'status',
    failedTest: (name) => `!${name}.ok`,
    urlProperty: 'url',
    resolves: 'fetch resolves on 404 and 500 alike (only a network failure rejects)',
  },
  ky: {
    bodyMethods: FETCH_BODY_METHODS,
    bodyProperties: NONE,
    promiseShortcuts: FETCH_BODY_METHODS,
    statusProperty: 'status',
    failedTest: (name) => `!${name}.ok`,
    urlProperty: 'url',
    resolves: '`throwHttpErrors: false` makes ky resolve on 404 and 500 alike',
  },
  got: {
    bodyMethods: NONE,
    bodyProperties: new Set(['body', 'rawBody']),
    promiseShortcuts: new Set(['json', 'text', 'buffer']),
    statusProperty: 'statusCode',
    failedTest: (name) => `!${name}.ok`,
    urlProperty: 'url',
    resolves: '`throwHttpErrors: false` makes got resolve on 404 and 500 alike',
  },
  axios: {
    bodyMethods: NONE,
    bodyProperties: new Set(['data']),
    promiseShortcuts: NONE,
    statusProperty: 'status',
    failedTest: (name) => `${name}.status >= 400`,
    urlProperty: 'config.url',
    resolves: 'this `validateStatus` accepts every status, so axios resolves on 404 and 500 alike',
  },
};

/** Reading any of these is looking at the outcome (`if (!res.ok)`, `switch (res.status)`). */
const STATUS_PROPERTIES = new Set(['ok', 'status', 'statusCode']);
/**
 * Reads that parse the body: on an error page they fail with a parse error that hides the status,
 * so the status check has to come first. A raw read (`text()`, `data`) may be checked afterwards,
 * as in `const text = await res.text(); if (!res.ok) throw new Error(text)`.
 */
const PARSING_READS = new Set(['json', 'formData']);

type Use =
  | { kind: 'check' }
  | { kind: 'read'; node: Node; parsing: boolean }
  | { kind: 'neutral' }
  /** Handed on or aliased: someone we cannot see may check it. */
  | { kind: 'escape' };

type Verdict =
  | { kind: 'checked' }
  | { kind: 'unchecked'; read: Node; binding?: Binding }
  | { kind: 'discarded' }
  | { kind: 'undetermined' };

/**
 * Fallacy 1, the network is reliable: fetch resolves on a 404 or a 500, so code that reads the
 * body without looking at the status treats an error page as the answer.
 */
export const uncheckedStatus: RuleModule = {
  meta: {
    id: 'unchecked-status',
    fallacy: 1,
    defaultSeverity: 'warning',
    description: 'Response bodies read (or responses dropped) without checking `ok` / `status` on clients that resolve on HTTP errors.',
    rationale:
      'fetch only rejects on network failures: a 404 or 500 resolves like success, so an error page flows on as if it were data.',
    lesson: 'fallacy-1-reliable-network',
    messages: {
      bodyBeforeCheck:
        '`{{read}}` reads the body before anything looks at `{{name}}.ok` or `{{name}}.{{status}}`: {{resolves}}, so a 404 or 500 error page is handled here as if it were the data. Check the status first, and throw or return when it is not OK.',
      bodyNeverChecked:
        "`{{read}}` reads the body of a response whose status is never checked: {{resolves}}, so a 404 or 500 error page is handled here as if it were the data. Check `{{name}}.ok` (or `{{name}}.{{status}}`) before using it.",
      shortcutUnchecked:
        '`{{read}}` takes the body straight from {{api}} without looking at the status: {{resolves}}, so a 404 or 500 error page is handled here as if it were the data. Keep the response, check its `{{status}}`, then read the body.',
      discarded:
        'The response of {{api}} is awaited and dropped: {{resolves}}, so this code carries on as if the request succeeded even when the server answered 4xx or 5xx. Keep the response and check its status.',
    },
  },

  create(context: RuleContext) {
    const references = context.file.references;
    return {
      NetworkCall(call) {
        const shape = responseShape(context, call);
        if (!shape) return;
        const verdict = followResponse(context.file, references, call, shape);
        switch (verdict.kind) {
          case 'undetermined':
            context.markUndetermined(call);
            return;
          case 'discarded':
            context.report({ node: call.reportNode, messageId: 'discarded', data: { api: call.api, resolves: shape.resolves } });
            return;
          case 'unchecked':
            reportUnchecked(context, call, shape, verdict);
            return;
          default:
            return;
        }
      },
    };
  },
};

function reportUnchecked(context: RuleContext, call: NetworkCall, shape: ResponseShape, verdict: Extract<Verdict, { kind: 'unchecked' }>): void {
  const file = context.file;
  const read = readText(file, verdict.read);
  const data = { read, name: verdict.binding?.name ?? '', status: shape.statusProperty, resolves: shape.resolves, api: call.api };
  const messageId = verdict.binding ? readMessage(verdict.read) : 'shortcutUnchecked';
  context.report({ node: verdict.read, messageId, data, fixes: verdict.binding ? checkFixes(file, verdict.binding, shape) : [] });
}

/** `res.json()`, `res.data`, or `data` for a destructured property, as the message quotes it. */
function readText(file: FileContext, read: Node): string {
  if (read.type === 'Property') return file.textOf(read.key);
  const called = read.type === 'MemberExpression' && isCalled(read);
  return called ? `${file.textOf(read)}()` : file.textOf(read);
}

/** A parsing read on a named response reads "before"; a raw read with no check anywhere reads "never". */
function readMessage(read: Node): string {
  return read.type === 'MemberExpression' && PARSING_READS.has(memberKey(read) ?? '') ? 'bodyBeforeCheck' : 'bodyNeverChecked';
}

/** The response shape when this call can resolve on an HTTP error; undefined when it rejects or may. */
function responseShape(context: RuleContext, call: NetworkCall): ResponseShape | undefined {
  const shape = SHAPES[call.family];
  if (!shape) return undefined;
  // Conservative: 'unknown' (an unresolvable validateStatus or throwHttpErrors) is left alone.
  return familyById(call.family).rejectsOnHttpError(call, context.file.familyContext) === false ? shape : undefined;
}

/** Follows the promise a request call returns to where its response is checked, read or handed on. */
function followResponse(file: FileContext, references: ReferenceIndex, call: NetworkCall, shape: ResponseShape): Verdict {
  const promise = skipWrappersUp(call.node);
  const parent = promise.parent;
  if (parent?.type === 'MemberExpression' && parent.object === promise && isCalled(parent)) {
    const key = memberKey(parent);
    if (key !== undefined && shape.promiseShortcuts.has(key)) return { kind: 'unchecked', read: parent };
    if (key === 'then') return followThenCallback(file, references, parent.parent as TSESTree.CallExpression, shape);
    return { kind: 'undetermined' };
  }
  // Fire-and-forget (`fetch(beacon);`): nothing here relies on the answer.
  if (parent?.type === 'ExpressionStatement' || (parent?.type === 'UnaryExpression' && parent.operator === 'void')) return { kind: 'checked' };
  if (parent?.type !== 'AwaitExpression') return { kind: 'undetermined' };
  const awaited = skipWrappersUp(parent);
  const holder = awaited.parent;
  if (holder?.type === 'ExpressionStatement') return { kind: 'discarded' };
  if (holder?.type === 'VariableDeclarator' && holder.init === awaited) {
    if (holder.id.type === 'ObjectPattern') return verdictOfUse(destructuringUse(holder.id, shape));
    if (holder.id.type !== 'Identifier') return { kind: 'undetermined' };
    const binding = file.scopes.resolve(holder.id);
    return binding ? followBinding(references, binding, shape) : { kind: 'undetermined' };
  }
  return verdictOfUse(useOf(awaited, shape));
}

/** `(await fetch(u)).json()` and similar single uses of an unnamed response. */
function verdictOfUse(use: Use): Verdict {
  if (use.kind === 'read') return { kind: 'unchecked', read: use.node };
  if (use.kind === 'escape') return { kind: 'undetermined' };
  return { kind: 'checked' };
}

/** `fetch(u).then((res) => …)`: the callback's parameter is the response. */
function followThenCallback(file: FileContext, references: ReferenceIndex, then: TSESTree.CallExpression, shape: ResponseShape): Verdict {
  const callback = then.arguments[0];
  if (!callback || (callback.type !== 'ArrowFunctionExpression' && callback.type !== 'FunctionExpression')) return { kind: 'undetermined' };
  const param = callback.params[0];
  if (!param) return { kind: 'checked' };
  if (param.type !== 'Identifier') return { kind: 'undetermined' };
  const binding = file.scopes.resolve(param);
  return binding ? followBinding(references, binding, shape) : { kind: 'undetermined' };
}

/** Walks the uses of a response variable in source order. */
function followBinding(references: ReferenceIndex, binding: Binding, shape: ResponseShape): Verdict {
  if (binding.reassigned) return { kind: 'undetermined' };
  const uses = references.of(binding);
  if (uses.length === 0) return { kind: 'discarded' };
  let pendingRead: Node | undefined;
  for (const reference of uses) {
    const use = useOf(reference, shape);
    if (use.kind === 'check') return { kind: 'checked' };
    if (use.kind === 'escape') return { kind: 'undetermined' };
    if (use.kind === 'read') {
      if (use.parsing) return { kind: 'unchecked', read: use.node, binding };
      pendingRead ??= use.node;
    }
  }
  return pendingRead ? { kind: 'unchecked', read: pendingRead, binding } : { kind: 'checked' };
}

/** What one occurrence of the response does with it. */
function useOf(reference: Node, shape: ResponseShape): Use {
  const expr = skipWrappersUp(reference);
  const parent = expr.parent;
  if (!parent) return { kind: 'neutral' };
  switch (parent.type) {
    case 'MemberExpression': {
      if (parent.object !== expr) return { kind: 'neutral' };
      const key = memberKey(parent);
      if (key === undefined) return { kind: 'escape' };
      if (STATUS_PROPERTIES.has(key)) return { kind: 'check' };
      if (shape.bodyMethods.has(key) && isCalled(parent)) return { kind: 'read', node: parent, parsing: PARSING_READS.has(key) };
      if (shape.bodyProperties.has(key)) return { kind: 'read', node: parent, parsing: false };
      // headers, url, clone()…: looking at the response without relying on its body.
      return { kind: 'neutral' };
    }
    case 'VariableDeclarator':
      return parent.init === expr && parent.id.type === 'ObjectPattern' ? destructuringUse(parent.id, shape) : { kind: 'escape' };
    case 'IfStatement':
    case 'ConditionalExpression':
    case 'LogicalExpression':
    case 'BinaryExpression':
    case 'UnaryExpression':
    case 'TemplateLiteral':
      // `if (!res)`, `res === undefined`, `${res}`: truthiness and printing, not the status.
      return parent.type === 'LogicalExpression' && parent.right === expr ? { kind: 'escape' } : { kind: 'neutral' };
    case 'ExpressionStatement':
      return { kind: 'neutral' };
    default:
      return { kind: 'escape' };
  }
}

/** `const { ok, status, data } = await …`: taking the status counts as checking it. */
function destructuringUse(pattern: TSESTree.ObjectPattern, shape: ResponseShape): Use {
  let read: Node | undefined;
  for (const property of pattern.properties) {
    if (property.type === 'RestElement') return { kind: 'escape' };
    const key = property.computed ? undefined : property.key.type === 'Identifier' ? property.key.name : undefined;
    if (key === undefined) return { kind: 'escape' };
    if (STATUS_PROPERTIES.has(key)) return { kind: 'check' };
    if (shape.bodyProperties.has(key)) read ??= property;
  }
  return read ? { kind: 'read', node: read, parsing: false } : { kind: 'neutral' };
}

/** `if (!res.ok) throw …` right after `const res = await fetch(…)`. */
function checkFixes(file: FileContext, binding: Binding, shape: ResponseShape): Fix[] {
  const declarator = binding.id.parent;
  const declaration = declarator?.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.id || declaration?.type !== 'VariableDeclaration') return [];
  if (declaration.declarations.length !== 1 || !STATEMENT_LISTS.has(declaration.parent?.type ?? '')) return [];
  const name = binding.name;
  const line = `if (${shape.failedTest(name)}) throw new Error(\`HTTP \${${name}.${shape.statusProperty}} from \${${name}.${shape.urlProperty}}\`);`;
  return [fix(`Throw when the response is not OK`, [insertAfterStatementEdit(file, declaration, [line])], { safe: false, preferred: true })];
}

const STATEMENT_LISTS = new Set(['BlockStatement', 'Program', 'StaticBlock', 'SwitchCase']);

function isCalled(member: TSESTree.MemberExpression): boolean {
  return member.parent?.type === 'CallExpression' && member.parent.callee === member;
}

/** Climbs over syntax that passes a value through unchanged: `as`, `!`, `satisfies`, `<T>x`, `?.`. */
export function skipWrappersUp(node: Node): Node {
  let current = node;
  while (current.parent && WRAPPERS.has(current.parent.type) && (current.parent as { expression?: Node }).expression === current) current = current.parent;
  return current;
}

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion', 'ChainExpression']);

