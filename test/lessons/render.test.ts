import assert from 'node:assert/strict';
import { parseLesson, renderLessonHtml, type RenderableLesson } from '../../src/lessons';
import { assertInert, tagsOf } from './html-safety';

function lesson(body: string, extra: Partial<RenderableLesson> = {}): RenderableLesson {
  return { id: 'demo', title: 'Demo', summary: 'A demo.', body, ...extra };
}

describe('renderLessonHtml: sanitising', () => {
  it('escapes raw HTML blocks and inline HTML', () => {
    const html = renderLessonHtml(
      lesson('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <b onmouseover="x()">bold</b>.\n\n<div style="color:red">x</div>\n'),
    );
    assertInert(html);
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(html.includes('&lt;div style=&quot;color:red&quot;&gt;'));
  });

  it('drops javascript:, data:, vbscript:, file:, command: and relative links, keeping their text', () => {
    const body = [
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=)',
      '[d](vbscript:x) [e](file:///etc/passwd) [f](command:workbench.action.quit) [g](../secret.md)',
      '<javascript:alert(2)> [h](java&#x09;script:alert(3)) [i][ref]',
      '',
      '[ref]: javascript:alert(4)',
    ].join('\n');
    const html = renderLessonHtml(lesson(body));
    assertInert(html);
    assert.equal(tagsOf(html).filter((t) => t.name === 'a').length, 0, html);
    for (const text of ['>a', ' b ', ' c', ' d ', ' e ', ' f ', ' g', ' i']) assert.ok(html.includes(text.trim()));
  });

  it('renders images as their alt text only', () => {
    const html = renderLessonHtml(lesson('![tracking pixel](https://evil.example/p.png) ![x](javascript:alert(1))'));
    assertInert(html);
    assert.ok(html.includes('<span class="fl-image-alt">tracking pixel</span>'));
  });

  it('escapes attribute values of link titles and fence info strings', () => {
    const html = renderLessonHtml(
      lesson('[x](https://example.com "a\\" onmouseover=\\"alert(1)")\n\n```ts" onmouseover="alert(1)\ncode\n```\n'),
    );
    assertInert(html);
    assert.ok(html.includes('title="a&quot; onmouseover=&quot;alert(1)"'));
    assert.ok(html.includes('<pre><code>code'));
  });

  it('escapes the title and summary, and HTML inside quizzes', () => {
    const html = renderLessonHtml(
      lesson('## Quiz\n\n```quiz\nQ: <img src=x onerror=alert(1)>?\n- [ ] <script>a</script> :: [x](javascript:alert(1))\n- [x] ok :: <b onclick=x>fine</b>\n```\n', {
        title: '<script>alert(1)</script>',
        summary: '<img src=x onerror=alert(1)>',
      }),
    );
    assertInert(html);
    assert.ok(html.includes('<h1 id="lesson-title">&lt;script&gt;alert(1)&lt;/script&gt;</h1>'));
  });

  it('does not let a lesson id break out of attributes', () => {
    const html = renderLessonHtml(lesson('## Quiz\n\n```quiz\nQ: q\n- [ ] a :: no\n- [x] b :: yes\n```\n', { id: '"><script>x</script>' }));
    assertInert(html);
  });
});

