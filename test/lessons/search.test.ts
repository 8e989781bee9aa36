import assert from 'node:assert/strict';
import { join } from 'node:path';
import { searchLessons, type Lesson } from '../../src/lessons';
import { loadLessons } from '../../src/lessons/load';

describe('searchLessons', () => {
  let lessons: Lesson[];
  before(() => {
    lessons = loadLessons(join(__dirname, '..', '..', 'lessons'));
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    assert.deepEqual(searchLessons(lessons, ''), []);
    assert.deepEqual(searchLessons(lessons, '  -- ?'), []);
  });

  it('ranks the lesson about a topic first, with a section and a snippet', () => {
    const hits = searchLessons(lessons, 'idempotency key');
    assert.ok(hits.length > 0);
    assert.equal(hits[0]!.lessonId, 'idempotency-keys');
    assert.ok(hits[0]!.sectionSlug === null || lessons.find((l) => l.id === 'idempotency-keys')!.anchors.includes(hits[0]!.sectionSlug));
    assert.match(hits[0]!.snippet.toLowerCase(), /idempoten/);
  });

  it('matches word prefixes as the user types', () => {
    assert.equal(searchLessons(lessons, 'idempot')[0]?.lessonId, 'idempotency-keys');
    assert.equal(searchLessons(lessons, 'PACEL')[0]?.lessonId, 'pacelc');
  });

  it('requires every query word to match', () => {
    const hits = searchLessons(lessons, 'jitter zzzyyyxxx');
    assert.deepEqual(hits, []);
  });

  it('finds code and quiz text', () => {
    const hits = searchLessons(lessons, 'AbortSignal.any');
    assert.ok(hits.some((h) => h.sectionSlug === 'in-code'), JSON.stringify(hits.slice(0, 3)));
    assert.ok(searchLessons(lessons, 's3mper').some((h) => h.lessonId === 'eventual-consistency'));
  });

  it('finds a lesson by its rule id', () => {
    assert.ok(searchLessons(lessons, 'unbounded-fanout').slice(0, 3).some((h) => h.lessonId === 'fallacy-3-infinite-bandwidth'));
  });

  it('respects limit and perLesson, and sorts by score', () => {
    const hits = searchLessons(lessons, 'timeout', { limit: 5, perLesson: 1 });
    assert.ok(hits.length <= 5);
    assert.equal(new Set(hits.map((h) => h.lessonId)).size, hits.length);
    for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1]!.score >= hits[i]!.score);
  });

  it('keeps snippets short and marks cuts', () => {
    for (const h of searchLessons(lessons, 'replica')) {
      assert.ok(h.snippet.length <= 170, h.snippet);
    }
  });
});
