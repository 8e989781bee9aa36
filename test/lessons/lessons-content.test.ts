/**
 * Checks the shipped lessons in `lessons/` against the format, against each other, against the analyzer's
 * rule catalogue and against the simulator's scenario list. Every check here can fail on real content.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FALLACIES } from '../../src/analyzer/fallacies';
import {
  FALLACY_LESSON_IDS,
  LESSONS_WITHOUT_RULES,
  REQUIRED_LESSON_IDS,
  REQUIRED_SECTIONS,
  RULE_IDS,
  RULE_LESSONS,
  TRY_IT_SECTION,
  isRuleId,
  parseLesson,
  renderLessonHtml,
  type Lesson,
} from '../../src/lessons';
import { loadLessons } from '../../src/lessons/load';
import { listScenarioIds } from '../../src/simulator';
import { assertInert } from './html-safety';

const LESSONS_DIR = join(__dirname, '..', '..', 'lessons');

function proseWords(lesson: Lesson): number {
  return lesson.body
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** Body text of one `##` section (from its heading to the next `##`). */
function sectionText(lesson: Lesson, slug: string): string {
  const lines = lesson.body.split(/\r?\n/);
  const i = lesson.sections.findIndex((s) => s.slug === slug);
  assert.ok(i >= 0, `${lesson.file}: no section "${slug}"`);
  const from = lesson.sections[i]!.line - lesson.bodyLine;
  const next = lesson.sections[i + 1];
  const to = next ? next.line - lesson.bodyLine : lines.length;
  return lines.slice(from, to).join('\n');
}

