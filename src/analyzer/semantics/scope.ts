import type { TSESTree } from '@typescript-eslint/types';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export type Node = TSESTree.Node;

export type BindingKind = 'import' | 'variable' | 'parameter' | 'function' | 'class' | 'catch';

/**
 * A declared name. For `const { request } = require('undici')` the binding `request` has
 * `init` = the require call and `path` = ['request']: the value is `init` followed by that path.
 */
export interface Binding {
  name: string;
  kind: BindingKind;
  /** The declaring identifier. */
  id: TSESTree.Identifier;
  init?: Node;
  path: string[];
  /** `import x from 'm'` → source 'm', imported ['default']; `import * as x` → []. */
  importSource?: string;
  reassigned: boolean;
  constant: boolean;
  scope: Scope;
}

export class Scope {
  readonly bindings = new Map<string, Binding>();
  constructor(
    readonly node: Node,
    readonly parent: Scope | undefined,
    readonly isFunctionScope: boolean,
  ) {}

  lookup(name: string): Binding | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const binding = scope.bindings.get(name);
      if (binding) return binding;
    }
    return undefined;
  }

  functionScope(): Scope {
    let scope: Scope = this;
    while (!scope.isFunctionScope && scope.parent) scope = scope.parent;
    return scope;
  }
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const BLOCK_SCOPE_TYPES = new Set([
  'BlockStatement',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'CatchClause',
  'SwitchStatement',
  'StaticBlock',
]);

/**
 * One iterative walk over the tree: sets `parent`, builds scopes with their declarations, and
 * records every node in source order for the rule dispatcher. Iterative because real inputs nest
 * thousands of levels deep (generated code, long promise chains) and recursion would overflow.
 */
/**
 * A later write into an object literal held by a variable: `init.signal = s` (path ['signal']),
 * `init.headers['Idempotency-Key'] = k` (['headers', 'Idempotency-Key']). `open` when a key is
 * not known statically: `init[key] = v` (path []), `init.headers[name] = v` (path ['headers']),
 * `Object.assign(init, extra)` (path []).
 */
export interface PropertyWrite {
  path: string[];
  open: boolean;
  value: Node | undefined;
  node: Node;
}

/** One model per tree: indexing a text and then analysing it (the editor's path) walks it once. */
const modelByProgram = new WeakMap<TSESTree.Program, ScopeModel>();

export class ScopeModel {
  static of(program: TSESTree.Program): ScopeModel {
    let model = modelByProgram.get(program);
    if (!model) {
      model = new ScopeModel(program);
      modelByProgram.set(program, model);
    }
    return model;
  }

  /** The model already built for `program`, if any. */
  static cached(program: TSESTree.Program): ScopeModel | undefined {
    return modelByProgram.get(program);
  }

  readonly moduleScope: Scope;
  readonly nodesInOrder: Node[] = [];
  private readonly scopeByNode = new Map<Node, Scope>();
  private readonly writesByObject = new Map<Node, PropertyWrite[]>();

  private constructor(program: TSESTree.Program) {
    this.moduleScope = new Scope(program, undefined, true);
    this.scopeByNode.set(program, this.moduleScope);
    const assignments: TSESTree.Identifier[] = [];
    const writes: { root: TSESTree.Identifier; write: PropertyWrite }[] = [];
    this.walk(program, assignments, writes);
    for (const target of assignments) {
      const binding = this.resolve(target);
      if (binding) binding.reassigned = true;
    }
    for (const { root, write } of writes) {
      const init = this.objectLiteralOf(root);
      if (!init) continue;
      const list = this.writesByObject.get(init);
      if (list) list.push(write);
      else this.writesByObject.set(init, [write]);
    }
  }

  /**
   * Writes made after the fact into the object literal `object` through the variable that holds
   * it. Options objects are often built in steps (`const init = {…}; init.signal = …`), and a
   * summary of the literal alone would miss the step that bounds the request.
   */
  propertyWrites(object: Node): readonly PropertyWrite[] {
    return this.writesByObject.get(object) ?? [];
  }

