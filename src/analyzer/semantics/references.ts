import type { TSESTree } from '@typescript-eslint/types';
import type { Binding, ScopeModel } from './scope';

const indexByModel = new WeakMap<ScopeModel, ReferenceIndex>();

/**
 * The identifiers that refer to each binding, in source order, built once per file on first use.
 * Identifiers in name positions (`a.res`, `{ res: 1 }`) are not references.
 */
export class ReferenceIndex {
  /** One index per scope model, like the model itself: indexing and analysing a text share it. */
  static of(scopes: ScopeModel): ReferenceIndex {
    let index = indexByModel.get(scopes);
    if (!index) {
      index = new ReferenceIndex(scopes);
      indexByModel.set(scopes, index);
    }
    return index;
  }

  private byBinding: Map<Binding, TSESTree.Identifier[]> | undefined;

  private constructor(private readonly scopes: ScopeModel) {}

  of(binding: Binding): readonly TSESTree.Identifier[] {
    this.byBinding ??= this.build();
    return this.byBinding.get(binding) ?? [];
  }

  private build(): Map<Binding, TSESTree.Identifier[]> {
    const map = new Map<Binding, TSESTree.Identifier[]>();
    for (const node of this.scopes.nodesInOrder) {
      if (node.type !== 'Identifier' || !isReferencePosition(node)) continue;
      const binding = this.scopes.resolve(node);
      if (!binding || binding.id === node) continue;
      const list = map.get(binding);
      if (list) list.push(node);
      else map.set(binding, [node]);
    }
    return map;
  }
}

function isReferencePosition(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === id || parent.computed;
    case 'Property':
      return parent.value === id && !(parent.parent?.type === 'ObjectPattern');
    case 'PropertyDefinition':
    case 'MethodDefinition':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return parent.computed && parent.key === id;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'ExportSpecifier':
    case 'TSTypeReference':
    case 'TSQualifiedName':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumMember':
      return false;
    default:
      return true;
  }
}
