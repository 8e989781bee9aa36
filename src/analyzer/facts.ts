import type { TSESTree } from '@typescript-eslint/types';
import { isRetryWrapperFunction } from './call-wrappers';
import type { FileContext } from './file-context';
import type { ClientInstance } from './model';
import type { ExportedFact, FileFacts } from './project-index';
import { emptyFacts } from './project-index';
import type { OptionBag } from './semantics/options';
import { isFinitePositive, singleEntryBag, summarizeOptions } from './semantics/options';
import type { Node } from './semantics/scope';
import { memberKey, unwrapExpression } from './semantics/values';

/**
 * The facts of one file that other files' analysis needs: what it exports (clients, options
 * objects, retry wrappers), defaults it sets on clients, and retry registrations.
 */
export function collectFileFacts(context: FileContext): FileFacts {
  const facts = emptyFacts(context.file);
  for (const node of context.scopes.nodesInOrder) {
    switch (node.type) {
      case 'ExportNamedDeclaration':
        collectNamedExport(context, node, facts);
        break;
      case 'ExportDefaultDeclaration':
        addExport(context, facts, 'default', node.declaration);
        break;
      case 'AssignmentExpression':
        collectAssignment(context, node, facts);
        break;
      case 'CallExpression':
        collectRegistration(context, node, facts);
        break;
      default:
        break;
    }
  }
  return facts;
}

function collectNamedExport(context: FileContext, node: TSESTree.ExportNamedDeclaration, facts: FileFacts): void {
  if (node.source) {
    for (const specifier of node.specifiers) {
      facts.exports[exportedName(specifier.exported)] = { kind: 're-export', module: node.source.value, name: exportedName(specifier.local) };
    }
    return;
  }
  const declaration = node.declaration;
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init) addExport(context, facts, declarator.id.name, declarator.id);
    }
  } else if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
    addExport(context, facts, declaration.id.name, declaration);
  }
  for (const specifier of node.specifiers) {
    if (specifier.local.type === 'Identifier') addExport(context, facts, exportedName(specifier.exported), specifier.local);
  }
}

function exportedName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function addExport(context: FileContext, facts: FileFacts, name: string, node: Node): void {
  const fact = exportedFact(context, node);
  if (fact) facts.exports[name] = fact;
}

function exportedFact(context: FileContext, node: Node): ExportedFact | undefined {
  if (node.type === 'FunctionDeclaration') return isRetryWrapperFunction(node) ? { kind: 'retry-wrapper', at: context.loc(node) } : undefined;
  const value = context.resolver.resolve(node);
  if (value.kind === 'function') return isRetryWrapperFunction(value.node) ? { kind: 'retry-wrapper', at: context.loc(value.node) } : undefined;
  const client = context.clientOf(value);
  if (client && client.path.length === 0) return { kind: 'client', instance: client.instance };
  if (value.kind === 'object') {
    const bag = summarizeOptions(context.optionsHost, value.node);
    return bag === 'unknown' ? undefined : { kind: 'options', bag };
  }
  return undefined;
}

/**
 * `axios.defaults.timeout = 5000`, `api.defaults.timeout = 5000`, `axios.defaults = {…}`, and the
 * CommonJS exports `module.exports = …` / `exports.name = …`.
 */
function collectAssignment(context: FileContext, node: TSESTree.AssignmentExpression, facts: FileFacts): void {
  const target = unwrapExpression(node.left);
  if (node.operator !== '=' || target.type !== 'MemberExpression') return;
  const key = memberKey(target);
  if (key === undefined) return;
  if (collectCommonJsExport(context, target, key, node.right, facts)) return;
  const owner = context.clientOf(context.resolver.resolve(target.object));
  if (owner && owner.path.length === 1 && owner.path[0] === 'defaults') {
    addDefaults(facts, owner.instance, singleEntryBag(context.optionsHost, key, node.right, node));
  } else if (owner && owner.path.length === 0 && key === 'defaults') {
    const bag = summarizeOptions(context.optionsHost, node.right);
    addDefaults(facts, owner.instance, bag === 'unknown' ? { entries: {}, openEnded: true, loc: context.loc(node) } : bag);
  }
}

function collectCommonJsExport(context: FileContext, target: TSESTree.MemberExpression, key: string, value: Node, facts: FileFacts): boolean {
  const object = unwrapExpression(target.object);
  const isModuleExports = object.type === 'Identifier' && object.name === 'module' && key === 'exports' && !context.scopes.resolve(object);
  if (isModuleExports) {
    const resolved = context.resolver.resolve(value);
    if (resolved.kind === 'object') {
      for (const property of resolved.node.properties) {
        if (property.type === 'Property' && property.key.type === 'Identifier') addExport(context, facts, property.key.name, property.value);
      }
    }
    addExport(context, facts, 'default', value);
    return true;
  }
  const isExportsMember =
    (object.type === 'Identifier' && object.name === 'exports' && !context.scopes.resolve(object)) ||
    (object.type === 'MemberExpression' && memberKey(object) === 'exports' && object.object.type === 'Identifier' && object.object.name === 'module');
  if (isExportsMember) {
    addExport(context, facts, key, value);
    return true;
  }
  return false;
}

function addDefaults(facts: FileFacts, instance: ClientInstance, bag: OptionBag): void {
  if (instance.role === 'module') facts.globalDefaults.push({ family: instance.family, bag });
  else facts.instanceDefaults.push({ key: instance.key, bag });
}

/** `axiosRetry(client, …)` and undici's `setGlobalDispatcher(new Agent({ headersTimeout }))`. */
function collectRegistration(context: FileContext, node: TSESTree.CallExpression, facts: FileFacts): void {
  const callee = context.resolver.resolve(node.callee);
  if (callee.kind !== 'module') return;
  const first = node.arguments[0];
  if (!first || first.type === 'SpreadElement') return;
  if (callee.source === 'axios-retry' && callee.path.length === 0) {
    const target = context.clientOf(context.resolver.resolve(first));
    if (target && target.path.length === 0) facts.retryRegistrations.push({ key: target.instance.key, by: 'axios-retry', at: context.loc(node) });
    return;
  }
  if (callee.source === 'undici' && callee.path.length === 1 && callee.path[0] === 'setGlobalDispatcher') {
    const dispatcher = context.clientOf(context.resolver.resolve(first));
    const bounded = dispatcher?.instance.layers.some((layer) =>
      ['headersTimeout', 'bodyTimeout'].some((key) => layer.entries[key] !== undefined && isFinitePositive(layer.entries[key].value)),
    );
    if (bounded) facts.boundedGlobalDispatcher = context.loc(node);
  }
}