  /** The object literal a `const`/`let` holds directly (`const init = {…}`, `as` casts allowed). */
  private objectLiteralOf(id: TSESTree.Identifier): Node | undefined {
    const binding = this.resolve(id);
    if (!binding || binding.kind !== 'variable' || binding.path.length > 0 || !binding.init) return undefined;
    let init: Node = binding.init;
    while (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression' || init.type === 'TSTypeAssertion' || init.type === 'TSNonNullExpression') init = init.expression;
    return init.type === 'ObjectExpression' ? init : undefined;
  }

  scopeOf(node: Node): Scope {
    for (let current: Node | undefined = node; current; current = current.parent) {
      const scope = this.scopeByNode.get(current);
      if (scope && current !== node) return scope;
      if (scope && !FUNCTION_TYPES.has(current.type) && !BLOCK_SCOPE_TYPES.has(current.type)) return scope;
    }
    return this.moduleScope;
  }

  /** The binding an identifier in reference position refers to; undefined for globals. */
  resolve(identifier: TSESTree.Identifier): Binding | undefined {
    return this.scopeOf(identifier).lookup(identifier.name);
  }

  private walk(program: TSESTree.Program, assignments: TSESTree.Identifier[], writes: { root: TSESTree.Identifier; write: PropertyWrite }[]): void {
    const stack: Node[] = [program];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.nodesInOrder.push(node);
      this.enter(node, assignments, writes);
      const keys = visitorKeys[node.type] ?? [];
      for (let k = keys.length - 1; k >= 0; k--) {
        const child = (node as unknown as Record<string, unknown>)[keys[k]];
        if (Array.isArray(child)) {
          for (let i = child.length - 1; i >= 0; i--) {
            const item = child[i] as Node | null;
            if (item && typeof item.type === 'string') {
              item.parent = node;
              stack.push(item);
            }
          }
        } else if (child && typeof (child as Node).type === 'string') {
          (child as Node).parent = node;
          stack.push(child as Node);
        }
      }
    }
  }

  private enter(node: Node, assignments: TSESTree.Identifier[], writes: { root: TSESTree.Identifier; write: PropertyWrite }[]): void {
    if (FUNCTION_TYPES.has(node.type)) {
      const fn = node as TSESTree.FunctionLike;
      if (fn.type === 'FunctionDeclaration' && fn.id) {
        this.declare(this.scopeOf(fn), fn.id, 'function', { constant: true });
      }
      const scope = new Scope(node, this.scopeOf(node), true);
      this.scopeByNode.set(node, scope);
      if (fn.type === 'FunctionExpression' && fn.id) this.declare(scope, fn.id, 'function', { constant: true });
      for (const param of fn.params) this.declarePattern(scope, param, 'parameter', undefined, [], false);
      return;
    }
    if (BLOCK_SCOPE_TYPES.has(node.type)) {
      const parentNode = node.parent;
      // A function body shares the function's scope, as parameters and body declarations do.
      if (node.type === 'BlockStatement' && parentNode && FUNCTION_TYPES.has(parentNode.type)) return;
      const scope = new Scope(node, this.scopeOf(node), false);
      this.scopeByNode.set(node, scope);
      if (node.type === 'CatchClause' && node.param) this.declarePattern(scope, node.param, 'catch', undefined, [], false);
      return;
    }
    switch (node.type) {
      case 'VariableDeclaration': {
        const scope = node.kind === 'var' ? this.scopeOf(node).functionScope() : this.scopeOf(node);
        const constant = node.kind === 'const' || node.kind === 'using' || node.kind === 'await using';
        for (const declarator of node.declarations) {
          this.declarePattern(scope, declarator.id, 'variable', declarator.init ?? undefined, [], constant);
        }
        return;
      }
      case 'ClassDeclaration':
        if (node.id) this.declare(this.scopeOf(node), node.id, 'class', { constant: true });
        return;
      case 'ImportDeclaration':
        for (const specifier of node.specifiers) {
          const imported =
            specifier.type === 'ImportDefaultSpecifier'
              ? ['default']
              : specifier.type === 'ImportNamespaceSpecifier'
                ? []
                : [specifier.imported.type === 'Identifier' ? specifier.imported.name : String(specifier.imported.value)];
          this.declare(this.moduleScope, specifier.local, 'import', {
            constant: true,
            path: imported,
            importSource: node.source.value,
          });
        }
        return;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference' && node.moduleReference.expression.type === 'Literal') {
          this.declare(this.moduleScope, node.id, 'import', {
            constant: true,
            path: [],
            importSource: String(node.moduleReference.expression.value),
          });
        }
        return;
      case 'AssignmentExpression': {
        collectAssignedIdentifiers(node.left, assignments);
        const member = memberWrite(node.left);
        if (member) writes.push({ root: member.root, write: { ...member.write, value: node.operator === '=' ? node.right : undefined, node } });
        return;
      }
      case 'CallExpression': {
        // `Object.assign(init, extra)`: any key of `extra` may now be set on `init`.
        const callee = node.callee;
        const target = node.arguments[0];
        if (
          callee.type === 'MemberExpression' &&
          !callee.computed &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'Object' &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'assign' &&
          target?.type === 'Identifier'
        ) {
          writes.push({ root: target, write: { path: [], open: true, value: undefined, node } });
        }
        return;
      }
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') assignments.push(node.argument);
        return;
      default:
        return;
    }
  }

  private declarePattern(
    scope: Scope,
    pattern: Node,
    kind: BindingKind,
    init: Node | undefined,
    path: string[],
    constant: boolean,
  ): void {
    switch (pattern.type) {
      case 'Identifier':
        this.declare(scope, pattern, kind, { init, path, constant });
        return;
      case 'AssignmentPattern':
        // `{ timeout = 5000 } = opts`: the default makes the value unknowable statically.
        this.declarePattern(scope, pattern.left, kind, undefined, [], constant);
        return;
      case 'RestElement':
        this.declarePattern(scope, pattern.argument, kind, undefined, [], constant);
        return;
      case 'ArrayPattern':
        for (const element of pattern.elements) {
          if (element) this.declarePattern(scope, element, kind, undefined, [], constant);
        }
        return;
      case 'ObjectPattern':
        for (const property of pattern.properties) {
          if (property.type === 'RestElement') {
            this.declarePattern(scope, property.argument, kind, undefined, [], constant);
          } else {
            const key = staticPropertyKey(property);
            this.declarePattern(scope, property.value, kind, key === undefined ? undefined : init, key === undefined ? [] : [...path, key], constant);
          }
        }
        return;
      default:
        return;
    }
  }

  private declare(
    scope: Scope,
    id: TSESTree.Identifier,
    kind: BindingKind,
    extra: { init?: Node; path?: string[]; importSource?: string; constant: boolean },
  ): void {
    scope.bindings.set(id.name, {
      name: id.name,
      kind,
      id,
      init: extra.init,
      path: extra.path ?? [],
      importSource: extra.importSource,
      reassigned: false,
      constant: extra.constant,
      scope,
    });
  }
}

