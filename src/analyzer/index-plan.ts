/**
 * Which files a scan indexes. A file's cross-file facts matter to the files that import it, or to
 * every file (a client's defaults); most files of a repository hold neither kind, and parsing them
 * only to find that out was most of a cold scan. So a scan first outlines every file from its text
 * (what it imports, whether it names a client), then indexes in rounds, until nothing is added:
 * the files that set facts for every file, the files that name a client and are imported, the
 * files a client can flow through, and every module that a file making requests imports.
 *
 * Why this loses nothing: a finding needs a request, and a request needs a client that the file
 * names itself or imports. A client starts in a file that names one; its fact matters only if the
 * file is imported, and it flows only through files that import a module exporting a fact, which
 * the next round indexes, and so on. A file that may make a request has every module it imports,
 * directly or through others, indexed, so its options objects, retry wrappers and re-exports are
 * all known. The rule tester analyses every case with this plan and with every file indexed, and
 * requires the same findings.
 */
import type { SourceFile } from './analyze';
import { exportsClient, mentionsClient, relativeSpecifiers, setsGlobalFacts } from './prefilter';
import type { ProjectIndex } from './project-index';
import { moduleKeyOf, resolveSpecifier } from './project-index';

/** What the plan needs to know of a file, taken from its text without parsing it. */
export interface FileOutline {
  path: string;
  /** Project modules it imports or re-exports from, as written. */
  imports: string[];
  mentionsClient: boolean;
  /** It may set defaults or register retries for clients used anywhere: indexed whoever imports it. */
  setsGlobalFacts: boolean;
}

export function outlineFile(file: SourceFile): FileOutline {
  return {
    path: file.path,
    imports: relativeSpecifiers(file.text),
    mentionsClient: mentionsClient(file.text),
    setsGlobalFacts: setsGlobalFacts(file.text),
  };
}

/**
 * The files, not yet indexed, that the next round must index (sorted; empty when the index is
 * complete for this scan). Start from an empty index and nothing indexed; pass the same
 * `outlines` array every round (the import graph built from it is kept).
 */
export function filesToIndexNext(index: ProjectIndex, outlines: readonly FileOutline[], indexed: ReadonlySet<string>): string[] {
  const graph = importGraphOf(outlines);
  // Only a client flows from module to module (an options object or a retry wrapper is used
  // where it is imported).
  const importsClient = (outline: FileOutline): boolean => graph.targets(outline).some((target) => exportsClient(index.modules[moduleKeyOf(target.path)]));
  const mayRequest = (outline: FileOutline): boolean => outline.mentionsClient || importsClient(outline);
  const wanted = new Set<string>();
  for (const outline of outlines) {
    if (indexed.has(outline.path)) continue;
    // An imported file may export a client it creates or one that flows through it
    // (`export { api } from './http'`); a file nothing imports only matters for facts about every file.
    if (outline.setsGlobalFacts || (graph.isImported(outline) && mayRequest(outline))) wanted.add(outline.path);
  }
  // Every module that a file which may make a request imports, directly or through others.
  const requesting = outlines.filter(mayRequest);
  const reached = new Set(requesting.map((outline) => outline.path));
  const stack = [...requesting];
  while (stack.length > 0) {
    for (const target of graph.targets(stack.pop()!)) {
      if (reached.has(target.path)) continue;
      reached.add(target.path);
      stack.push(target);
      if (!indexed.has(target.path)) wanted.add(target.path);
    }
  }
  return [...wanted].sort();
}

interface ImportGraph {
  /** The project files `importer` imports (its specifiers resolved against the outlined files). */
  targets(importer: FileOutline): readonly FileOutline[];
  isImported(outline: FileOutline): boolean;
}

const importGraphs = new WeakMap<readonly FileOutline[], ImportGraph>();

function importGraphOf(outlines: readonly FileOutline[]): ImportGraph {
  let graph = importGraphs.get(outlines);
  if (!graph) {
    const byKey = new Map(outlines.map((outline) => [moduleKeyOf(outline.path), outline]));
    const targets = new Map<FileOutline, FileOutline[]>();
    const imported = new Set<FileOutline>();
    for (const importer of outlines) {
      const resolved: FileOutline[] = [];
      for (const specifier of importer.imports) {
        const key = resolveSpecifier(importer.path, specifier, (candidate) => byKey.has(candidate));
        const target = key === undefined ? undefined : byKey.get(key);
        if (!target) continue;
        resolved.push(target);
        imported.add(target);
      }
      targets.set(importer, resolved);
    }
    graph = { targets: (importer) => targets.get(importer) ?? [], isImported: (outline) => imported.has(outline) };
    importGraphs.set(outlines, graph);
  }
  return graph;
}
