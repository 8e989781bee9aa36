import assert from 'node:assert/strict';
import {
  LIMITS,
  savedStateSchema,
  validateHostMessage,
  validateWebviewMessage,
  type WebviewMessage,
} from '../../src/webview/protocol/messages';

function rejected(result: { ok: boolean; error?: string }, fragment: string): void {
  assert.equal(result.ok, false, 'expected the message to be rejected');
  assert.match((result as { error: string }).error, new RegExp(fragment));
}

describe('lessons panel protocol: messages from the webview', () => {
  const valid: WebviewMessage[] = [
    { type: 'ready' },
    { type: 'navigated', target: { lesson: 'cap', section: 'the-idea', view: 'lesson' }, snippetShown: false },
    { type: 'navigated', target: { lesson: 'cap', view: 'lab', scenario: 'partition-cp-vs-ap' }, snippetShown: true },
    { type: 'quizAnswered', lesson: 'cap', quiz: 0, option: 2 },
    { type: 'lessonCompleted', lesson: 'pacelc', completed: true },
    { type: 'search', query: 'idempotency key' },
    { type: 'openExternal', url: 'https://pbs.cs.berkeley.edu/pbs-vldb2012.pdf' },
    { type: 'resetProgress' },
    { type: 'reportError', message: 'TypeError: x is undefined' },
  ];

  for (const message of valid) {
    it(`accepts a well-formed "${message.type}" and returns an equal copy`, () => {
      const result = validateWebviewMessage(structuredClone(message));
      assert.ok(result.ok, !result.ok ? result.error : '');
      assert.deepEqual(result.value, message);
    });
  }

  it('rejects values that are not objects', () => {
    for (const value of [undefined, null, 42, 'ready', true, [], [{ type: 'ready' }]]) {
      rejected(validateWebviewMessage(value), 'expected object');
    }
  });

  it('rejects a missing or non-string type', () => {
    rejected(validateWebviewMessage({}), 'type: missing or not a string');
    rejected(validateWebviewMessage({ type: 7 }), 'type: missing or not a string');
    rejected(validateWebviewMessage({ type: ['ready'] }), 'type: missing or not a string');
  });

  it('rejects unknown types, including names that exist on Object.prototype', () => {
    for (const type of ['runCommand', 'READY', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '']) {
      rejected(validateWebviewMessage({ type }), 'unknown message type');
    }
  });

  it('rejects fields of the wrong type', () => {
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: '0', option: 1 }), 'quiz: expected integer, got string');
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: 0.5, option: 1 }), 'quiz: expected integer');
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: Number.NaN, option: 1 }), 'quiz: expected integer');
    rejected(validateWebviewMessage({ type: 'lessonCompleted', lesson: 'cap', completed: 'yes' }), 'completed: expected boolean');
    rejected(validateWebviewMessage({ type: 'search', query: { length: 3 } }), 'query: expected string, got object');
    rejected(validateWebviewMessage({ type: 'navigated', target: 'cap', snippetShown: false }), 'target: expected object, got string');
    rejected(validateWebviewMessage({ type: 'navigated', target: { lesson: 'cap', view: 'editor' }, snippetShown: false }), 'view: expected one of');
  });

  it('rejects missing required fields and null in place of optional ones', () => {
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: 0 }), 'option: missing');
    rejected(validateWebviewMessage({ type: 'navigated', snippetShown: true }), 'target: missing');
    rejected(validateWebviewMessage({ type: 'navigated', target: { section: 'quiz' }, snippetShown: true }), 'lesson: missing');
    rejected(validateWebviewMessage({ type: 'navigated', target: { lesson: 'cap', section: null }, snippetShown: true }), 'section: expected string, got null');
  });

  it('rejects numbers out of range', () => {
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: -1, option: 0 }), 'out of range');
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: LIMITS.quizzes, option: 0 }), 'out of range');
    rejected(validateWebviewMessage({ type: 'quizAnswered', lesson: 'cap', quiz: 0, option: 1e9 }), 'out of range');
  });

  it('rejects oversized strings', () => {
    rejected(validateWebviewMessage({ type: 'search', query: 'a'.repeat(LIMITS.query + 1) }), `longer than ${LIMITS.query}`);
    rejected(validateWebviewMessage({ type: 'reportError', message: 'x'.repeat(LIMITS.errorMessage + 1) }), 'longer than');
    rejected(validateWebviewMessage({ type: 'lessonCompleted', lesson: 'a'.repeat(LIMITS.id + 1), completed: true }), 'longer than');
    rejected(validateWebviewMessage({ type: 'openExternal', url: `https://example.com/${'a'.repeat(LIMITS.url)}` }), 'longer than');
  });

  it('rejects ids that are not kebab-case (path tricks, markup, empty)', () => {
    for (const lesson of ['', '../etc/passwd', 'CAP', 'cap lesson', '<img src=x>', 'cap-', 'cap\u0000']) {
      rejected(validateWebviewMessage({ type: 'lessonCompleted', lesson, completed: true }), 'lesson');
    }
  });

  it('only lets http(s) URLs through openExternal', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://x', 'https://', 'https://exa mple.com', '//example.com']) {
      rejected(validateWebviewMessage({ type: 'openExternal', url }), 'url');
    }
  });

  it('rejects unknown extra keys instead of silently dropping them', () => {
    rejected(validateWebviewMessage({ type: 'ready', command: 'workbench.action.reloadWindow' }), 'command: unexpected key');
    rejected(validateWebviewMessage({ type: 'navigated', target: { lesson: 'cap', file: '/etc/passwd' }, snippetShown: false }), 'file: unexpected key');
  });

  it('rejects prototype-pollution keys at any depth and does not pollute', () => {
    const top = JSON.parse('{"type":"ready","__proto__":{"polluted":true}}');
    rejected(validateWebviewMessage(top), '__proto__: forbidden key');
    const nested = JSON.parse('{"type":"navigated","snippetShown":false,"target":{"lesson":"cap","__proto__":{"polluted":true}}}');
    rejected(validateWebviewMessage(nested), '__proto__: forbidden key');
    rejected(validateWebviewMessage({ type: 'navigated', snippetShown: false, target: { lesson: 'cap', constructor: { prototype: {} } } }), 'constructor: forbidden key');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('rejects objects that are not plain (class instances, arrays posing as objects)', () => {
    class Fake {
      type = 'ready';
    }
    rejected(validateWebviewMessage(new Fake()), 'expected a plain object');
    rejected(validateWebviewMessage({ type: 'navigated', target: ['cap'], snippetShown: false }), 'target: expected object, got array');
  });
});