/** `a.b['c'] = …` → root `a`, path ['b', 'c']; a computed key we cannot read ends the path, open. */
function memberWrite(target: Node): { root: TSESTree.Identifier; write: { path: string[]; open: boolean } } | undefined {
  const keys: (string | undefined)[] = [];
  let current: Node = target;
  while (current.type === 'MemberExpression') {
    const property = current.property;
    keys.unshift(
      !current.computed && property.type === 'Identifier'
        ? property.name
        : current.computed && property.type === 'Literal' && typeof property.value === 'string'
          ? property.value
          : undefined,
    );
    current = current.object;
    while (current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression') current = current.expression;
  }
  if (current.type !== 'Identifier' || keys.length === 0) return undefined;
  const unknownAt = keys.indexOf(undefined);
  const path = (unknownAt === -1 ? keys : keys.slice(0, unknownAt)) as string[];
  return { root: current, write: { path, open: unknownAt !== -1 } };
}

function collectAssignedIdentifiers(target: Node, out: TSESTree.Identifier[]): void {
  const stack: Node[] = [target];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'Identifier':
        out.push(node);
        break;
      case 'ArrayPattern':
        for (const element of node.elements) if (element) stack.push(element);
        break;
      case 'ObjectPattern':
        for (const property of node.properties) stack.push(property.type === 'Property' ? property.value : property);
        break;
      case 'AssignmentPattern':
        stack.push(node.left);
        break;
      case 'RestElement':
        stack.push(node.argument);
        break;
      default:
        break;
    }
  }
}

/** The key of a property when it is known without running code: `a`, `'a'`, `[CONST_STRING]` is not. */
export function staticPropertyKey(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  if (!property.computed) {
    if (property.key.type === 'Identifier') return property.key.name;
    if (property.key.type === 'Literal') return String(property.key.value);
    return undefined;
  }
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  if (property.key.type === 'TemplateLiteral' && property.key.expressions.length === 0) return property.key.quasis[0].value.cooked ?? undefined;
  return undefined;
}
