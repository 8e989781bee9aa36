/**
 * Arguments of `fallacyLens.openLessons`. They arrive from our own hovers, code actions and diagnostic
 * links, but also from command URIs, the walkthrough and other extensions, so each field is checked on
 * its own: a bad field is dropped (and reported) without losing the good ones, and the panel still opens.
 */
import { LIMITS, snippetSchema, type Snippet } from '../../webview/protocol/messages';
import { SchemaError, optional, str, type Check } from '../../webview/protocol/schema';

export interface OpenRequest {
  lesson?: string;
  section?: string;
  ruleId?: string;
  snippet?: Snippet;
}

const id = str({ min: 1, max: LIMITS.id, pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/ });
/** The caller's snippet has no rule id of its own: the request's `ruleId` is attached to it below. */
const callerSnippet: Check<Snippet> = (value, path) => {
  const checked = snippetSchema(value, path);
  if (checked.ruleId !== undefined) throw new SchemaError(`${path}.ruleId`, 'pass ruleId next to the snippet');
  return checked;
};

const FIELDS = {
  lesson: optional(id),
  section: optional(id),
  ruleId: optional(id),
  snippet: optional(callerSnippet),
} as const;

export function parseOpenRequest(args: unknown, report: (problem: string) => void): OpenRequest {
  if (args === undefined || args === null) return {};
  if (typeof args !== 'object' || Array.isArray(args)) {
    report(`openLessons: ignoring arguments of type ${Array.isArray(args) ? 'array' : typeof args}`);
    return {};
  }
  const source = args as Record<string, unknown>;
  const request: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (!Object.prototype.hasOwnProperty.call(FIELDS, key)) report(`openLessons: ignoring unknown argument "${key.slice(0, 40)}"`);
  }
  for (const [key, field] of Object.entries(FIELDS)) {
    const value = source[key];
    if (value === undefined) continue;
    try {
      request[key] = field.optional(value, `openLessons.${key}`);
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      report(`openLessons: ignoring ${error.message}`);
    }
  }
  const result = request as OpenRequest;
  if (result.snippet && result.ruleId !== undefined) result.snippet = { ...result.snippet, ruleId: result.ruleId };
  return result;
}
