/**
 * Which files a scan indexes. A file's cross-file facts matter to the files that import it, or to
 * every file (a client's defaults); most files of a repository hold neither kind, and parsing them
 * only to find that out was most of a cold scan. So a scan indexes in rounds: first the files that
 * may hold facts for any file (they name a client or set defaults), then, until nothing is added,
 * the files those facts can flow through and the files that the files making requests import.
 *
 * Why this loses nothing: a finding needs a request, and a request needs a client that the file
 * names itself or imports. Clients start in files that name one (indexed first) and flow only
 * through files that import a module exporting a fact (indexed in the next round, and so on). A
 * file that may make a request has every module it imports, directly or through others, indexed,
 * so its options objects, retry wrappers and re-exports are all known. The rule tester analyses
 * every case with this plan and with every file indexed, and requires the same findings.
 */
import type { SourceFile } from './analyze';
import { importsFacts, mayHoldFactsForAnyFile, mentionsClient, relativeSpecifiers } from './prefilter';
import type { ProjectIndex } from './project-index';
import { moduleKeyOf, resolveSpecifier } from './project-index';

/** What the plan needs to know of a file, taken from its text without parsing it. */
export interface FileOutline {
  path: string;
  /** Project modules it imports or re-exports from, as written. */
  imports: string[];
  mentionsClient: boolean;
  /** Indexed in the first round, whatever imports it. */
  indexFirst: boolean;
}

export function outlineFile(file: SourceFile): FileOutline {
  return {
    path: file.path,
    imports: relativeSpecifiers(file.text),
    mentionsClient: mentionsClient(file.text),
    indexFirst: mayHoldFactsForAnyFile(file.text),
  };
}

/**
 * The files, not yet indexed, that the next round must index (sorted; empty when the index is
 * complete for this scan): importers of modules that export a fact, through which a client may
 * flow (`export { api } from './http'`), and every module imported, directly or through others,
 * by a file that may make a request.
 */
export function filesToIndexNext(index: ProjectIndex, outlines: readonly FileOutline[], indexed: ReadonlySet<string>): string[] {
  const byKey = new Map(outlines.map((outline) => [moduleKeyOf(outline.path), outline]));
  const wanted = new Set<string>();
  for (const outline of outlines) {
    if (!indexed.has(outline.path) && importsFacts(index, outline.path, outline.imports)) wanted.add(outline.path);
  }
  const requesting = outlines.filter((outline) => indexed.has(outline.path) && (outline.mentionsClient || importsFacts(index, outline.path, outline.imports)));
  const reached = new Set(requesting.map((outline) => outline.path));
  const stack = [...requesting];
  while (stack.length > 0) {
    const importer = stack.pop()!;
    for (const specifier of importer.imports) {
      const key = resolveSpecifier(importer.path, specifier, (candidate) => byKey.has(candidate));
      const imported = key === undefined ? undefined : byKey.get(key);
      if (!imported || reached.has(imported.path)) continue;
      reached.add(imported.path);
      stack.push(imported);
      if (!indexed.has(imported.path)) wanted.add(imported.path);
    }
  }
  return [...wanted].sort();
}
