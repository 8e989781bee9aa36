import assert from 'node:assert/strict';
import { parseOpenRequest } from '../../src/extension/lessons-panel/open-request';
import { PROGRESS_KEY, ProgressStore, type ProgressMemento } from '../../src/extension/lessons-panel/progress-store';

describe('lessons panel: "open lessons" arguments', () => {
  const parse = (args: unknown) => {
    const problems: string[] = [];
    return { request: parseOpenRequest(args, (p) => problems.push(p)), problems };
  };

  it('keeps well-formed fields and attaches the rule id to the snippet', () => {
    const { request, problems } = parse({ ruleId: 'no-timeout', section: 'in-code', snippet: { code: 'fetch(u)', language: 'typescript', fix: 'fetch(u, { signal })' } });
    assert.deepEqual(request, { ruleId: 'no-timeout', section: 'in-code', snippet: { code: 'fetch(u)', language: 'typescript', fix: 'fetch(u, { signal })', ruleId: 'no-timeout' } });
    assert.deepEqual(problems, []);
  });

  it('drops bad fields one by one and reports each', () => {
    const { request, problems } = parse({ lesson: 'cap', section: '../x', snippet: { code: 1, language: 'ts' }, extra: 1 });
    assert.deepEqual(request, { lesson: 'cap' });
    assert.equal(problems.length, 3);
    assert.match(problems.join('\n'), /unknown argument "extra"/);
  });

  it('treats missing or non-object arguments as "just open"', () => {
    assert.deepEqual(parse(undefined).request, {});
    assert.deepEqual(parse(null).request, {});
    const { request, problems } = parse(['cap']);
    assert.deepEqual(request, {});
    assert.equal(problems.length, 1);
  });

  it('refuses a snippet that brings its own rule id', () => {
    const { request } = parse({ snippet: { code: 'x', language: 'ts', ruleId: 'no-retry' } });
    assert.equal(request.snippet, undefined);
  });
});

describe('lessons panel: progress store', () => {
  function memento(initial?: unknown): ProgressMemento & { value: unknown } {
    const m = {
      value: initial,
      get<T>(key: string): T | undefined {
        assert.equal(key, PROGRESS_KEY);
        return m.value as T | undefined;
      },
      update(_key: string, value: unknown) {
        m.value = JSON.parse(JSON.stringify(value));
        return Promise.resolve();
      },
    };
    return m;
  }

  it('records completion and keeps only the latest answer per question', async () => {
    const store = new ProgressStore(memento(), () => assert.fail('not corrupt'));
    await store.setCompleted('cap', true);
    await store.recordQuiz({ lesson: 'cap', quiz: 0, option: 1, correct: false });
    const after = await store.recordQuiz({ lesson: 'cap', quiz: 0, option: 2, correct: true });
    assert.deepEqual(after, { completed: ['cap'], quizzes: [{ lesson: 'cap', quiz: 0, option: 2, correct: true }] });
    assert.deepEqual((await store.setCompleted('cap', false)).completed, []);
    assert.deepEqual(await store.reset(), { completed: [], quizzes: [] });
  });

  it('treats stored data that fails the schema as no progress, and says so', () => {
    const problems: string[] = [];
    const store = new ProgressStore(memento({ completed: 'cap', quizzes: [] }), (p) => problems.push(p));
    assert.deepEqual(store.read(), { completed: [], quizzes: [] });
    assert.equal(problems.length, 1);
  });
});
