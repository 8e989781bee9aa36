import { ID_PATTERN } from './slug';
import type { LessonLinkKind } from './types';

export interface ClassifiedLink {
  kind: LessonLinkKind;
  target: string;
  section?: string;
  /** Set when an internal link (`lesson:` / `rule:` / `scenario:` / `#`) is malformed. */
  error?: string;
}

const INTERNAL = /^(lesson|rule|scenario):(.*)$/i;

/**
 * Classifies an href written in a lesson. Only `lesson:`, `rule:`, `scenario:`, `#slug` and absolute
 * http(s) URLs are supported; everything else (`javascript:`, `data:`, `file:`, `command:`, relative paths)
 * is `unsupported` and never rendered as a link.
 */
export function classifyHref(href: string): ClassifiedLink {
  const h = href.trim();
  const internal = INTERNAL.exec(h);
  if (internal) {
    const scheme = internal[1]!.toLowerCase() as 'lesson' | 'rule' | 'scenario';
    const rest = internal[2]!;
    if (scheme === 'lesson') {
      const hash = rest.indexOf('#');
      const id = hash === -1 ? rest : rest.slice(0, hash);
      const section = hash === -1 ? undefined : rest.slice(hash + 1);
      if (!ID_PATTERN.test(id)) {
        return { kind: 'lesson', target: id, error: `"${href}": lesson id must be kebab-case (lesson:id or lesson:id#section)` };
      }
      if (section !== undefined && !ID_PATTERN.test(section)) {
        return { kind: 'lesson', target: id, section, error: `"${href}": section must be a heading slug` };
      }
      return section === undefined ? { kind: 'lesson', target: id } : { kind: 'lesson', target: id, section };
    }
    if (!ID_PATTERN.test(rest)) {
      return { kind: scheme, target: rest, error: `"${href}": ${scheme} id must be kebab-case` };
    }
    return { kind: scheme, target: rest };
  }
  if (h.startsWith('#')) {
    const section = h.slice(1);
    if (!ID_PATTERN.test(section)) {
      return { kind: 'anchor', target: '', section, error: `"${href}": anchor must be a heading slug` };
    }
    return { kind: 'anchor', target: '', section };
  }
  if (/^https?:\/\/[^\s/?#]+/i.test(h) && !/[\u0000-\u001f\u007f]/.test(h)) {
    return { kind: 'external', target: h };
  }
  return { kind: 'unsupported', target: h };
}
