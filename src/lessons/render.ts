/**
 * Lesson Markdown → HTML for the lesson panel's webview.
 *
 * The output is safe to insert into a webview with a strict Content-Security-Policy:
 * - raw HTML in the Markdown is never parsed (`html: false`), so it comes out as escaped text;
 * - no inline event handlers, no `style` attributes, no `<script>`, no images;
 * - `lesson:` / `rule:` / `scenario:` / `#slug` links become `<a href="#" data-…>` elements that the
 *   webview script handles; http(s) links keep their URL and get `data-external`; every other scheme
 *   (`javascript:`, `data:`, `file:`, `command:`, relative paths) is dropped and only the link text remains.
 *
 * Contract with the webview script (all attribute values are escaped):
 *   a[data-lesson][data-section?]   open a lesson (and scroll to a section)
 *   a[data-rule]                    show a rule's documentation
 *   a[data-scenario]                open the simulator with a scenario
 *   a[data-external]                open in the browser (href is the URL)
 *   fieldset.fl-quiz[data-quiz=n]   one quiz question; its radio inputs carry data-quiz, data-option and
 *                                   data-correct; each option's explanation is the element named by the
 *                                   input's aria-describedby and starts `hidden`; the `.fl-quiz-feedback`
 *                                   element (role=status) is where the script announces the result.
 */
import { classifyHref } from './links';
import { createMarkdown, type Markdown, type MdToken } from './md';
import { fenceRole, plainInlineText } from './parse';
import { parseQuizBlock } from './quiz';
import { slugify } from './slug';
import type { Lesson } from './types';

export type RenderableLesson = Pick<Lesson, 'id' | 'title' | 'summary' | 'body'>;

export interface RenderOptions {
  /** Render the title (`<h1>`) and summary above the body. Default true. */
  includeHeader?: boolean;
  /** Labels of the two sides of a ```ts bad / ```ts good pair. */
  badLabel?: string;
  goodLabel?: string;
}

interface RenderEnv {
  [key: string | symbol]: unknown;
  lessonId: string;
  quizCount: number;
  ids: Set<string>;
  badLabel: string;
  goodLabel: string;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

let renderer: Markdown | undefined;

function lessonRenderer(): Markdown {
  if (renderer) return renderer;
  const md = createMarkdown();
  // Every href reaches the core rule below, which decides; nothing is rendered without passing it.
  md.validateLink = () => true;
  md.core.ruler.push('fallacy_lens_links', (state) => {
    for (const block of state.tokens) {
      if (block.type === 'inline' && block.children) rewriteLinks(block.children, (state.env as unknown as RenderEnv).lessonId);
    }
  });
  md.core.ruler.push('fallacy_lens_compare', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i]!;
      const b = tokens[i + 1]!;
      if (a.type === 'fence' && b.type === 'fence' && fenceRole(a.info) === 'bad' && fenceRole(b.info) === 'good') {
        a.meta = { ...(a.meta ?? {}), paired: true };
        b.meta = { ...(b.meta ?? {}), paired: true };
        const open = new state.Token('fl_compare_open', 'figure', 1);
        const close = new state.Token('fl_compare_close', 'figure', -1);
        open.block = close.block = true;
        tokens.splice(i, 2, open, a, b, close);
        i += 3;
      }
    }
  });

  const rules = md.renderer.rules;
  rules.html_block = (tokens, idx) => `<p>${escapeHtml(tokens[idx]!.content)}</p>\n`;
  rules.html_inline = (tokens, idx) => escapeHtml(tokens[idx]!.content);
  rules.image = (tokens, idx) => {
    const alt = plainInlineText(tokens[idx]!);
    return alt ? `<span class="fl-image-alt">${escapeHtml(alt)}</span>` : '';
  };
  rules.heading_open = (tokens, idx, _options, rawEnv) => {
    const env = rawEnv as unknown as RenderEnv;
    const t = tokens[idx]!;
    const inline = tokens[idx + 1];
    const base = slugify(inline ? plainInlineText(inline) : '') || 'section';
    let id = base;
    for (let n = 2; env.ids.has(id); n++) id = `${base}-${n}`;
    env.ids.add(id);
    return `<${t.tag} id="${escapeHtml(id)}">`;
  };
  rules.fl_compare_open = () =>
    '<figure class="fl-compare" aria-label="The fragile version and a robust version, side by side">\n';
  rules.fl_compare_close = () => '</figure>\n';
  rules.fence = (tokens, idx, _options, rawEnv) => {
    const env = rawEnv as unknown as RenderEnv;
    const t = tokens[idx]!;
    const role = fenceRole(t.info);
    if (role === 'quiz') {
      const parsed = parseQuizBlock(t.content);
      if (parsed.ok) return renderQuiz(md, parsed.quiz, env);
    }
    const lang = t.info.trim().split(/\s+/)[0] ?? '';
    const code = codeBlock(t.content, lang);
    if (role === 'bad' || role === 'good') {
      const label = role === 'bad' ? env.badLabel : env.goodLabel;
      const side =
        `<div class="fl-compare-side fl-compare-${role}" data-variant="${role}">` +
        `<p class="fl-compare-label">${escapeHtml(label)}</p>${code}</div>\n`;
      return t.meta?.paired ? side : `<figure class="fl-compare fl-compare-single">\n${side}</figure>\n`;
    }
    return code + '\n';
  };
  rules.code_block = (tokens, idx) => codeBlock(tokens[idx]!.content, '') + '\n';
  renderer = md;
  return md;
}

