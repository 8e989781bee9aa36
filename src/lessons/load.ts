/**
 * Node-only: reads every `*.md` file of a directory and parses it as a lesson. Kept apart from the pure
 * parser so the webview bundle never pulls in `fs`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortLessons } from './order';
import { parseLesson } from './parse';
import { LessonFormatError, type Lesson } from './types';

/**
 * Loads and parses all lessons in `dir`, sorted for the table of contents. Throws the first
 * `LessonFormatError`, or a `LessonFormatError` at line 1 of the second file when two lessons share an `order`.
 */
export function loadLessons(dir: string): Lesson[] {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.md'))
    .sort();
  const lessons = files.map((f) => parseLesson(f, readFileSync(join(dir, f), 'utf8')));
  const byOrder = new Map<number, Lesson>();
  for (const l of lessons) {
    const other = byOrder.get(l.order);
    if (other) {
      throw new LessonFormatError(l.file, 1, `"order: ${l.order}" is already used by ${other.file}`);
    }
    byOrder.set(l.order, l);
  }
  return sortLessons(lessons);
}
