/**
 * The incremental parser must give exactly the tree a full parse gives, or decline. These tests
 * compare the two, node by node, on hand-picked edits that trap naive statement reuse and on
 * thousands of random edits to real files, under both parsers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, buildProjectIndex } from '../../src/analyzer';
import { defaultConfig } from '../../src/analyzer/config';
import type { PreviousParse } from '../../src/analyzer/incremental-parse';
import { reparseAfterEdit } from '../../src/analyzer/incremental-parse';
import { LineIndex } from '../../src/analyzer/line-index';
import type { Program } from '../../src/analyzer/parse';
import { parseSource } from '../../src/analyzer/parse';
import type { ParserName } from '../../src/analyzer/parsers';
import { ScopeModel } from '../../src/analyzer/semantics/scope';
import { DIRECTIVE_MARKER } from '../../src/analyzer/suppressions';

const PARSERS: ParserName[] = ['typescript-estree', 'oxc'];

function fullParse(file: string, text: string, parser: ParserName): Program | undefined {
  const outcome = parseSource(file, text, parser);
  return outcome.ok ? outcome.program : undefined;
}

/** The tree as plain data: `parent` links (set later by the scope model) left out. */
function plain(program: Program): unknown {
  return JSON.parse(JSON.stringify(program, (key, value: unknown) => (key === 'parent' ? undefined : value)));
}

type Outcome = 'reused' | 'declined';

/**
 * Re-parses `after` from a fresh full parse of `before` and checks the result against a full parse
 * of `after`. Returns whether statements were reused.
 */
function editAndCompare(file: string, before: string, after: string, parser: ParserName): { outcome: Outcome; program?: Program } {
  const previous = fullParse(file, before, parser);
  assert.ok(previous, `the text before the edit must parse:\n${before}`);
  return compareWithFullParse(file, { text: before, program: previous }, after, parser);
}

function compareWithFullParse(file: string, previous: PreviousParse, after: string, parser: ParserName): { outcome: Outcome; program?: Program } {
  const withComments = after.includes(DIRECTIVE_MARKER);
  const expected = fullParse(file, after, parser);
  const expectedPlain = expected && plain(expected);
  const incremental = reparseAfterEdit(file, previous, after, parser, withComments, new LineIndex(after));
  if (!incremental) return { outcome: 'declined' };
  assert.ok(expectedPlain, `the incremental parse accepted a text that does not parse:\n${after}`);
  assert.deepEqual(plain(incremental), expectedPlain, `incremental and full parse differ (${parser}) after the edit to:\n${after}`);
  return { outcome: 'reused', program: incremental };
}

interface EditCase {
  name: string;
  before: string;
  after: string;
  /** What the incremental parser must do; either way, a tree it returns must equal the full parse. */
  expect: Outcome;
  file?: string;
}

