import assert from 'node:assert/strict';
import { LessonFormatError, parseLesson, parseQuizBlock, slugify, classifyHref } from '../../src/lessons';

const GOOD = [
  '---',
  'id: sample',
  'title: "Sample: a lesson"',
  'order: 3        # position in the table of contents',
  'fallacy: 2',
  'rules: [no-timeout, request-in-loop]',
  'scenarios: []',
  'summary: A lesson used by the parser tests, with a # in it.',
  '---',
  '',
  '## The idea',
  '',
  'See [CAP](lesson:cap#the-idea), [no-timeout](rule:no-timeout), [lab](scenario:wan-replica),',
  '[above](#the-idea) and [MDN](https://developer.mozilla.org/).',
  '',
  '### A detail',
  '',
  '## In code',
  '',
  '```ts bad',
  'await fetch(url);',
  '```',
  '',
  '```ts good',
  'await fetch(url, { signal: AbortSignal.timeout(5_000) });',
  '```',
  '',
  '## Quiz',
  '',
  '```quiz',
  'Q: Which call is bounded?',
  '- [ ] `fetch(url)` :: fetch has no deadline by default.',
  '- [x] `fetch(url, { signal })` :: the signal aborts it; see [timeouts](lesson:timeouts-and-deadlines).',
  '  This explanation continues on an indented line.',
  '```',
  '',
].join('\n');

/** Replaces line `n` (1-based) of GOOD, or inserts before it with `insert`. */
function variant(n: number, text: string | null, insert = false): string {
  const lines = GOOD.split('\n');
  if (insert) lines.splice(n - 1, 0, text ?? '');
  else if (text === null) lines.splice(n - 1, 1);
  else lines[n - 1] = text;
  return lines.join('\n');
}

function expectError(text: string, line: number, pattern: RegExp, file = 'sample.md'): void {
  assert.throws(
    () => parseLesson(file, text),
    (err: unknown) => {
      assert.ok(err instanceof LessonFormatError, `expected LessonFormatError, got ${String(err)}`);
      assert.equal(err.file, file);
      assert.equal(err.line, line, `line of: ${err.message}`);
      assert.match(err.message, new RegExp(`^${file.replace('.', '\\.')}:${line}: `));
      assert.match(err.detail, pattern);
      return true;
    },
  );
}

