import { CLIENT_PACKAGES } from './clients';
import type { ProjectIndex } from './project-index';

/**
 * Cheap text tests that let a scan skip parsing files that cannot matter. Each is conservative:
 * it only says "no" when no recognised call or exported fact can be in the file, because every
 * such construct needs one of these words in the source text. `test/prefilter.test.ts` checks on
 * the rule test corpus that skipping loses no finding.
 */
const CLIENT_WORDS = new RegExp(`fetch|${CLIENT_PACKAGES.map(escape).join('|')}`);
/** Settings that turn TLS verification off are findings without any request in the file. */
const TLS_WORDS = /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED/;
const FACT_WORDS = /export|exports|defaults|axiosRetry|axios-retry|setGlobalDispatcher/;

/** A file whose text names no client and imports no project module that exports one. */
export function mayContainNetworkCall(text: string, index: ProjectIndex): boolean {
  if (CLIENT_WORDS.test(text) || TLS_WORDS.test(text)) return true;
  return importedNamesOf(index).some((name) => text.includes(name));
}

export function mayHoldFacts(text: string): boolean {
  return FACT_WORDS.test(text) && (CLIENT_WORDS.test(text) || /retry|Retry|\{/.test(text));
}

const exportingModuleNames = new WeakMap<ProjectIndex, string[]>();

/**
 * The last path segments of modules that export something a call can pick up (a client, a
 * retry wrapper, an options object): an import of such a module must spell its name.
 */
function importedNamesOf(index: ProjectIndex): string[] {
  let names = exportingModuleNames.get(index);
  if (!names) {
    const found = new Set<string>();
    for (const [key, facts] of Object.entries(index.modules)) {
      if (Object.keys(facts.exports).length === 0) continue;
      const segments = key.split('/');
      const last = segments[segments.length - 1];
      found.add(last === 'index' && segments.length > 1 ? segments[segments.length - 2] : last);
    }
    names = [...found];
    exportingModuleNames.set(index, names);
  }
  return names;
}

function escape(word: string): string {
  return word.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
}
