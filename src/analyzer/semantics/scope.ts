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
export class ScopeModel {
  readonly moduleScope: Scope;
  readonly nodesInOrder: Node[] = [];
  private readonly scopeByNode = new Map<Node, Scope>();

  constructor(program: TSESTree.Program) {
    this.moduleScope = new Scope(program, undefined, true);
    this.scopeByNode.set(program, this.moduleScope);
    const assignments: TSESTree.Identifier[] = [];
    this.walk(program, assignments);
    for (const target of assignments) {
      const binding = this.resolve(target);
      if (binding) binding.reassigned = true;
    }
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

  private walk(program: TSESTree.Program, assignments: TSESTree.Identifier[]): void {
    const stack: Node[] = [program];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.nodesInOrder.push(node);
      this.enter(node, assignments);
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

  private enter(node: Node, assignments: TSESTree.Identifier[]): void {
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
      case 'AssignmentExpression':
        collectAssignedIdentifiers(node.left, assignments);
        return;
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
