import { CLIENT_PACKAGES } from './clients';
import type { ProjectIndex } from './project-index';
import { resolveModuleKey } from './project-index';

/**
 * Cheap text tests that let a scan skip parsing files that cannot matter. Each is conservative:
 * it only says "no" when no recognised call or exported fact can be in the file, because every
 * such construct needs one of these words in the source text. The rule tester runs every case
 * with and without the filter and requires identical results.
 */
const CLIENT_WORDS = new RegExp(`\\b(?:fetch|${CLIENT_PACKAGES.map(escape).join('|')})\\b`);
/** Settings that turn TLS verification off are findings without any request in the file. */
const TLS_WORDS = /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED/;
const FACT_WORDS = /export|exports|defaults|axiosRetry|axios-retry|setGlobalDispatcher/;
/** Relative module specifiers in `from '…'`, `import('…')`, `require('…')` and `export … from '…'`. */
const RELATIVE_SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"](\.{1,2}\/[^'"]*|\.{1,2})['"]/g;

/**
 * A file whose text names no client, turns no TLS check off, and imports no project module that
 * exports something a call can pick up (a client, an options object, a retry wrapper).
 */
export function mayContainNetworkCall(text: string, path: string, index: ProjectIndex): boolean {
  if (CLIENT_WORDS.test(text) || TLS_WORDS.test(text)) return true;
  for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
    const key = resolveModuleKey(index, path, match[1]);
    if (key && Object.keys(index.modules[key].exports).length > 0) return true;
  }
  return false;
}

export function mayHoldFacts(text: string): boolean {
  return FACT_WORDS.test(text) && (CLIENT_WORDS.test(text) || /retry|Retry|\{/.test(text));
}

function escape(word: string): string {
  return word.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
}
