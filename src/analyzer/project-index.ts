import type { ClientInstance, FamilyId } from './model';
import type { Loc, OptionBag } from './semantics/options';

/** What a file exports that other files' analysis can use. */
export type ExportedFact =
  | { kind: 'client'; instance: ClientInstance }
  | { kind: 'options'; bag: OptionBag }
  | { kind: 'retry-wrapper'; at: Loc }
  | { kind: 're-export'; module: string; name: string };

/** Cross-file facts of one file. Plain data: computed in workers, cached on disk. */
export interface FileFacts {
  file: string;
  exports: Record<string, ExportedFact>;
  /** `axios.defaults.timeout = …`: applies to every use of the package's own client. */
  globalDefaults: { family: FamilyId; bag: OptionBag }[];
  /** `api.defaults.timeout = …` on an instance, keyed by the instance's key. */
  instanceDefaults: { key: string; bag: OptionBag }[];
  /** `axiosRetry(api, …)`. */
  retryRegistrations: { key: string; by: string; at: Loc }[];
  /** `setGlobalDispatcher(new Agent({ headersTimeout, bodyTimeout }))`. */
  boundedGlobalDispatcher?: Loc;
}

export interface ProjectIndex {
  /** Facts by module key: the file path without its extension (`src/api` for `src/api.ts`). */
  modules: Record<string, FileFacts>;
  globalDefaults: Partial<Record<FamilyId, OptionBag[]>>;
  instanceDefaults: Record<string, OptionBag[]>;
  retryRegistrations: Record<string, { by: string; at: Loc }>;
  boundedGlobalDispatcher?: Loc;
}

export function emptyFacts(file: string): FileFacts {
  return { file, exports: {}, globalDefaults: [], instanceDefaults: [], retryRegistrations: [] };
}

export function moduleKeyOf(file: string): string {
  return file.replace(/\\/g, '/').replace(/\.(d\.)?(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i, '');
}

export function buildProjectIndex(allFacts: readonly FileFacts[]): ProjectIndex {
  const modules: Record<string, FileFacts> = Object.create(null);
  for (const facts of allFacts) modules[moduleKeyOf(facts.file)] = facts;
  return aggregate(modules);
}

/** The editor's path: one file changed, the rest of the project's facts stand. */
export function updateProjectIndex(index: ProjectIndex, facts: FileFacts): ProjectIndex {
  return aggregate({ ...index.modules, [moduleKeyOf(facts.file)]: facts });
}

function aggregate(modules: Record<string, FileFacts>): ProjectIndex {
  const index: ProjectIndex = { modules, globalDefaults: {}, instanceDefaults: Object.create(null), retryRegistrations: Object.create(null) };
  for (const key of Object.keys(modules).sort()) {
    const facts = modules[key];
    for (const { family, bag } of facts.globalDefaults) (index.globalDefaults[family] ??= []).push(bag);
    for (const { key: instance, bag } of facts.instanceDefaults) (index.instanceDefaults[instance] ??= []).push(bag);
    for (const { key: instance, by, at } of facts.retryRegistrations) index.retryRegistrations[instance] ??= { by, at };
    if (facts.boundedGlobalDispatcher) index.boundedGlobalDispatcher ??= facts.boundedGlobalDispatcher;
  }
  return index;
}

/**
 * The module key an import specifier names, relative to the importing file. TypeScript's ESM
 * style imports `./api.js` for `api.ts`, so the extension is dropped; `./dir` may mean `./dir/index`.
 */
export function resolveModuleKey(index: ProjectIndex, fromFile: string, specifier: string): string | undefined {
  return resolveSpecifier(fromFile, specifier, (key) => index.modules[key] !== undefined);
}

/** `resolveModuleKey` against any set of module keys (`isModule`), indexed or not. */
export function resolveSpecifier(fromFile: string, specifier: string, isModule: (key: string) => boolean): string | undefined {
  const base = fromFile.replace(/\\/g, '/').split('/').slice(0, -1);
  const joined = specifier.startsWith('/') ? specifier : [...base, specifier].join('/');
  const normalized = normalizePath(joined);
  const key = moduleKeyOf(normalized);
  if (isModule(key)) return key;
  if (isModule(`${key}/index`)) return `${key}/index`;
  return undefined;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

/** Follows re-exports to the fact an import refers to; bounded so that cycles end. */
export function lookupExport(index: ProjectIndex, moduleKey: string, name: string): ExportedFact | undefined {
  let key = moduleKey;
  let exportName = name;
  for (let hops = 0; hops < 8; hops++) {
    const fact = index.modules[key]?.exports[exportName];
    if (!fact || fact.kind !== 're-export') return fact;
    const next = resolveModuleKey(index, index.modules[key].file, fact.module);
    if (!next) return undefined;
    key = next;
    exportName = fact.name;
  }
  return undefined;
}
