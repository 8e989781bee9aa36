import type { TSESTree } from '@typescript-eslint/types';
import { CLIENT_FAMILIES, familyById } from './clients';
import type { FamilyContext } from './clients/family';
import { moduleInstance } from './clients/family';
import type { ProjectConfig } from './config';
import type { LineIndex } from './line-index';
import type { CallNode, ClientInstance, NetworkCall } from './model';
import type { ExportedFact, FileFacts, ProjectIndex } from './project-index';
import { lookupExport, resolveModuleKey } from './project-index';
import type { Loc, OptionBag, OptionLookup, OptionSummarizerHost } from './semantics/options';
import { lookupOption, summarizeOptions } from './semantics/options';
import type { Node } from './semantics/scope';
import { ReferenceIndex } from './semantics/references';
import { ScopeModel } from './semantics/scope';
import type { SymbolicValue } from './semantics/values';
import { ValueResolver, unwrapExpression } from './semantics/values';

export interface ClientRef {
  instance: ClientInstance;
  path: string[];
}

const GLOBAL_FETCH = moduleInstance('fetch', 'global');
const MAX_TEXT = 60;

/**
 * Everything known about one parsed file: scopes, values, which calls are network calls and
 * with what effective configuration. Built once per analysis and shared by every rule.
 */
