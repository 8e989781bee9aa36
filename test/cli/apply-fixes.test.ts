import { strict as assert } from 'node:assert';
import { applyEdits, chooseFixes } from '../../src/cli/apply-fixes';
import type { Fix } from '../../src/analyzer/types';

const fix = (title: string, ...edits: Array<[number, number, string]>): Fix => ({
  title,
  edits: edits.map(([start, end, text]) => ({ range: [start, end], text })),
  safe: true,
  preferred: true,
});

describe('cli: --fix edits', () => {
  it('chooses non-overlapping, non-touching fixes in offset order', () => {
    const chosen = chooseFixes([fix('c', [20, 25, 'x']), fix('a', [0, 5, 'x']), fix('overlaps a', [3, 8, 'x']), fix('touches a', [5, 5, 'x']), fix('b', [10, 10, 'x'], [30, 31, 'y'])]);
    assert.deepEqual(chosen.map((f) => f.title), ['a', 'b', 'c']);
  });

  it('rejects a fix if any of its edits collides', () => {
    assert.deepEqual(chooseFixes([fix('a', [0, 2, '']), fix('b', [10, 10, ''], [1, 1, ''])]).map((f) => f.title), ['a']);
  });

  it('applies edits from the end so offsets stay valid', () => {
    assert.equal(applyEdits('fetch(a); fetch(b);', [{ range: [7, 7], text: ', o' }, { range: [17, 17], text: ', o' }]), 'fetch(a, o); fetch(b, o);');
  });

  it('writes inserted line breaks in the file\'s own style', () => {
    assert.equal(applyEdits('a\r\nb\r\n', [{ range: [1, 1], text: '\n  x' }]), 'a\r\n  x\r\nb\r\n');
    assert.equal(applyEdits('a\nb\n', [{ range: [1, 1], text: '\n  x' }]), 'a\n  x\nb\n');
  });
});
