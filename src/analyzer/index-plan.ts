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
import { importsFacts, mentionsClient, relativeSpecifiers, setsGlobalFacts } from './prefilter';
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
 * complete for this scan). Start from an empty index and nothing indexed.
 */
export function filesToIndexNext(index: ProjectIndex, outlines: readonly FileOutline[], indexed: ReadonlySet<string>): string[] {
  const byKey = new Map(outlines.map((outline) => [moduleKeyOf(outline.path), outline]));
  const resolve = (importer: FileOutline, specifier: string): FileOutline | undefined => {
    const key = resolveSpecifier(importer.path, specifier, (candidate) => byKey.has(candidate));
    return key === undefined ? undefined : byKey.get(key);
  };
  const imported = new Set(outlines.flatMap((importer) => importer.imports.map((specifier) => resolve(importer, specifier)?.path)));
  const wanted = new Set<string>();
  for (const outline of outlines) {
    if (indexed.has(outline.path)) continue;
    // An imported file may export a client it creates, or one that flows through it from a module
    // exporting a fact (`export { api } from './http'`); a file nothing imports only matters for
    // facts about every file.
    const mayExportClient = imported.has(outline.path) && (outline.mentionsClient || importsFacts(index, outline.path, outline.imports));
    if (outline.setsGlobalFacts || mayExportClient) wanted.add(outline.path);
  }
  // Every module that a file which may make a request imports, directly or through others.
  const requesting = outlines.filter((outline) => outline.mentionsClient || importsFacts(index, outline.path, outline.imports));
  const reached = new Set(requesting.map((outline) => outline.path));
  const stack = [...requesting];
  while (stack.length > 0) {
    const importer = stack.pop()!;
    for (const specifier of importer.imports) {
      const target = resolve(importer, specifier);
      if (!target || reached.has(target.path)) continue;
      reached.add(target.path);
      stack.push(target);
      if (!indexed.has(target.path)) wanted.add(target.path);
    }
  }
  return [...wanted].sort();
}