const CASES: EditCase[] = [
  {
    name: 'an edit inside one function reuses the others',
    before: 'function a() { return 1; }\nfunction b() { return 2; }\nfunction c() { return 3; }\n',
    after: 'function a() { return 1; }\nfunction b() { return 2 + 2; }\nfunction c() { return 3; }\n',
    expect: 'reused',
  },
  {
    name: 'inserting a statement between two others',
    before: 'const a = 1;\nconst c = 3;\n',
    after: 'const a = 1;\nconst b = fetch(url);\nconst c = 3;\n',
    expect: 'reused',
  },
  {
    name: 'deleting a whole statement',
    before: 'const a = 1;\nconst b = 2;\nconst c = 3;\n',
    after: 'const a = 1;\nconst c = 3;\n',
    expect: 'reused',
  },
  {
    name: 'typing at the end of the file',
    before: 'const a = 1;\n',
    after: 'const a = 1;\nfetch(',
    expect: 'declined',
  },
  {
    name: 'a statement without a semicolon continues into an inserted parenthesis (a = b(c)())',
    before: 'const a = b\nfoo();\nconst z = 1;\n',
    after: 'const a = b\n(c)();\nconst z = 1;\n',
    expect: 'reused',
  },
  {
    name: 'removing a semicolon joins the next statement (the region must absorb it)',
    before: 'let a = b;\n(c)();\nconst z = 1;\n',
    after: 'let a = b\n(c)();\nconst z = 1;\n',
    expect: 'reused',
  },
  {
    name: 'code written without semicolons',
    before: 'const a = 1\nconst b = 2\nfoo(a)\nconst c = 3\n',
    after: 'const a = 1\nconst b = 2 + a\nfoo(a)\nconst c = 3\n',
    expect: 'reused',
  },
  {
    name: 'a word that continues the expression before it after a line break (instanceof)',
    before: 'const a = x\nfoo()\n',
    after: 'const a = x\ninstanceof B\nfoo()\n',
    expect: 'reused',
  },
  {
    name: 'an inserted else belongs to the if before it',
    before: 'if (a) { b(); }\nconst z = 1;\n',
    after: 'if (a) { b(); }\nelse { c(); }\nconst z = 1;\n',
    expect: 'reused',
  },
  {
    name: 'an object literal closing brace does not end a statement firmly',
    before: 'const o = {}\nconst z = 1;\n',
    after: 'const o = {}\n(z)\nconst y = 1;\n',
    expect: 'reused',
  },
  {
    name: 'a line comment typed before a statement on the same line hides it',
    before: 'a(); b(); c();\nconst z = 1;\n',
    after: 'a(); //b(); c();\nconst z = 1;\n',
    expect: 'reused',
  },
  {
    name: 'a line comment at the end of the region would swallow the next statement',
    before: 'a();\nb(); c();\n',
    after: 'a();\nb(); // c();\n',
    expect: 'reused',
  },
  {
    name: 'an unclosed block comment',
    before: 'a();\nb();\nc();\n',
    after: 'a();\n/* b();\nc();\n',
    expect: 'declined',
  },
  {
    name: 'closing a block comment that was opened in a string',
    before: "a('/*');\nb();\nc('*/');\n",
    after: "a('/*';\nb();\nc('*/');\n",
    expect: 'declined',
  },
  {
    name: 'an unclosed template literal',
    before: 'a();\nb();\nc();\n',
    after: 'a();\nb(`);\nc();\n',
    expect: 'declined',
  },
  {
    name: 'a syntax error in the edited function',
    before: 'function a() { return 1; }\nfunction b() { return 2; }\n',
    after: 'function a() { return 1; }\nfunction b() { return 2 +; }\n',
    expect: 'declined',
  },
  {
    name: 'a string statement may become a directive',
    before: "foo();\n'use strict';\nbar();\n",
    after: "'use strict';\nbar();\n",
    expect: 'declined',
  },
  {
    name: 'the first import makes a script a module',
    before: 'const a = 1;\nconst b = 2;\n',
    after: "import x from 'x';\nconst a = 1;\nconst b = 2;\n",
    expect: 'declined',
  },
  {
    name: 'an import added next to another keeps the module',
    before: "import x from 'x';\nconst a = 1;\nconst b = 2;\n",
    after: "import x from 'x';\nimport y from 'y';\nconst a = 1;\nconst b = 2;\n",
    expect: 'reused',
  },
  {
    name: 'a suppression comment inside the edited statement',
    before: '// fallacy-lens-disable-next-line no-timeout\nconst a = 1;\nfetch(u);\nconst b = 2;\n',
    after: '// fallacy-lens-disable-next-line no-timeout\nconst a = 1;\n// fallacy-lens-disable-next-line no-retry\nfetch(u);\nconst b = 2;\n',
    expect: 'reused',
  },
  {
    name: 'JSX in a .tsx file',
    file: 'view.tsx',
    before: 'export function A() { return <div>a</div>; }\nexport function B() { return <span />; }\n',
    after: 'export function A() { return <div title="x">a</div>; }\nexport function B() { return <span />; }\n',
    expect: 'reused',
  },
  {
    name: 'a CRLF file, the edit adding a line',
    before: 'const a = 1;\r\nconst b = 2;\r\nconst c = 3;\r\n',
    after: 'const a = 1;\r\nconst b = 2;\r\nfoo();\r\nconst c = 3;\r\n',
    expect: 'reused',
  },
];