export class FileContext {
  readonly scopes: ScopeModel;
  readonly resolver: ValueResolver;
  readonly familyContext: FamilyContext;
  readonly optionsHost: OptionSummarizerHost;
  /** Which identifiers refer to each binding; built on first use, shared by every rule. */
  readonly references: ReferenceIndex;
  private readonly networkCalls = new Map<Node, NetworkCall | null>();
  private readonly instances = new Map<Node, ClientInstance | null>();
  private localFacts: FileFacts | undefined;
  private startIndex: Map<number, Node[]> | undefined;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly program: TSESTree.Program,
    readonly lines: LineIndex,
    readonly index: ProjectIndex,
    readonly config: ProjectConfig,
    /** Milliseconds that timeout quick fixes propose. */
    readonly fixTimeoutMs: number,
  ) {
    this.scopes = ScopeModel.of(program);
    this.resolver = new ValueResolver(this.scopes);
    this.references = ReferenceIndex.of(this.scopes);
    this.optionsHost = this.createOptionsHost();
    this.familyContext = this.createFamilyContext();
  }

  loc(node: Node): Loc {
    return { file: this.file, range: this.lines.rangeOf(node.range[0], node.range[1]) };
  }

  textOf(node: Node, max = MAX_TEXT): string {
    const raw = this.text.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
    return raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
  }

  /** The node of a type that spans exactly `loc` in this file, to edit what a fact points at. */
  nodeAt<T extends Node['type']>(loc: Loc, type: T): Extract<Node, { type: T }> | undefined {
    if (loc.file !== this.file) return undefined;
    const [start, end] = loc.range.offsets;
    const candidates = this.nodesByStart().get(start) ?? [];
    return candidates.find((node) => node.type === type && node.range[1] === end) as Extract<Node, { type: T }> | undefined;
  }

  /** Built on first use: most files never need to find a node by position. */
  private nodesByStart(): Map<number, Node[]> {
    if (!this.startIndex) {
      this.startIndex = new Map();
      for (const node of this.scopes.nodesInOrder) {
        const list = this.startIndex.get(node.range[0]);
        if (list) list.push(node);
        else this.startIndex.set(node.range[0], [node]);
      }
    }
    return this.startIndex;
  }

  /** The network call `node` makes, if it is one. Memoised: several rules ask about the same call. */
  networkCall(node: Node): NetworkCall | undefined {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return undefined;
    let call = this.networkCalls.get(node);
    if (call === undefined) {
      call = this.recognizeCall(node) ?? null;
      this.networkCalls.set(node, call);
    }
    return call ?? undefined;
  }

  /** Which client object a value is, if any: a package's client, an instance, a dispatcher. */
  clientOf(value: SymbolicValue, depth = 0): ClientRef | undefined {
    if (depth > 12) return undefined;
    switch (value.kind) {
      case 'global':
        return value.name === 'fetch' ? { instance: GLOBAL_FETCH, path: value.path } : undefined;
      case 'module':
        for (const family of CLIENT_FAMILIES) {
          const found = family.fromModule(value.source, value.path);
          if (found) return found;
        }
        return undefined;
      case 'project-import': {
        const fact = this.importedFact(value);
        return fact?.kind === 'client' ? { instance: fact.instance, path: value.path } : undefined;
      }
      case 'call': {
        const instance = this.instanceCreatedBy(value.node, value.callee, depth);
        return instance ? { instance, path: value.path } : undefined;
      }
      default:
        return undefined;
    }
  }

  importedFact(value: SymbolicValue & { kind: 'project-import' }): ExportedFact | undefined {
    const moduleKey = resolveModuleKey(this.index, this.file, value.source);
    if (!moduleKey) return undefined;
    return lookupExport(this.index, moduleKey, value.name === '*' ? (value.path[0] ?? 'default') : value.name);
  }

  private instanceCreatedBy(node: CallNode, callee: SymbolicValue, depth: number): ClientInstance | undefined {
    let instance = this.instances.get(node);
    if (instance === undefined) {
      const owner = this.clientOf(callee, depth + 1);
      const family = owner && familyById(owner.instance.family);
      instance = (owner && family?.factory?.(owner.instance, owner.path, node, this.familyContext)) ?? null;
      this.instances.set(node, instance);
    }
    return instance ?? undefined;
  }

  private recognizeCall(node: CallNode): NetworkCall | undefined {
    const callee = this.resolver.resolve(node.callee);
    const owner = this.clientOf(callee);
    if (!owner) return undefined;
    const family = familyById(owner.instance.family);
    const shape = family.requestShape(owner.instance, owner.path, node, this.familyContext, this.ownerText(node));
    if (!shape) return undefined;
    return {
      node,
      family: family.id,
      client: owner.instance,
      api: shape.api,
      method: shape.method,
      url: shape.url,
      optionsNode: shape.options,
      callOptions: this.familyContext.options(shape.options),
      reportNode: shape.reportNode,
    };
  }

  /** `axios` in `axios.get(…)`, `api` in `api.get(…)`, `fetch` in `fetch(…)`: how the code names the client. */
  private ownerText(node: CallNode): string {
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'MemberExpression') return this.textOf(callee.object, 30);
    return this.textOf(callee, 30);
  }

  /**
   * This file's own facts (defaults it sets, retry registrations). They join the project index's
   * for this file's analysis; the index may hold an older version of them, which only repeats them.
   */
  useLocalFacts(facts: FileFacts): void {
    this.localFacts = facts;
  }

  effectiveLayers(call: NetworkCall): OptionBag[] {
    const layers: OptionBag[] = [];
    if (call.client.role !== 'dispatcher' && (call.client.role === 'module' || call.client.family === 'axios')) {
      // axios.create() copies axios.defaults, so global defaults reach instances too.
      layers.push(...(this.index.globalDefaults[call.family] ?? []));
      for (const entry of this.localFacts?.globalDefaults ?? []) if (entry.family === call.family) layers.push(entry.bag);
    }
    layers.push(...call.client.layers);
    layers.push(...(this.index.instanceDefaults[call.client.key] ?? []));
    for (const entry of this.localFacts?.instanceDefaults ?? []) if (entry.key === call.client.key) layers.push(entry.bag);
    if (call.callOptions === 'unknown') layers.push({ entries: {}, openEnded: true, loc: this.loc(call.node) });
    else if (call.callOptions) layers.push(call.callOptions);
    return layers;
  }

  private createOptionsHost(): OptionSummarizerHost {
    return {
      resolver: this.resolver,
      loc: (node: Node) => this.loc(node),
      text: (node: Node) => this.textOf(node),
      importedBag: (value: SymbolicValue & { kind: 'project-import' }) => {
        const fact = this.importedFact(value);
        return fact?.kind === 'options' ? fact.bag : undefined;
      },
    };
  }

  private createFamilyContext(): FamilyContext {
    const optionsHost = this.optionsHost;
    return {
      loc: (node) => this.loc(node),
      text: (node) => this.textOf(node),
      options: (node) => (node === undefined ? undefined : summarizeOptions(optionsHost, node)),
      staticString: (node) => {
        if (!node) return undefined;
        const value = this.resolver.resolve(node);
        return value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
      },
      effectiveLayers: (call) => this.effectiveLayers(call),
      lookup: (call, key): OptionLookup => lookupOption(this.effectiveLayers(call), key),
      globalDispatcherBounded: () => this.index.boundedGlobalDispatcher !== undefined || this.localFacts?.boundedGlobalDispatcher !== undefined,
      retryRegistration: (instance) =>
        this.index.retryRegistrations[instance.key] ?? this.localFacts?.retryRegistrations.find((entry) => entry.key === instance.key),
      instanceKey: (node) => `${this.file}@${node.range[0]}`,
      handleCalls: (call) => this.handleCalls(call),
    };
  }

  /**
   * Calls made on the object a request call returns, chained or through a `const`/`let` that
   * holds it. Conservative: if the object is returned or passed on, `escapes` says so.
   */
  private handleCalls(call: CallNode): { calls: TSESTree.CallExpression[]; escapes: boolean } {
    const calls: TSESTree.CallExpression[] = [];
    let escapes = false;
    let top: Node = call;
    // Follow the chain: call().timeout(…).retry(…)
    for (;;) {
      const parent: Node | undefined = top.parent;
      if (parent?.type === 'MemberExpression' && parent.object === top && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) {
        calls.push(parent.parent);
        top = parent.parent;
        continue;
      }
      break;
    }
    const holder = top.parent;
    if (holder?.type === 'VariableDeclarator' && holder.init === top && holder.id.type === 'Identifier') {
      const binding = this.scopes.resolve(holder.id);
      for (const node of binding ? this.references.of(binding) : []) {
        const parent: Node | undefined = node.parent;
        if (parent?.type === 'MemberExpression' && parent.object === node) {
          if (parent.parent?.type === 'CallExpression' && parent.parent.callee === parent) calls.push(parent.parent);
        } else if (parent?.type === 'ReturnStatement' || parent?.type === 'CallExpression' || parent?.type === 'ArrowFunctionExpression' || parent?.type === 'Property' || parent?.type === 'AssignmentExpression') {
          escapes = escapes || !(parent.type === 'CallExpression' && parent.callee === node);
        }
      }
    } else if (holder?.type === 'ReturnStatement' || (holder?.type === 'ArrowFunctionExpression' && holder.body === top) || holder?.type === 'CallExpression' || holder?.type === 'Property') {
      escapes = true;
    }
    return { calls, escapes };
  }
}
