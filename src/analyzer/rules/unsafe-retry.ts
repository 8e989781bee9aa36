import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/types';
import type { FileContext } from '../file-context';
import { addArgumentEdit, addPropertyEdit, fix, indentationAt, inlineObject } from '../fixes';
import { idempotencyKeyOf } from '../idempotency';
import type { NetworkCall } from '../model';
import type { RetrySource } from '../retries';
import { retryFor } from '../retries';
import type { Loc } from '../semantics/options';
import type { Node } from '../semantics/scope';
import type { Fix, TextEdit } from '../types';
import type { RuleModule } from './rule';

/** RFC 9110 §9.2.2: POST and PATCH are not idempotent; repeating them may repeat the effect. */
const NON_IDEMPOTENT = new Set(['POST', 'PATCH']);

export const unsafeRetry: RuleModule = {
  meta: {
    id: 'unsafe-retry',
    fallacy: 1,
    defaultSeverity: 'warning',
    description: 'Non-idempotent requests (POST, PATCH) that are retried without an idempotency key.',
    rationale:
      'When a response is lost after the server acted, the client cannot tell; retrying a POST then repeats its effect (a second charge, a duplicate order) unless the server can recognise the repeat by its key.',
    lesson: 'idempotency-keys',
    messages: {
      unsafeRetry:
        '{{api}} is a {{method}} retried by {{by}} without an idempotency key. When a response is lost after the server acted, the retry does it again: a second charge, a duplicate order. Send an `Idempotency-Key` header, generated once per operation outside the retry, so the server can recognise the repeat.',
    },
  },

  create(context) {
    return {
      NetworkCall(call) {
        if (call.method === undefined || !NON_IDEMPOTENT.has(call.method)) return;
        const retry = retryFor(context.file, context.wrappers, call);
        if (retry.state === 'undetermined') {
          context.markUndetermined(call);
          return;
        }
        if (retry.state !== 'retried') return;
        const key = idempotencyKeyOf(context.file, call);
        if (key === 'undetermined') {
          context.markUndetermined(call);
          return;
        }
        if (key === 'present') return;
        context.report({
          node: call.reportNode,
          messageId: 'unsafeRetry',
          data: { api: call.api, method: call.method, by: retry.source.by },
          related: retry.source.wrapper ? [{ ...retry.source.wrapper.at, message: `Retried here by ${retry.source.by}.` }] : [],
          fixes: keyFixes(context.file, call, retry.source),
        });
      },
    };
  },
};

/**
 * Adds an `Idempotency-Key` header. Under a retry wrapper the key must be made once, before the
 * wrapper runs, or every attempt would send a fresh key and the server could not tell them apart.
 * Not a safe fix: the server has to honour the header.
 */
function keyFixes(file: FileContext, call: NetworkCall, source: RetrySource): Fix[] {
  const outside = source.wrapper ? statementAt(file, source.wrapper.at) : undefined;
  if (source.wrapper && !outside) return [];
  const keyExpression = outside ? 'idempotencyKey' : 'crypto.randomUUID()';
  const header = `'Idempotency-Key': ${keyExpression}`;
  const headerEdit = headerEditFor(file, call, header);
  if (!headerEdit) return [];
  const edits: TextEdit[] = [headerEdit];
  if (outside) {
    const indent = indentationAt(file, outside.range[0]);
    edits.push({ range: [outside.range[0], outside.range[0]], text: `const idempotencyKey = crypto.randomUUID();\n${indent}` });
  }
  return [fix('Add an Idempotency-Key header', edits, { safe: false, preferred: true })];
}

function headerEditFor(file: FileContext, call: NetworkCall, header: string): TextEdit | undefined {
  const options = inlineObject(call.optionsNode);
  if (options) {
    const headers = options.properties.find((p): p is TSESTree.Property => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'headers');
    const headersObject = headers && inlineObject(headers.value);
    if (headersObject) return addPropertyEdit(file, headersObject, header);
    if (headers) return undefined;
    return addPropertyEdit(file, options, `headers: { ${header} }`);
  }
  if (call.optionsNode || call.family === 'superagent') {
    return call.family === 'superagent' ? { range: [call.node.range[1], call.node.range[1]], text: `.set(${header.replace(': ', ', ')})` } : undefined;
  }
  const args = call.node.arguments;
  const last = args[args.length - 1];
  const expected = call.family === 'axios' && /\.(post|put|patch)(Form)?$/.test(call.api) ? 2 : 1;
  if (!last || last.type === 'SpreadElement' || args.length !== expected) return undefined;
  return addArgumentEdit(last, `{ headers: { ${header} } }`);
}

/** The statement that holds the retry wrapper's call, where the key is declared before it. */
function statementAt(file: FileContext, at: Loc): Node | undefined {
  let node: Node | undefined =
    file.nodeAt(at, AST_NODE_TYPES.CallExpression) ??
    file.nodeAt(at, AST_NODE_TYPES.ForStatement) ??
    file.nodeAt(at, AST_NODE_TYPES.WhileStatement) ??
    file.nodeAt(at, AST_NODE_TYPES.DoWhileStatement);
  while (node && node.parent && !isStatementList(node.parent)) node = node.parent;
  return node?.parent ? node : undefined;
}

function isStatementList(node: Node): boolean {
  return node.type === 'BlockStatement' || node.type === 'Program' || node.type === 'SwitchCase' || node.type === 'StaticBlock';
}