function codeBlock(content: string, lang: string): string {
  const safeLang = /^[A-Za-z0-9_+-]{1,20}$/.test(lang) ? lang.toLowerCase() : '';
  const cls = safeLang ? ` class="language-${safeLang}"` : '';
  return `<pre><code${cls}>${escapeHtml(content)}</code></pre>`;
}

/** Replaces each link's attributes by the webview's data attributes, or unwraps links we do not support. */
function rewriteLinks(children: MdToken[], lessonId: string): void {
  const stack: boolean[] = [];
  for (const t of children) {
    if (t.type === 'link_open') {
      const href = String(t.attrGet('href') ?? '');
      const title = t.attrGet('title');
      const k = classifyHref(href);
      let attrs: [string, string][] | undefined;
      if (!k.error) {
        switch (k.kind) {
          case 'lesson':
            attrs = [['href', '#'], ['data-lesson', k.target]];
            if (k.section) attrs.push(['data-section', k.section]);
            break;
          case 'anchor':
            attrs = [['href', '#'], ['data-lesson', lessonId], ['data-section', k.section ?? '']];
            break;
          case 'rule':
            attrs = [['href', '#'], ['data-rule', k.target]];
            break;
          case 'scenario':
            attrs = [['href', '#'], ['data-scenario', k.target]];
            break;
          case 'external':
            attrs = [['href', k.target], ['data-external', ''], ['rel', 'noopener noreferrer']];
            break;
          case 'unsupported':
            attrs = undefined;
        }
      }
      if (attrs) {
        attrs.push(['class', `fl-link fl-link-${k.kind}`]);
        if (title) attrs.push(['title', String(title)]);
        t.attrs = attrs;
        stack.push(true);
      } else {
        unwrap(t);
        stack.push(false);
      }
    } else if (t.type === 'link_close') {
      if (stack.pop() === false) unwrap(t);
    }
  }
}

function unwrap(t: MdToken): void {
  t.type = 'text';
  t.tag = '';
  t.nesting = 0;
  t.attrs = null;
  t.content = '';
}

function renderQuiz(md: Markdown, quiz: { question: string; options: { text: string; correct: boolean; explanation: string }[] }, env: RenderEnv): string {
  const n = env.quizCount++;
  const base = `quiz-${env.lessonId}-${n + 1}`;
  const inline = (s: string): string => md.renderInline(s, env);
  let html = `<fieldset class="fl-quiz" id="${escapeHtml(base)}" data-quiz="${n}">\n`;
  html += `<legend><span class="fl-quiz-number">Question ${n + 1}</span> ${inline(quiz.question)}</legend>\n`;
  html += '<ul class="fl-quiz-options">\n';
  quiz.options.forEach((o, i) => {
    const inputId = `${base}-option-${i + 1}`;
    const explId = `${inputId}-explanation`;
    const verdict = o.correct ? 'Correct.' : 'Not quite.';
    html +=
      `<li class="fl-quiz-option">` +
      `<input type="radio" id="${escapeHtml(inputId)}" name="${escapeHtml(base)}" value="${i}" ` +
      `data-quiz="${n}" data-option="${i}" data-correct="${o.correct}" aria-describedby="${escapeHtml(explId)}">` +
      `<label for="${escapeHtml(inputId)}">${inline(o.text)}</label>` +
      `<p class="fl-quiz-explanation" id="${escapeHtml(explId)}" data-correct="${o.correct}" hidden>` +
      `<strong>${verdict}</strong> ${inline(o.explanation)}</p>` +
      `</li>\n`;
  });
  html += '</ul>\n';
  html += '<p class="fl-quiz-feedback" role="status" aria-live="polite"></p>\n';
  html += '</fieldset>\n';
  return html;
}

/** Renders a lesson to an HTML fragment (an `<article>`), safe for a strict-CSP webview. */
export function renderLessonHtml(lesson: RenderableLesson, opts: RenderOptions = {}): string {
  const md = lessonRenderer();
  const env: RenderEnv = {
    lessonId: lesson.id,
    quizCount: 0,
    ids: new Set(),
    badLabel: opts.badLabel ?? 'Fragile',
    goodLabel: opts.goodLabel ?? 'Robust',
  };
  let html = `<article class="fl-lesson" data-lesson-id="${escapeHtml(lesson.id)}">\n`;
  if (opts.includeHeader !== false) {
    env.ids.add('lesson-title');
    html += `<header class="fl-lesson-header">\n<h1 id="lesson-title">${escapeHtml(lesson.title)}</h1>\n`;
    html += `<p class="fl-lesson-summary">${md.renderInline(lesson.summary, env)}</p>\n</header>\n`;
  }
  html += md.render(lesson.body, env);
  html += '</article>\n';
  return html;
}