describe('lessons panel protocol: messages to the webview', () => {
  const lesson = {
    id: 'cap',
    title: 'CAP',
    order: 10,
    summary: 'Consistency or availability, during a partition.',
    sections: [{ slug: 'the-idea', title: 'The idea' }],
    scenarios: ['partition-cp-vs-ap'],
    quizCount: 1,
    html: '<article class="fl-lesson"></article>',
  };
  const progress = { completed: ['cap'], quizzes: [{ lesson: 'cap', quiz: 0, option: 1, correct: true }] };

  it('accepts init, navigate, progress and searchResults', () => {
    for (const message of [
      { type: 'init', lessons: [lesson], ruleLessons: [{ rule: 'no-timeout', lesson: 'cap' }], progress, target: { lesson: 'cap' } },
      { type: 'navigate', target: { lesson: 'cap', section: 'the-idea' }, snippet: { code: 'await fetch(url)', language: 'typescript', fix: 'await fetch(url, { signal })', ruleId: 'no-timeout' } },
      { type: 'progress', progress },
      { type: 'searchResults', query: 'cap', hits: [{ lesson: 'cap', section: 'the-idea', title: 'CAP › The idea', excerpt: '…partition…' }] },
    ]) {
      const result = validateHostMessage(message);
      assert.ok(result.ok, !result.ok ? result.error : '');
      assert.deepEqual(result.value, message);
    }
  });

  it('rejects a snippet that is too large or has a strange language id', () => {
    const big = { type: 'navigate', target: { lesson: 'cap' }, snippet: { code: 'x'.repeat(LIMITS.code + 1), language: 'ts' } };
    rejected(validateHostMessage(big), 'snippet.code: longer than');
    const lang = { type: 'navigate', target: { lesson: 'cap' }, snippet: { code: 'x', language: 'ts"><script>' } };
    rejected(validateHostMessage(lang), 'language: does not match');
  });

  it('rejects malformed lessons and progress', () => {
    rejected(validateHostMessage({ type: 'init', lessons: [{ ...lesson, fallacy: 9 }], ruleLessons: [], progress }), 'fallacy: out of range');
    rejected(validateHostMessage({ type: 'init', lessons: [{ ...lesson, html: 42 }], ruleLessons: [], progress }), 'html: expected string');
    rejected(validateHostMessage({ type: 'init', lessons: lesson, ruleLessons: [], progress }), 'lessons: expected array');
    rejected(validateHostMessage({ type: 'progress', progress: { completed: 'cap', quizzes: [] } }), 'completed: expected array');
    rejected(validateHostMessage({ type: 'progress', progress: { completed: [], quizzes: [{ lesson: 'cap', quiz: 0, option: 0 }] } }), 'correct: missing');
    const tooMany = { type: 'init', lessons: Array.from({ length: LIMITS.lessons + 1 }, () => lesson), ruleLessons: [], progress };
    rejected(validateHostMessage(tooMany), `more than ${LIMITS.lessons} items`);
  });

  it('rejects a message type only the webview sends', () => {
    rejected(validateHostMessage({ type: 'ready' }), 'unknown message type');
  });
});

describe('lessons panel protocol: saved webview state', () => {
  it('accepts a saved state and keeps the opaque lab settings for the webview to check', () => {
    const state = { target: { lesson: 'cap', view: 'lab', scenario: 'partition-cp-vs-ap' }, lab: { n: 3 } };
    assert.deepEqual(savedStateSchema(state, 'state'), state);
  });

  it('rejects a state with a forged target', () => {
    assert.throws(() => savedStateSchema({ target: { lesson: '../../x' } }, 'state'), /lesson/);
    assert.throws(() => savedStateSchema({ target: { lesson: 'cap' }, extra: 1 }, 'state'), /unexpected key/);
  });
});
