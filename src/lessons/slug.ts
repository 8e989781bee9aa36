/**
 * Heading text → stable anchor. Lowercase ASCII letters and digits joined by single hyphens;
 * inline Markdown punctuation and other symbols are dropped, accented letters lose their accents.
 * "CAP — what you give up" → "cap-what-you-give-up"; "Fallacy 1: `ok`?" → "fallacy-1-ok".
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Ids of lessons, rules and scenarios: kebab-case ASCII. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
