import assert from 'node:assert/strict';

const TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /\s+([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;

export interface Tag {
  name: string;
  attrs: [string, string | undefined][];
}

/** Start tags with their attributes, as a browser would tokenize well-formed markup. */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs: [string, string | undefined][] = [];
    for (const a of m[2]!.matchAll(ATTR)) attrs.push([a[1]!.toLowerCase(), a[2]?.replace(/^["']|["']$/g, '')]);
    tags.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return tags;
}

const ALLOWED_TAGS = new Set([
  'article', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's', 'span', 'figure', 'div', 'fieldset',
  'legend', 'input', 'label',
]);

/**
 * What a strict-CSP webview needs: no script, no inline handlers, no style attributes, only the elements the
 * renderer is meant to produce, and hrefs that are "#" or http(s).
 */
export function assertInert(html: string, where = 'html'): void {
  assert.doesNotMatch(html, /<script/i, `${where}: <script`);
  assert.doesNotMatch(html, /<style/i, `${where}: <style`);
  // Every "<" that is not the start of a tag the tokenizer below understands must have been escaped.
  const stray = html.replace(TAG, '').replace(/<\/[A-Za-z][A-Za-z0-9-]*\s*>/g, '');
  assert.doesNotMatch(stray, /</, `${where}: unescaped "<" or a malformed tag`);
  for (const tag of tagsOf(html)) {
    assert.ok(ALLOWED_TAGS.has(tag.name), `${where}: unexpected <${tag.name}>`);
    if (tag.name === 'input') {
      assert.deepEqual(tag.attrs.find(([n]) => n === 'type'), ['type', 'radio'], `${where}: input that is not a radio button`);
    }
    for (const [name, value] of tag.attrs) {
      assert.ok(!name.startsWith('on'), `${where}: <${tag.name} ${name}=…> event handler attribute`);
      assert.notEqual(name, 'style', `${where}: <${tag.name} style=…>`);
      assert.notEqual(name, 'srcdoc', `${where}: srcdoc`);
      if (name === 'href') assert.match(value ?? '', /^(#|https?:\/\/)/i, `${where}: href="${value}"`);
      if (name === 'src' || name === 'action' || name === 'formaction') assert.fail(`${where}: <${tag.name} ${name}>`);
    }
  }
}
