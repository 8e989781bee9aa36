/**
 * Defence in depth for lesson HTML. The extension host already renders lessons safely (markdown-it
 * with html:false, links rewritten) and the CSP forbids inline script; this allow-list makes sure that
 * even a renderer bug cannot put a script, a form, a frame, an event handler or a foreign URL in the page.
 */

const ALLOWED_TAGS = new Set([
  'article', 'header', 'section', 'figure', 'figcaption', 'div', 'span', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 's', 'del', 'sup', 'sub', 'code', 'pre', 'kbd',
  'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a',
  'fieldset', 'legend', 'input', 'label',
]);

const ALLOWED_ATTRIBUTES = new Set([
  'id', 'class', 'title', 'rel', 'role', 'hidden', 'colspan', 'rowspan', 'start',
  'aria-label', 'aria-describedby', 'aria-live', 'for', 'name', 'value', 'type',
  'data-lesson', 'data-section', 'data-rule', 'data-scenario', 'data-external',
  'data-quiz', 'data-option', 'data-correct', 'data-variant', 'data-lesson-id',
]);

/** Elements whose content is dropped along with them rather than kept as text. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'select', 'textarea']);

export function sanitizeLessonHtml(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html; // template content is inert: nothing loads or runs while we clean it
  cleanChildren(template.content);
  return template.content;
}

function cleanChildren(parent: Node): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    if (child.nodeType !== Node.ELEMENT_NODE) {
      child.remove();
      continue;
    }
    const element = child as Element;
    const tag = element.localName;
    if (!ALLOWED_TAGS.has(tag)) {
      if (DROP_WITH_CONTENT.has(tag)) element.remove();
      else element.replaceWith(...Array.from(element.childNodes));
      // unwrapped children were moved into `parent` and are visited by a second pass below
      continue;
    }
    cleanAttributes(element);
    cleanChildren(element);
  }
  if (Array.from(parent.childNodes).some((c) => c.nodeType === Node.ELEMENT_NODE && !ALLOWED_TAGS.has((c as Element).localName))) {
    cleanChildren(parent);
  }
}

function cleanAttributes(element: Element): void {
  for (const attr of Array.from(element.attributes)) {
    if (attr.name === 'href' && element.localName === 'a') {
      if (!isAllowedHref(element, attr.value)) element.removeAttribute('href');
      continue;
    }
    if (!ALLOWED_ATTRIBUTES.has(attr.name)) element.removeAttribute(attr.name);
  }
  if (element.localName === 'input' && element.getAttribute('type') !== 'radio') element.remove();
}

/** Internal links are `#` plus data attributes; external ones must be http(s) and marked `data-external`. */
function isAllowedHref(anchor: Element, href: string): boolean {
  if (href === '#') return true;
  return anchor.hasAttribute('data-external') && /^https?:\/\//i.test(href);
}
