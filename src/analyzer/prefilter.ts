/**
 * Cheap text tests that let a scan skip parsing files that cannot matter. Each is conservative:
 * it only says "no" when no recognised call or exported fact can be in the file, because every
 * such construct needs one of these words in the source text. The rule tester runs every case
 * with and without the filter and requires identical results.
 */
import { CLIENT_PACKAGES } from './clients';
import type { FileFacts, ProjectIndex } from './project-index';
import { resolveModuleKey } from './project-index';

/**
 * The global `fetch`, or a client package named as a module (`'axios'`, `"node:https"`): the
 * analyzer knows a package's client only through an import or require of that exact module, so
 * the words alone (`http://` in a comment, "we got here") do not count.
 */
const CLIENT_WORDS = new RegExp(`\\bfetch\\b|['"\`](?:node:)?(?:${CLIENT_PACKAGES.map(escape).join('|')})['"\`]`);
/** Settings that turn TLS verification off are findings without any request in the file. */
const TLS_WORDS = /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED/;
const FACT_WORDS = /export|exports|defaults|axiosRetry|axios-retry|setGlobalDispatcher/;
const GLOBAL_FACT_WORDS = /defaults|axiosRetry|axios-retry|setGlobalDispatcher/;
/** Relative module specifiers in `from '…'`, `import('…')`, `require('…')` and `export … from '…'`. */
const RELATIVE_SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](\.{1,2}\/[^'"]*|\.{1,2})['"]/g;

/**
 * A file whose text names no client, turns no TLS check off, and imports no project module that
 * exports a client: it cannot make a request the analyzer recognises. (An imported options object
 * or retry wrapper matters only around a request, which needs a client.)
 */
export function mayContainNetworkCall(text: string, path: string, index: ProjectIndex): boolean {
  return mentionsClient(text) || relativeSpecifiers(text).some((specifier) => exportsClient(index.modules[resolveModuleKey(index, path, specifier) ?? '']));
}

/** Names a client package or `fetch`, or turns a TLS check off: the file may make a request by itself. */
export function mentionsClient(text: string): boolean {
  return CLIENT_WORDS.test(text) || TLS_WORDS.test(text);
}

/** Whether a module's facts export a client, or re-export something that may be one. */
export function exportsClient(facts: FileFacts | undefined): boolean {
  return facts !== undefined && Object.values(facts.exports).some((fact) => fact.kind === 'client' || fact.kind === 're-export');
}

/** The project modules a file imports or re-exports from, as written (`./api`, `../lib`). */
export function relativeSpecifiers(text: string): string[] {
  return [...text.matchAll(RELATIVE_SPECIFIER)].map((match) => match[1]);
}

/**
 * Defaults set on a client, a retry registration, a global dispatcher: facts about clients used
 * anywhere, which a scan indexes whatever imports the file (see index-plan.ts).
 */
export function setsGlobalFacts(text: string): boolean {
  return GLOBAL_FACT_WORDS.test(text);
}

/** Whether the file may export or set a cross-file fact at all (checked before indexing parses it). */
export function mayHoldFacts(text: string): boolean {
  return FACT_WORDS.test(text) && (CLIENT_WORDS.test(text) || /retry|Retry|\{/.test(text));
}

function escape(word: string): string {
  return word.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
}
