import type { TSESTree } from '@typescript-eslint/types';
import type { Binding, Node, PropertyWrite, ScopeModel } from './scope';
import { staticPropertyKey } from './scope';

/**
 * What an expression evaluates to, as far as the analyzer can tell without running code.
 * `unknown` is the honest answer whenever a value flows from a parameter, a reassigned variable,
 * a function result or anything else we do not model; rules treat it as "cannot tell".
 */
export type SymbolicValue =
  | { kind: 'unknown' }
  | { kind: 'literal'; value: string | number | boolean | null | bigint | undefined; node: Node }
  /** A string whose beginning is known: a template literal or `'literal' + something`. */
  | { kind: 'template'; prefix: string; node: Node }
  | { kind: 'object'; node: TSESTree.ObjectExpression }
  | { kind: 'function'; node: TSESTree.FunctionLike }
  /** An unshadowed global such as `fetch`, `globalThis` or `AbortSignal`, then a member path. */
  | { kind: 'global'; name: string; path: string[] }
  /** A package import/require followed by a member path (`default` already stripped). */
  | { kind: 'module'; source: string; path: string[]; node: Node }
  /** A value imported from another file of the project; resolved through the project index. */
  | { kind: 'project-import'; source: string; name: string; path: string[]; node: Node }
  /**
   * The result of calling something, then a member path: kept so that client modules can
   * recognise factories (`axios.create({...}).get`).
   */
  | { kind: 'call'; node: TSESTree.CallExpression | TSESTree.NewExpression; callee: SymbolicValue; path: string[] };

const UNKNOWN: SymbolicValue = { kind: 'unknown' };
const MAX_DEPTH = 24;

const KNOWN_GLOBALS = new Set([
  'fetch',
  'globalThis',
  'window',
  'self',
  'global',
  'AbortSignal',
  'AbortController',
  'Promise',
  'JSON',
  'process',
  'Headers',
  'Request',
  'Infinity',
  'undefined',
  'crypto',
  'setTimeout',
  'XMLHttpRequest',
]);
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);

