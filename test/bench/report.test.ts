import * as assert from 'node:assert/strict';
import { findSection, HISTORY_END, HISTORY_START, RESULTS_END, RESULTS_START, updateSection } from '../../bench/lib/report';

const TEMPLATE = `## Repository scan

Intro.

${RESULTS_START}
${RESULTS_END}

${HISTORY_START}
| date | x |
| --- | --- |
${HISTORY_END}
`;

describe('bench: BENCHMARKS.md section writer', () => {
  it('creates the document and the section when missing', () => {
    const doc = updateSection('', TEMPLATE, [{ key: 'synthetic', body: 'figures A' }], ['| 1 | a |']);
    assert.match(doc, /^# Benchmarks\n\n## Repository scan\n/);
    assert.match(doc, /figures A/);
    assert.match(doc, /\| --- \| --- \|\n\| 1 \| a \|\n<!-- repository-scan:history:end -->/);
  });

  it('replaces only its own results, appends history, and leaves other sections and notes alone', () => {
    const first = updateSection('# Benchmarks\n\n## Simulator\n\nsim figures\n', TEMPLATE, [{ key: 'synthetic', body: 'figures A' }, { key: 'node_modules', body: 'figures NM' }], ['| 1 | a |']);
    const withNotes = first.replace('Intro.', 'Intro.\n\n### What each step bought\n\nhand-written') + '\n## Editor\n\neditor figures\n';
    const second = updateSection(withNotes, TEMPLATE, [{ key: 'synthetic', body: 'figures B' }], ['| 2 | b |']);
    assert.doesNotMatch(second, /figures A/);
    assert.match(second, /figures B/);
    assert.match(second, /figures NM/);
    assert.match(second, /\| 1 \| a \|\n\| 2 \| b \|/);
    assert.match(second, /## Simulator\n\nsim figures\n/);
    assert.match(second, /## Editor\n\neditor figures\n/);
    assert.match(second, /hand-written/);
    assert.equal(second.split('## Repository scan').length, 2);
    const sec = findSection(second, '## Repository scan')!;
    assert.ok(!second.slice(sec.start, sec.end).includes('editor figures'));
  });
});