describe('incremental parse', () => {
  for (const parser of PARSERS) {
    describe(parser, () => {
      for (const testCase of CASES) {
        it(testCase.name, () => {
          const { outcome } = editAndCompare(testCase.file ?? 'subject.ts', testCase.before, testCase.after, parser);
          assert.equal(outcome, testCase.expect);
        });
      }

      it('reuses the untouched statements themselves, moved to their new place', () => {
        const before = 'function a() { return 1; }\nfunction b() { return 2; }\nfunction c() { return 3; }\n';
        const previous = fullParse('subject.ts', before, parser)!;
        const [a, , c] = previous.body;
        const after = before.replace('return 2', 'return 22');
        const program = reparseAfterEdit('subject.ts', { text: before, program: previous }, after, parser, false, new LineIndex(after))!;
        assert.equal(program.body[0], a);
        assert.equal(program.body[2], c);
        assert.deepEqual(c.range, [after.indexOf('function c'), after.length - 1]);
      });

      it('moves a range that a node shares with its child once, walking the listed nodes', () => {
        const before = "const x = 1;\nlet y: T = 2;\nimport b from 'b';\nfunction f(p: { a: string }): number { return 1; }\n";
        const previous = fullParse('subject.ts', before, parser)!;
        const nodesInOrder = ScopeModel.of(previous).nodesInOrder;
        const { outcome } = compareWithFullParse('subject.ts', { text: before, program: previous, nodesInOrder }, before.replace('= 1', '= 100'), parser);
        assert.equal(outcome, 'reused');
      });

      it('agrees with a full parse over random edits to real files', function () {
        this.timeout(120_000);
        const random = seededRandom(parser === 'oxc' ? 7 : 11);
        let reused = 0;
        let edits = 0; // edits that left the file parseable
        for (const file of corpusFiles()) {
          let text = fs.readFileSync(file, 'utf8');
          let program = fullParse(file, text, parser);
          if (!program) continue;
          for (let step = 0; step < 25; step++) {
            const after = randomEdit(text, random);
            // Every other edit starts from a tree the scope model has listed, as in the editor.
            const nodesInOrder = step % 2 === 0 ? ScopeModel.of(program).nodesInOrder : undefined;
            const result = compareWithFullParse(file, { text, program, nodesInOrder }, after, parser);
            // Chain as the editor does: the next edit starts from this tree, or from a full parse.
            const next = result.program ?? fullParse(file, after, parser);
            if (next) edits++;
            if (result.outcome === 'reused') reused++;
            if (next) {
              text = after;
              program = next;
            } else {
              // The edit broke the file: keep editing the last text that parsed (its tree is intact).
              program = fullParse(file, text, parser)!;
            }
          }
        }
        assert.ok(edits >= 300, `only ${edits} edits left the file parseable`);
        // The point of the exercise: most edits that leave the file parseable must not re-parse all of it.
        assert.ok(reused / edits > 0.75, `statements were reused after only ${reused} of ${edits} edits that left the file parseable`);
      });
    });
  }

  it('gives the editor the same findings as a full analysis over a typing session', () => {
    const config = defaultConfig();
    const index = buildProjectIndex([]);
    const lines = [
      "import axios from 'axios';",
      'export async function load(id: string) {',
      '  const res = await fetch(`https://api.example.com/items/${id}`);',
      '  return res.json();',
      '}',
      'export function save(body: unknown) {',
      "  return axios.post('https://api.example.com/items', body);",
      '}',
    ];
    let text = lines.join('\n') + '\n';
    const typed = ', { timeout: 5_000 }';
    const insertAt = text.indexOf(', body)') + ', body'.length;
    for (let count = 0; count <= typed.length; count++) {
      const current = text.slice(0, insertAt) + typed.slice(0, count) + text.slice(insertAt);
      for (const parser of PARSERS) {
        const incremental = analyzeFile({ path: 'src/typing.ts', text: current }, index, config, { parser, incremental: true });
        const full = analyzeFile({ path: 'src/typing.ts', text: current }, index, config, { parser });
        assert.deepEqual(incremental, full, `after typing ${JSON.stringify(typed.slice(0, count))} (${parser})`);
      }
    }
    text = text.replace('return res.json();', 'return res.json(); // done');
    assert.deepEqual(
      analyzeFile({ path: 'src/typing.ts', text }, index, config, { incremental: true }),
      analyzeFile({ path: 'src/typing.ts', text }, index, config),
    );
  });
});

/** Source files of this repository and of the parsers' own packages: real code no test wrote. */
function corpusFiles(): string[] {
  const root = path.resolve(__dirname, '../..');
  const picks = [
    'examples/src',
    'src/analyzer/rules',
    'src/analyzer/clients',
    'src/extension',
    'node_modules/axios/lib/core',
    'node_modules/@typescript-eslint/typescript-estree/dist',
  ];
  const files: string[] = [];
  for (const dir of picks) {
    const absolute = path.join(root, dir);
    if (!fs.existsSync(absolute)) continue;
    for (const entry of fs.readdirSync(absolute, { recursive: true }) as string[]) {
      if (/\.(ts|tsx|js)$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path.join(absolute, entry));
    }
  }
  return files.sort().filter((_, i) => i % 2 === 0).slice(0, 40);
}

/** Keystroke-sized edits, biased toward the characters that change how code around them parses. */
const INSERTIONS = [';', '}', '{', '(', ')', '\n', ' ', 'x', '//', '/*', '*/', '`', "'", '"', 'else {}', '"use strict";\n', "import q from 'q';\n", 'export ', 'fetch(url);\n', '@dec ', '<T>', '/re/', '+', '.', ',', 'import.meta', '#!'];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.55) {
    const insertion = INSERTIONS[Math.floor(random() * INSERTIONS.length)];
    return text.slice(0, at) + insertion + text.slice(at);
  }
  if (kind < 0.85) {
    const length = 1 + Math.floor(random() * 12);
    return text.slice(0, at) + text.slice(at + length);
  }
  // Duplicate the line at `at`: pasting, or copying a statement.
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const end = text.indexOf('\n', at);
  const line = text.slice(start, end === -1 ? text.length : end + 1);
  return text.slice(0, start) + line + text.slice(start);
}

/** mulberry32: the same edits on every run and machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