/** Strips syntax that does not change the runtime value: `as`, `!`, `satisfies`, `<T>x`, `a?.b` chains. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
        current = current.expression;
        break;
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

export class ValueResolver {
  constructor(private readonly scopes: ScopeModel) {}

  resolve(node: Node, depth = 0): SymbolicValue {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const expr = unwrapExpression(node);
    switch (expr.type) {
      case 'Literal':
        return { kind: 'literal', value: 'regex' in expr ? undefined : (expr.value as string | number | boolean | null | bigint), node: expr };
      case 'TemplateLiteral':
        if (expr.expressions.length === 0) return { kind: 'literal', value: expr.quasis[0].value.cooked ?? '', node: expr };
        return { kind: 'template', prefix: expr.quasis[0].value.cooked ?? '', node: expr };
      case 'ObjectExpression':
        return { kind: 'object', node: expr };
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'function', node: expr };
      case 'Identifier':
        return this.resolveIdentifier(expr, depth);
      case 'MemberExpression':
        return this.resolveMember(expr, depth);
      case 'CallExpression':
        return this.resolveCall(expr, depth);
      case 'NewExpression':
        return { kind: 'call', node: expr, callee: this.resolve(expr.callee, depth + 1), path: [] };
      case 'SequenceExpression':
        return this.resolve(expr.expressions[expr.expressions.length - 1], depth + 1);
      case 'UnaryExpression':
        if (expr.operator === 'void') return { kind: 'literal', value: undefined, node: expr };
        if (expr.operator === '-' && expr.argument.type === 'Literal' && typeof expr.argument.value === 'number') {
          return { kind: 'literal', value: -expr.argument.value, node: expr };
        }
        return UNKNOWN;
      case 'BinaryExpression':
        return this.resolveArithmetic(expr, depth);
      default:
        return UNKNOWN;
    }
  }

  /** Writes made into an object literal after its creation, through the variable holding it. */
  propertyWrites(object: TSESTree.ObjectExpression): readonly PropertyWrite[] {
    return this.scopes.propertyWrites(object);
  }

  /** Value of `binding` if it is stable (declared once and never reassigned). */
  valueOfBinding(binding: Binding, depth = 0): SymbolicValue {
    if (binding.kind === 'import') {
      return importValue(binding.importSource ?? '', binding.path, binding.id);
    }
    if (binding.kind === 'function') {
      const fn = binding.id.parent;
      return fn && (fn.type === 'FunctionDeclaration' || fn.type === 'FunctionExpression') ? { kind: 'function', node: fn } : UNKNOWN;
    }
    if (binding.kind !== 'variable' || binding.reassigned || !binding.init) return UNKNOWN;
    let value = this.resolve(binding.init, depth + 1);
    for (const key of binding.path) value = this.member(value, key, depth + 1);
    return value;
  }

  /** `value.key`, following object literals, module members and globals. */
  member(value: SymbolicValue, key: string, depth: number): SymbolicValue {
    switch (value.kind) {
      case 'module':
        return { kind: 'module', source: value.source, path: [...value.path, key], node: value.node };
      case 'project-import':
      case 'call':
        return { ...value, path: [...value.path, key] };
      case 'global':
        if (value.path.length === 0 && GLOBAL_OBJECTS.has(value.name) && KNOWN_GLOBALS.has(key) && !GLOBAL_OBJECTS.has(key)) {
          return { kind: 'global', name: key, path: [] };
        }
        return { kind: 'global', name: value.name, path: [...value.path, key] };
      case 'object': {
        const property = findProperty(value.node, key);
        return property ? this.resolve(property, depth + 1) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private resolveIdentifier(id: TSESTree.Identifier, depth: number): SymbolicValue {
    const binding = this.scopes.resolve(id);
    if (binding) return this.valueOfBinding(binding, depth);
    if (id.name === 'undefined') return { kind: 'literal', value: undefined, node: id };
    if (id.name === 'Infinity') return { kind: 'literal', value: Infinity, node: id };
    return KNOWN_GLOBALS.has(id.name) ? { kind: 'global', name: id.name, path: [] } : UNKNOWN;
  }

  private resolveMember(expr: TSESTree.MemberExpression, depth: number): SymbolicValue {
    const key = memberKey(expr);
    if (key === undefined) return UNKNOWN;
    return this.member(this.resolve(expr.object, depth + 1), key, depth);
  }

  private resolveCall(expr: TSESTree.CallExpression, depth: number): SymbolicValue {
    const requireSource = requiredModule(expr);
    if (requireSource !== undefined) return importValue(requireSource, [], expr);
    // `require('x').member` is handled by resolveMember on top of this.
    return { kind: 'call', node: expr, callee: this.resolve(expr.callee, depth + 1), path: [] };
  }

  private resolveArithmetic(expr: TSESTree.BinaryExpression, depth: number): SymbolicValue {
    if (expr.left.type === 'PrivateIdentifier') return UNKNOWN;
    const left = this.resolve(expr.left, depth + 1);
    const right = this.resolve(expr.right, depth + 1);
    if (left.kind !== 'literal' || right.kind !== 'literal') {
      if (expr.operator === '+' && left.kind === 'literal' && typeof left.value === 'string') {
        return { kind: 'template', prefix: left.value, node: expr };
      }
      if (expr.operator === '+' && left.kind === 'template') return { kind: 'template', prefix: left.prefix, node: expr };
      return UNKNOWN;
    }
    if (typeof left.value === 'number' && typeof right.value === 'number') {
      const result = arithmetic(expr.operator, left.value, right.value);
      return result === undefined ? UNKNOWN : { kind: 'literal', value: result, node: expr };
    }
    if (expr.operator === '+' && (typeof left.value === 'string' || typeof right.value === 'string')) {
      return { kind: 'literal', value: `${String(left.value)}${String(right.value)}`, node: expr };
    }
    return UNKNOWN;
  }
}

function arithmetic(operator: string, a: number, b: number): number | undefined {
  switch (operator) {
    case '*':
      return a * b;
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '/':
      return a / b;
    default:
      return undefined;
  }
}

/** Import of a package or of a project file; `default` is dropped because CJS and ESM expose the same client. */
function importValue(source: string, path: string[], node: Node): SymbolicValue {
  const normalized = path[0] === 'default' ? path.slice(1) : path;
  if (source.startsWith('.') || source.startsWith('/')) {
    return { kind: 'project-import', source, name: path[0] ?? '*', path: path.slice(1), node };
  }
  return { kind: 'module', source: source.replace(/^node:/, ''), path: normalized, node };
}

/** `require('x')` with a literal specifier. */
export function requiredModule(expr: TSESTree.CallExpression): string | undefined {
  if (expr.callee.type !== 'Identifier' || expr.callee.name !== 'require' || expr.arguments.length !== 1) return undefined;
  const arg = expr.arguments[0];
  if (arg.type === 'Literal' && typeof arg.value === 'string') return arg.value;
  if (arg.type === 'TemplateLiteral' && arg.expressions.length === 0) return arg.quasis[0].value.cooked ?? undefined;
  return undefined;
}

export function memberKey(expr: TSESTree.MemberExpression): string | undefined {
  if (!expr.computed) return expr.property.type === 'Identifier' ? expr.property.name : undefined;
  if (expr.property.type === 'Literal' && typeof expr.property.value === 'string') return expr.property.value;
  return undefined;
}

/** The last property with this key in an object literal (later properties win, as at runtime). */
export function findProperty(object: TSESTree.ObjectExpression, key: string): Node | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const property = object.properties[i];
    if (property.type === 'Property' && staticPropertyKey(property) === key) return property.value;
  }
  return undefined;
}