describe('renderLessonHtml: structure', () => {
  const text = [
    '---',
    'id: demo',
    'title: Demo',
    'order: 1',
    'rules: [no-timeout]',
    'scenarios: [wan-replica]',
    'summary: A `demo` lesson.',
    '---',
    '## The idea',
    '',
    'Read [CAP](lesson:cap#the-idea), [the lesson](lesson:pacelc), [rule](rule:no-timeout),',
    '[lab](scenario:wan-replica), [below](#in-code) and [MDN](https://developer.mozilla.org/).',
    '',
    '### Deeper',
    '',
    '## In code',
    '',
    '```ts bad',
    'await fetch(url);',
    '```',
    '```ts good',
    'await fetch(url, { signal: AbortSignal.timeout(1_000) });',
    '```',
    '',
    '```ts',
    'const plain = 1 < 2;',
    '```',
    '',
    '## Quiz',
    '',
    '```quiz',
    'Q: Pick `b`.',
    '- [ ] a :: not this one',
    '- [x] b :: this one, see [CAP](lesson:cap)',
    '- [ ] c :: not this one either',
    '```',
    '',
  ].join('\n');
  const html = renderLessonHtml(parseLesson('demo.md', text));

  it('is inert', () => assertInert(html));

  it('wraps the lesson in an article with a header', () => {
    assert.match(html, /^<article class="fl-lesson" data-lesson-id="demo">/);
    assert.ok(html.includes('<p class="fl-lesson-summary">A <code>demo</code> lesson.</p>'));
    assert.ok(html.trimEnd().endsWith('</article>'));
    assert.ok(!renderLessonHtml(parseLesson('demo.md', text), { includeHeader: false }).includes('<h1'));
  });

  it('gives headings their slug as id', () => {
    for (const [tag, id] of [['h2', 'the-idea'], ['h3', 'deeper'], ['h2', 'in-code'], ['h2', 'quiz']]) {
      assert.ok(html.includes(`<${tag} id="${id}">`), `${tag}#${id}`);
    }
  });

  it('rewrites internal links to data attributes with href="#"', () => {
    assert.ok(html.includes('<a href="#" data-lesson="cap" data-section="the-idea" class="fl-link fl-link-lesson">CAP</a>'));
    assert.ok(html.includes('<a href="#" data-lesson="pacelc" class="fl-link fl-link-lesson">the lesson</a>'));
    assert.ok(html.includes('<a href="#" data-rule="no-timeout" class="fl-link fl-link-rule">rule</a>'));
    assert.ok(html.includes('<a href="#" data-scenario="wan-replica" class="fl-link fl-link-scenario">lab</a>'));
    assert.ok(html.includes('<a href="#" data-lesson="demo" data-section="in-code" class="fl-link fl-link-anchor">below</a>'));
  });

  it('marks http(s) links as external', () => {
    assert.ok(
      html.includes('<a href="https://developer.mozilla.org/" data-external="" rel="noopener noreferrer" class="fl-link fl-link-external">MDN</a>'),
    );
  });

  it('renders a bad/good pair as one side-by-side figure, and other code as plain blocks', () => {
    const figure = /<figure class="fl-compare"[^>]*>\s*<div class="fl-compare-side fl-compare-bad"[^>]*>.*?<code class="language-ts">await fetch\(url\);\s*<\/code><\/pre><\/div>\s*<div class="fl-compare-side fl-compare-good"[^>]*>.*?AbortSignal\.timeout.*?<\/div>\s*<\/figure>/s;
    assert.match(html, figure);
    assert.equal((html.match(/<figure/g) ?? []).length, 1);
    assert.ok(html.includes('<pre><code class="language-ts">const plain = 1 &lt; 2;\n</code></pre>'));
  });

  it('renders quizzes as a fieldset with a legend, radio inputs and hidden explanations', () => {
    const quiz = html.slice(html.indexOf('<fieldset'), html.indexOf('</fieldset>') + 11);
    assert.match(quiz, /<fieldset class="fl-quiz" id="quiz-demo-1" data-quiz="0">/);
    assert.match(quiz, /<legend><span class="fl-quiz-number">Question 1<\/span> Pick <code>b<\/code>\.<\/legend>/);
    const inputs = quiz.match(/<input [^>]*>/g) ?? [];
    assert.equal(inputs.length, 3);
    for (const [i, input] of inputs.entries()) {
      assert.match(input, /type="radio"/);
      assert.match(input, /name="quiz-demo-1"/);
      assert.match(input, new RegExp(`data-option="${i}"`));
      assert.match(input, new RegExp(`aria-describedby="quiz-demo-1-option-${i + 1}-explanation"`));
    }
    assert.deepEqual(inputs.map((s) => /data-correct="true"/.test(s)), [false, true, false]);
    assert.equal((quiz.match(/<label for="quiz-demo-1-option-\d">/g) ?? []).length, 3);
    const explanations = quiz.match(/<p class="fl-quiz-explanation"[^>]*>/g) ?? [];
    assert.equal(explanations.length, 3);
    for (const p of explanations) assert.match(p, /\shidden>$/);
    assert.ok(quiz.includes('<a href="#" data-lesson="cap" class="fl-link fl-link-lesson">CAP</a>'));
    assert.match(quiz, /<p class="fl-quiz-feedback" role="status" aria-live="polite"><\/p>/);
  });

  it('is deterministic', () => {
    assert.equal(renderLessonHtml(parseLesson('demo.md', text)), html);
  });
});