describe('lesson content', () => {
  let lessons: Lesson[] = [];
  const byId = new Map<string, Lesson>();

  before(() => {
    lessons = loadLessons(LESSONS_DIR);
    for (const l of lessons) byId.set(l.id, l);
  });

  it('has every required lesson, and each one parses', () => {
    const files = new Set(readdirSync(LESSONS_DIR));
    const missing = REQUIRED_LESSON_IDS.filter((id) => !files.has(`${id}.md`));
    assert.deepEqual(missing, [], `missing lesson files: ${missing.join(', ')}`);
    for (const id of REQUIRED_LESSON_IDS) {
      const lesson = parseLesson(`${id}.md`, readFileSync(join(LESSONS_DIR, `${id}.md`), 'utf8'));
      assert.equal(lesson.id, id);
    }
  });

  it('has no lesson files besides the required ones (or the list above is out of date)', () => {
    const extra = lessons.map((l) => l.id).filter((id) => !(REQUIRED_LESSON_IDS as readonly string[]).includes(id));
    assert.deepEqual(extra, []);
  });

  it('covers fallacies 1..8 exactly once, in the lessons the analyzer links to', () => {
    const withFallacy = lessons.filter((l) => l.fallacy !== undefined);
    assert.deepEqual(
      withFallacy.map((l) => l.fallacy).sort((a, b) => a! - b!),
      [1, 2, 3, 4, 5, 6, 7, 8],
      'each fallacy number must appear on exactly one lesson',
    );
    for (const l of withFallacy) {
      const n = l.fallacy as keyof typeof FALLACIES;
      assert.equal(l.id, FALLACY_LESSON_IDS[n], `fallacy ${n} is on ${l.id}`);
      assert.equal(l.id, FALLACIES[n].lesson, `src/analyzer/fallacies.ts links fallacy ${n} to ${FALLACIES[n].lesson}`);
    }
  });

  it('links every analyzer rule to a primary lesson and to its fallacy lessons, which list it back', () => {
    for (const ruleId of RULE_IDS) {
      const { primary, fallacies } = RULE_LESSONS[ruleId];
      const lesson = byId.get(primary);
      assert.ok(lesson, `${ruleId}: primary lesson ${primary} does not exist`);
      assert.ok(lesson.rules.includes(ruleId), `${primary}.md must list ${ruleId} in "rules:"`);
      for (const n of fallacies) {
        const fid = FALLACY_LESSON_IDS[n]!;
        assert.ok(byId.get(fid)?.rules.includes(ruleId), `${fid}.md must list ${ruleId} in "rules:"`);
      }
    }
  });

  it('lists only real rule ids, and lists rules except where allowed not to', () => {
    for (const l of lessons) {
      for (const r of l.rules) assert.ok(isRuleId(r), `${l.file}: "${r}" is not an analyzer rule id`);
      if (!LESSONS_WITHOUT_RULES.includes(l.id)) {
        assert.ok(l.rules.length > 0, `${l.file}: "rules:" may only be empty on ${LESSONS_WITHOUT_RULES.join(', ')}`);
      }
    }
  });

  it('links every rule it lists from its body', () => {
    for (const l of lessons) {
      const linked = new Set(l.links.filter((k) => k.kind === 'rule').map((k) => k.target));
      for (const r of l.rules) assert.ok(linked.has(r), `${l.file}: lists ${r} but never links rule:${r}`);
    }
  });

  it('resolves every lesson: and #anchor link to an existing lesson and heading', () => {
    for (const l of lessons) {
      for (const link of l.links) {
        if (link.kind === 'lesson') {
          const target = byId.get(link.target);
          assert.ok(target, `${l.file}:${link.line}: ${link.href} — no lesson "${link.target}"`);
          if (link.section !== undefined) {
            assert.ok(
              target.anchors.includes(link.section),
              `${l.file}:${link.line}: ${link.href} — "${link.target}" has no heading "${link.section}" (has ${target.anchors.join(', ')})`,
            );
          }
        } else if (link.kind === 'anchor') {
          assert.ok(l.anchors.includes(link.section ?? ''), `${l.file}:${link.line}: ${link.href} — no such heading here`);
        }
      }
    }
  });

  it('uses only real rule ids in rule: links', () => {
    for (const l of lessons) {
      for (const link of l.links.filter((k) => k.kind === 'rule')) {
        assert.ok(isRuleId(link.target), `${l.file}:${link.line}: ${link.href} is not a rule`);
      }
    }
  });

  it('uses no link schemes other than lesson:, rule:, scenario:, #anchor and https', () => {
    for (const l of lessons) {
      for (const link of l.links) {
        assert.notEqual(link.kind, 'unsupported', `${l.file}:${link.line}: unsupported link ${link.href}`);
        if (link.kind === 'external') assert.match(link.href, /^https:\/\//, `${l.file}:${link.line}: use https`);
      }
    }
  });

  describe('scenarios', () => {
    it('every front-matter scenario and scenario: link is a simulator scenario', () => {
      const known = new Set<string>(listScenarioIds());
      assert.ok(known.size > 0, 'the simulator lists no scenarios');
      for (const l of lessons) {
        for (const s of l.scenarios) assert.ok(known.has(s), `${l.file}: scenario "${s}" is not in src/simulator`);
        for (const link of l.links.filter((k) => k.kind === 'scenario')) {
          assert.ok(known.has(link.target), `${l.file}:${link.line}: ${link.href} is not in src/simulator`);
        }
      }
    });

    it('front-matter scenarios and scenario: links agree', () => {
      for (const l of lessons) {
        const linked = [...new Set(l.links.filter((k) => k.kind === 'scenario').map((k) => k.target))].sort();
        assert.deepEqual(linked, [...l.scenarios].sort(), `${l.file}: "scenarios:" and the scenario: links differ`);
      }
    });

    it('the lessons named in the brief use their scenarios', () => {
      assert.ok(byId.get('cap')!.scenarios.includes('partition-cp-vs-ap'));
      for (const s of ['quorum-basics', 'read-your-writes']) assert.ok(byId.get('eventual-consistency')!.scenarios.includes(s));
      for (const s of ['wan-replica', 'cassandra-consistency-levels']) assert.ok(byId.get('pacelc')!.scenarios.includes(s));
    });
  });

  it('has the required sections in order, and "Try it" exactly when it lists scenarios', () => {
    for (const l of lessons) {
      const titles = l.sections.map((s) => s.title);
      const expected: string[] = [...REQUIRED_SECTIONS];
      if (l.scenarios.length > 0) expected.splice(expected.indexOf('Quiz'), 0, TRY_IT_SECTION);
      assert.deepEqual(titles, expected, `${l.file}: sections`);
    }
  });

  it('has a ```ts bad / ```ts good pair in "In code"', () => {
    for (const l of lessons) {
      const text = sectionText(l, 'in-code');
      assert.match(text, /```ts bad\r?\n[\s\S]*?```\s*```ts good\r?\n[\s\S]*?```/, `${l.file}: no bad/good pair in "In code"`);
    }
  });

  it('cites a source in "A real failure"', () => {
    for (const l of lessons) {
      const text = sectionText(l, 'a-real-failure');
      // An issue or PR number, an RFC/draft, or a dated publication.
      assert.match(text, /#\d+|RFC \d+|draft-|\b(19|20)\d\d\b/, `${l.file}: "A real failure" names no source`);
    }
  });

  it('has 2–4 quiz questions, all inside "Quiz", each with one correct option and an explanation per option', () => {
    for (const l of lessons) {
      assert.ok(l.quizzes.length >= 2 && l.quizzes.length <= 4, `${l.file}: ${l.quizzes.length} quiz questions`);
      const quizLine = l.sections.find((s) => s.slug === 'quiz')!.line;
      for (const q of l.quizzes) {
        assert.ok(q.line > quizLine, `${l.file}:${q.line}: quiz outside the Quiz section`);
        assert.ok(q.question.trim().length > 0);
        assert.ok(q.options.length >= 2, `${l.file}:${q.line}: fewer than 2 options`);
        assert.equal(q.options.filter((o) => o.correct).length, 1, `${l.file}:${q.line}: not exactly one correct option`);
        for (const o of q.options) {
          assert.ok(o.text.trim().length > 0, `${l.file}:${q.line}: empty option`);
          assert.ok(o.explanation.trim().length >= 10, `${l.file}:${q.line}: option "${o.text}" lacks a real explanation`);
        }
      }
    }
  });

  it('keeps the prose between 550 and 1300 words per lesson', () => {
    for (const l of lessons) {
      const n = proseWords(l);
      assert.ok(n >= 550 && n <= 1300, `${l.file}: ${n} words of prose`);
    }
  });

  it('has unique orders and a title and summary on every lesson', () => {
    const orders = lessons.map((l) => l.order);
    assert.equal(new Set(orders).size, orders.length);
    for (const l of lessons) {
      assert.ok(l.title.length > 0 && l.summary.length > 20, `${l.file}: title/summary`);
    }
  });

  it('renders every lesson to HTML without script, event handlers or style attributes', () => {
    for (const l of lessons) {
      const html = renderLessonHtml(l);
      assert.doesNotMatch(html, /<script/i, `${l.file}: <script`);
      assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, `${l.file}: on*= attribute`);
      assert.doesNotMatch(html, /<[^>]*\sstyle\s*=/i, `${l.file}: style attribute`);
      assertInert(html, l.file);
      assert.equal((html.match(/<fieldset class="fl-quiz"/g) ?? []).length, l.quizzes.length, `${l.file}: quiz count in HTML`);
      for (const a of l.anchors) assert.ok(html.includes(`id="${a}"`), `${l.file}: heading id ${a} not rendered`);
    }
  });
});
