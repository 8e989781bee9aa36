import { strict as assert } from 'node:assert';
import { filterToChanged, parseUnifiedDiff, touches, type ChangedLines } from '../../src/cli/changed-lines';
import type { FileResult, Finding } from '../../src/analyzer/types';

const DIFF = [
  'diff --git a/src/a.ts b/src/a.ts',
  'index 1..2 100644',
  '--- a/src/a.ts',
  '+++ b/src/a.ts',
  '@@ -3 +3 @@ x',
  '-old',
  '+new',
  '@@ -10,0 +11,2 @@',
  '+added',
  '+added',
  '@@ -20,2 +21,0 @@',
  '-gone',
  '-gone',
  'diff --git a/old.ts b/old.ts',
  'deleted file mode 100644',
  '--- a/old.ts',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-x',
  'diff --git "a/src/sp ace\\303\\251.ts" "b/src/sp ace\\303\\251.ts"',
  '--- "a/src/sp ace\\303\\251.ts"',
  '+++ "b/src/sp ace\\303\\251.ts"',
  '@@ -1 +1 @@',
  '-a',
  '+b',
  '',
].join('\n');

function finding(startLine: number, endLine: number, endColumn = 5): Finding {
  return {
    ruleId: 'no-timeout',
    fallacy: 2,
    severity: 'warning',
    message: 'm',
    file: 'src/a.ts',
    range: { start: { line: startLine, column: 1 }, end: { line: endLine, column: endColumn }, offsets: [0, 1] },
    related: [],
    fixes: [],
    lesson: 'l',
  };
}

describe('cli: changed lines', () => {
  const changed = parseUnifiedDiff(DIFF);

  it('collects added and modified lines per file, and deletion points', () => {
    const a = changed.get('src/a.ts');
    assert.ok(a);
    assert.deepEqual([...a.lines].sort((x, y) => x - y), [3, 11, 12]);
    assert.deepEqual([...a.deletionsAfter], [21]);
    assert.equal(changed.has('old.ts'), false);
    assert.ok(changed.has('src/sp aceé.ts'));
  });

  it('keeps a finding whose range touches a changed line or spans a deletion', () => {
    const a = changed.get('src/a.ts');
    assert.ok(a);
    assert.equal(touches(finding(3, 3), a), true);
    assert.equal(touches(finding(1, 4), a), true);
    assert.equal(touches(finding(12, 12), a), true);
    assert.equal(touches(finding(4, 10), a), false);
    assert.equal(touches(finding(21, 22), a), true);
    assert.equal(touches(finding(22, 23), a), false);
    // An exclusive end at column 1 of line 3 does not cover line 3.
    assert.equal(touches(finding(2, 3, 1), a), false);
  });

  it('drops unchanged files and keeps untracked files whole', () => {
    const result = (file: string, findings: Finding[]): FileResult => ({ file, findings, notes: [], undetermined: 1 });
    const withUntracked: ChangedLines = new Map(changed);
    withUntracked.set('src/new.ts', 'all');
    const filtered = filterToChanged(
      [result('src/a.ts', [finding(3, 3), finding(5, 5)]), result('src/untouched.ts', [finding(1, 1)]), result('src/new.ts', [finding(1, 1), finding(9, 9)])],
      withUntracked,
    );
    assert.deepEqual(filtered.map((f) => [f.file, f.findings.length]), [
      ['src/a.ts', 1],
      ['src/new.ts', 2],
    ]);
  });
});