describe('parseLesson', () => {
  it('parses front matter, sections, anchors, quizzes and links', () => {
    const l = parseLesson('sample.md', GOOD);
    assert.equal(l.id, 'sample');
    assert.equal(l.title, 'Sample: a lesson');
    assert.equal(l.order, 3);
    assert.equal(l.fallacy, 2);
    assert.deepEqual(l.rules, ['no-timeout', 'request-in-loop']);
    assert.deepEqual(l.scenarios, []);
    assert.equal(l.summary, 'A lesson used by the parser tests, with a # in it.');
    assert.deepEqual(
      l.sections.map((s) => [s.slug, s.title, s.line]),
      [
        ['the-idea', 'The idea', 11],
        ['in-code', 'In code', 18],
        ['quiz', 'Quiz', 28],
      ],
    );
    assert.deepEqual(l.anchors, ['the-idea', 'a-detail', 'in-code', 'quiz']);
    assert.equal(l.bodyLine, 10);
    assert.ok(l.body.startsWith('\n## The idea'));
    assert.equal(l.quizzes.length, 1);
    const q = l.quizzes[0]!;
    assert.equal(q.question, 'Which call is bounded?');
    assert.equal(q.line, 30);
    assert.deepEqual(
      q.options.map((o) => o.correct),
      [false, true],
    );
    assert.match(q.options[1]!.explanation, /see \[timeouts\]\(lesson:timeouts-and-deadlines\)\. This explanation continues/);
    assert.deepEqual(
      l.links.map((k) => [k.kind, k.target, k.section ?? null, k.line]),
      [
        ['lesson', 'cap', 'the-idea', 13],
        ['rule', 'no-timeout', null, 13],
        ['scenario', 'wan-replica', null, 13],
        ['anchor', '', 'the-idea', 13],
        ['external', 'https://developer.mozilla.org/', null, 13],
        ['lesson', 'timeouts-and-deadlines', null, 30],
      ],
    );
  });

  it('accepts CRLF line endings and a byte-order mark', () => {
    const l = parseLesson('sample.md', '\uFEFF' + GOOD.replace(/\n/g, '\r\n'));
    assert.equal(l.id, 'sample');
    assert.equal(l.sections[0]!.line, 11);
  });

  it('leaves fallacy undefined when absent', () => {
    assert.equal(parseLesson('sample.md', variant(5, null)).fallacy, undefined);
  });

  describe('front-matter errors name the file and line', () => {
    it('no opening ---', () => expectError(GOOD.slice(4), 1, /first line must be "---"/));
    it('no closing ---', () => expectError(GOOD.split('\n').slice(0, 8).join('\n'), 8, /not closed/));
    it('unknown key', () => expectError(variant(7, 'scenario: []'), 7, /unknown front-matter key "scenario"/));
    it('duplicate key', () => expectError(variant(8, 'order: 4', true), 8, /duplicate front-matter key "order" \(first set on line 4\)/));
    it('integer that is not one', () => expectError(variant(4, 'order: three'), 4, /"order" must be an integer/));
    it('fallacy out of range', () => expectError(variant(5, 'fallacy: 9'), 5, /between 1 and 8/));
    it('list without brackets', () => expectError(variant(6, 'rules: no-timeout'), 6, /must be a list like \[a, b\]/));
    it('list with a bad id', () => expectError(variant(6, 'rules: [No_Timeout]'), 6, /not a kebab-case id/));
    it('list with a duplicate', () => expectError(variant(6, 'rules: [no-timeout, no-timeout]'), 6, /lists "no-timeout" twice/));
    it('list with an empty item', () => expectError(variant(6, 'rules: [no-timeout, ]'), 6, /empty list item/));
    it('empty value', () => expectError(variant(3, 'title:'), 3, /"title" has no value/));
    it('broken quoted string', () => expectError(variant(3, 'title: "unterminated'), 3, /double-quoted string/));
    it('indented line', () => expectError(variant(3, '  title: x'), 3, /unexpected indentation/));
    it('line that is not key: value', () => expectError(variant(3, 'just words'), 3, /expected "key: value"/));
    it('missing required key', () => expectError(variant(8, null), 8, /missing required key "summary"/));
    it('id that does not match the file name', () =>
      expectError(GOOD, 2, /"id" is "sample" but the file is named "other\.md"/, 'other.md'));
  });

  describe('body errors name the file and line', () => {
    it('a # heading', () => expectError(variant(11, '# The idea'), 11, /do not use "#" headings/));
    it('two headings with the same anchor', () => expectError(variant(16, '### The idea!'), 16, /same anchor "the-idea" as the heading on line 11/));
    it('a heading without letters', () => expectError(variant(16, '### ---!'), 16, /no letters or digits/));
    it('a bad block not followed by a good block', () => expectError(variant(24, '```ts'), 20, /must be followed directly by its "ts good" block/));
    it('a good block without a bad block', () => expectError(variant(20, '```ts'), 24, /must come directly after/));
    it('a malformed lesson link', () => expectError(variant(13, 'See [x](lesson:Bad_Id).'), 13, /bad link "lesson:Bad_Id"/));
    it('a quiz without "Q:"', () => expectError(variant(31, 'Which call is bounded?'), 31, /starts with "Q: question text"/));
    it('a quiz option without an explanation', () => expectError(variant(32, '- [ ] `fetch(url)`'), 32, /needs an explanation/));
    it('a quiz with two correct options', () => expectError(variant(32, '- [x] `fetch(url)` :: also right?'), 33, /exactly one correct option.*found 2/));
    it('a quiz with no correct option', () => expectError(variant(33, '- [ ] `fetch(url, { signal })` :: hmm'), 31, /found 0/));
    it('a quiz with one option', () => expectError(variant(33, null), 31, /at least 2 options, found 1/));
  });
});

describe('parseQuizBlock', () => {
  it('joins continuation lines of the question', () => {
    const r = parseQuizBlock('Q: first part\nsecond part\n- [ ] a :: no\n- [X] b :: yes\n');
    assert.ok(r.ok);
    assert.equal(r.quiz.question, 'first part second part');
    assert.equal(r.quiz.options[1]!.correct, true);
  });
  it('rejects an empty explanation', () => {
    const r = parseQuizBlock('Q: q\n- [ ] a :: \n- [x] b :: yes');
    assert.ok(!r.ok);
  });
});

describe('slugify and classifyHref', () => {
  it('makes stable ASCII anchors', () => {
    assert.equal(slugify('CAP — what you give up'), 'cap-what-you-give-up');
    assert.equal(slugify('Fallacy 1: `res.ok`?'), 'fallacy-1-res-ok');
    assert.equal(slugify('Café déjà vu'), 'cafe-deja-vu');
  });
  it('classifies links', () => {
    assert.deepEqual(classifyHref('lesson:cap#the-idea'), { kind: 'lesson', target: 'cap', section: 'the-idea' });
    assert.deepEqual(classifyHref('RULE:no-timeout'), { kind: 'rule', target: 'no-timeout' });
    assert.equal(classifyHref('javascript:alert(1)').kind, 'unsupported');
    assert.equal(classifyHref('data:text/html,x').kind, 'unsupported');
    assert.equal(classifyHref('command:workbench.action.quit').kind, 'unsupported');
    assert.equal(classifyHref('../etc/passwd').kind, 'unsupported');
    assert.equal(classifyHref('https://example.com/a').kind, 'external');
    assert.ok(classifyHref('scenario:Not Valid').error);
  });
});
