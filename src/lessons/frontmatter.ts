/**
 * A deliberately small front-matter format: flat `key: value` lines between two `---` lines.
 * Values are strings (optionally in double quotes), integers, or `[a, b]` lists of ids.
 * Full-line `#` comments and blank lines are allowed; a trailing ` # comment` is allowed after integers and
 * lists only (a `#` inside a title or summary is text). Anything else is an error naming file and line.
 */
import { ID_PATTERN } from './slug';
import { LessonFormatError } from './types';

export type FrontMatterValue = string | number | string[];

export interface FrontMatterEntry {
  value: FrontMatterValue;
  line: number;
}

export interface FrontMatter {
  entries: Map<string, FrontMatterEntry>;
  /** 1-based line of the closing `---`. */
  endLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Offset in the text where the body starts. */
  bodyOffset: number;
}

type Kind = 'string' | 'integer' | 'list';

export const FRONT_MATTER_KEYS: Readonly<Record<string, Kind>> = {
  id: 'string',
  title: 'string',
  order: 'integer',
  fallacy: 'integer',
  rules: 'list',
  scenarios: 'list',
  summary: 'string',
};

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;

export function parseFrontMatter(file: string, text: string): FrontMatter {
  const lines = text.split(/\r?\n/);
  if (lines[0] === undefined || lines[0].replace(/^\uFEFF/, '').trimEnd() !== '---') {
    throw new LessonFormatError(file, 1, 'a lesson must start with a front-matter block: the first line must be "---"');
  }
  const entries = new Map<string, FrontMatterEntry>();
  let offset = lines[0].length + lineBreakLength(text, lines[0].length);
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const lineEnd = offset + raw.length;
    const next = lineEnd + lineBreakLength(text, lineEnd);
    if (raw.trimEnd() === '---') {
      return { entries, endLine: lineNo, bodyLine: lineNo + 1, bodyOffset: next };
    }
    offset = next;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (/^\s/.test(raw)) {
      throw new LessonFormatError(file, lineNo, `front matter is flat: unexpected indentation in "${trimmed}"`);
    }
    const m = KEY_LINE.exec(raw);
    if (!m) {
      throw new LessonFormatError(file, lineNo, `expected "key: value" in front matter, got "${trimmed}"`);
    }
    const key = m[1]!;
    const kind = FRONT_MATTER_KEYS[key];
    if (!kind) {
      throw new LessonFormatError(
        file,
        lineNo,
        `unknown front-matter key "${key}" (known keys: ${Object.keys(FRONT_MATTER_KEYS).join(', ')})`,
      );
    }
    const previous = entries.get(key);
    if (previous) {
      throw new LessonFormatError(file, lineNo, `duplicate front-matter key "${key}" (first set on line ${previous.line})`);
    }
    const rawValue = m[2] ?? '';
    entries.set(key, { value: parseValue(file, lineNo, key, kind, rawValue), line: lineNo });
  }
  throw new LessonFormatError(file, lines.length, 'front matter is not closed: no "---" line after it');
}

function lineBreakLength(text: string, at: number): number {
  if (text.startsWith('\r\n', at)) return 2;
  return text[at] === '\n' ? 1 : 0;
}

function stripTrailingComment(value: string): string {
  const hash = value.search(/\s#/);
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

function parseValue(file: string, line: number, key: string, kind: Kind, raw: string): FrontMatterValue {
  if (raw === '') {
    throw new LessonFormatError(file, line, `"${key}" has no value`);
  }
  switch (kind) {
    case 'integer': {
      const v = stripTrailingComment(raw);
      if (!/^-?\d+$/.test(v)) {
        throw new LessonFormatError(file, line, `"${key}" must be an integer, got "${v}"`);
      }
      const n = Number(v);
      if (!Number.isSafeInteger(n)) {
        throw new LessonFormatError(file, line, `"${key}" is out of range: ${v}`);
      }
      return n;
    }
    case 'list': {
      const v = stripTrailingComment(raw);
      if (!v.startsWith('[') || !v.endsWith(']')) {
        throw new LessonFormatError(file, line, `"${key}" must be a list like [a, b] (use [] for none), got "${v}"`);
      }
      const inner = v.slice(1, -1).trim();
      if (inner === '') return [];
      const items = inner.split(',').map((s) => s.trim());
      const seen = new Set<string>();
      for (const item of items) {
        if (item === '') {
          throw new LessonFormatError(file, line, `"${key}" has an empty list item`);
        }
        if (!ID_PATTERN.test(item)) {
          throw new LessonFormatError(file, line, `"${key}" item "${item}" is not a kebab-case id`);
        }
        if (seen.has(item)) {
          throw new LessonFormatError(file, line, `"${key}" lists "${item}" twice`);
        }
        seen.add(item);
      }
      return items;
    }
    case 'string': {
      if (raw.startsWith('"')) {
        try {
          const parsed: unknown = JSON.parse(raw);
          if (typeof parsed === 'string') return parsed;
        } catch {
          /* fall through to the error below */
        }
        throw new LessonFormatError(file, line, `"${key}" starts with a quote but is not one valid double-quoted string`);
      }
      if (raw.startsWith('[')) {
        throw new LessonFormatError(file, line, `"${key}" must be text, not a list`);
      }
      return raw;
    }
  }
}
