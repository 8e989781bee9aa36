import type { Lesson } from './types';

/** Table-of-contents order: by `order`, then by id so equal orders are still deterministic. */
export function sortLessons<T extends Pick<Lesson, 'order' | 'id'>>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
