/**
 * A table-driven rule tester in the style of typescript-eslint's RuleTester: valid code must
 * produce no finding of the rule; invalid code must produce exactly the listed findings, in order,
 * at the listed line and column. Only the rule under test runs, as in ESLint.
 */
import * as assert from 'node:assert/strict';
import { analyzeFile, buildProjectIndex, filesToIndexNext, indexFile, outlineFile } from '../src/analyzer';
import type { FileFacts, ProjectIndex, SourceFile } from '../src/analyzer';
import type { ConfigInput, ProjectConfig } from '../src/analyzer/config';
import { resolveConfig } from '../src/analyzer/config';
import { RULES } from '../src/analyzer/rules/catalog';
import { parseSource } from '../src/analyzer/parse';
import type { ParserName } from '../src/analyzer/parsers';
import type { FileResult, Finding, RuleId, Severity } from '../src/analyzer/types';

export interface ValidCase {
  code: string;
  /** Path of the file under test; the extension picks the dialect (default `src/subject.ts`). */
  filename?: string;
  /** Other files of the project, by path, for cross-file facts. */
  files?: Record<string, string>;
  /** Project configuration in `.fallacy-lens.json` form. */
  config?: ConfigInput;
  name?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A fragment the message must contain. */
  message?: string | RegExp;
  severity?: Severity;
  /** A fragment of a related location's message. */
  related?: string;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The code after applying each finding's preferred fix; omit when no fix is expected. */
  output?: string;
}

export function runRuleTests(ruleId: RuleId, cases: { valid: (ValidCase | string)[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const raw of cases.valid) {
        const testCase = typeof raw === 'string' ? { code: raw } : raw;
        it(testCase.name ?? firstLine(testCase.code), () => {
          const result = analyze(ruleId, testCase);
          assertNoParseFailure(result);
          assert.deepEqual(
            result.findings.map(describeFinding),
            [],
            `expected no ${ruleId} finding`,
          );
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(testCase.name ?? firstLine(testCase.code), () => {
          const result = analyze(ruleId, testCase);
          assertNoParseFailure(result);
          assert.equal(
            result.findings.length,
            testCase.errors.length,
            `expected ${testCase.errors.length} finding(s), got:\n${result.findings.map(describeFinding).join('\n')}`,
          );
          testCase.errors.forEach((expected, i) => assertFinding(result.findings[i], expected, ruleId));
          if (testCase.output !== undefined) assertFixOutput(ruleId, testCase, result.findings);
        });
      }
    });
  });
}

/**
 * Analyses the case four ways and insists on one result: with and without the text prefilter
 * (the proof, over the whole rule corpus, that skipping files before parsing loses nothing), with
 * the oxc parser instead of typescript-estree (the proof that either parser may be used), and as
 * the editor does while the code is typed, the tree built from that of an earlier text.
 */
function analyze(ruleId: RuleId, testCase: ValidCase, code = testCase.code): FileResult {
  const filtered = analyzeOnce(ruleId, testCase, code, true, 'typescript-estree');
  assert.deepEqual(analyzeOnce(ruleId, testCase, code, false, 'typescript-estree'), filtered, 'the text prefilter changed the result');
  assert.deepEqual(withoutParseMessages(analyzeOnce(ruleId, testCase, code, true, 'oxc')), withoutParseMessages(filtered), 'the oxc parser changed the result');
  const earlier = earlierText(testCase, code);
  if (earlier !== undefined) {
    analyzeOnce(ruleId, testCase, code, true, 'typescript-estree', earlier);
    assert.deepEqual(analyzeOnce(ruleId, testCase, code, true, 'typescript-estree', code), filtered, 'the incremental parse changed the result');
  }
  return filtered;
}

/** The code with one line missing, as it was a moment before that line was typed; one that parses. */
function earlierText(testCase: ValidCase, code: string): string | undefined {
  const lines = code.split('\n');
  const middle = Math.floor(lines.length / 2);
  for (let distance = 0; distance <= middle; distance++) {
    for (const at of [middle - distance, middle + distance]) {
      if (at < 0 || at >= lines.length || !lines[at].trim()) continue;
      const earlier = [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
      if (parseSource(testCase.filename ?? SUBJECT, earlier).ok) return earlier;
    }
  }
  return undefined;
}

/** The two parsers word syntax errors differently; everything else must be equal. */
function withoutParseMessages(result: FileResult): FileResult {
  return { ...result, notes: result.notes.map((note) => (note.kind === 'parse-error' ? { ...note, message: '', range: undefined } : note)) };
}

/** `edited`: analyse this text, the editor's way (incremental), against the index of `code`. */
function analyzeOnce(ruleId: RuleId, testCase: ValidCase, code: string, prefilter: boolean, parser: ParserName, edited?: string): FileResult {
  const onlyThisRule = Object.fromEntries(RULES.map((rule) => [rule.id, rule.id === ruleId ? (testCase.config?.rules?.[ruleId] ?? rule.defaultSeverity) : 'off']));
  const config = resolveConfig({ ...testCase.config, rules: onlyThisRule });
  const subject = { path: testCase.filename ?? SUBJECT, text: code };
  const others = Object.entries(testCase.files ?? {}).map(([path, text]) => ({ path, text }));
  const project = [subject, ...others];
  const index = prefilter ? indexAsAScanDoes(project, config, parser) : buildProjectIndex(project.map((file) => indexFile(file, config, { prefilter, parser })));
  if (edited !== undefined) return analyzeFile({ path: subject.path, text: edited }, index, config, { prefilter, parser, incremental: true });
  return analyzeFile(subject, index, config, { prefilter, parser });
}

const SUBJECT = 'src/subject.ts';

/** The scan's index plan, in rounds (src/analyzer/index-plan.ts): only the files whose facts can matter. */
function indexAsAScanDoes(files: SourceFile[], config: ProjectConfig, parser: ParserName): ProjectIndex {
  const outlines = files.map(outlineFile);
  const facts = new Map<string, FileFacts>();
  for (;;) {
    const index = buildProjectIndex([...facts.keys()].sort().map((path) => facts.get(path)!));
    const next = filesToIndexNext(index, outlines, new Set(facts.keys()));
    if (next.length === 0) return index;
    for (const path of next) facts.set(path, indexFile(files.find((file) => file.path === path)!, config, { parser }));
  }
}

function assertNoParseFailure(result: FileResult): void {
  const failure = result.notes.find((note) => note.kind === 'parse-error' || note.kind === 'too-deep');
  assert.equal(failure, undefined, `test code must parse: ${failure?.message}`);
}

function assertFinding(actual: Finding, expected: ExpectedFinding, ruleId: RuleId): void {
  const where = describeFinding(actual);
  assert.equal(actual.ruleId, ruleId, where);
  assert.equal(actual.range.start.line, expected.line, `line of ${where}`);
  assert.equal(actual.range.start.column, expected.column, `column of ${where}`);
  if (expected.endLine !== undefined) assert.equal(actual.range.end.line, expected.endLine, `end line of ${where}`);
  if (expected.endColumn !== undefined) assert.equal(actual.range.end.column, expected.endColumn, `end column of ${where}`);
  if (expected.severity) assert.equal(actual.severity, expected.severity, `severity of ${where}`);
  if (typeof expected.message === 'string') assert.ok(actual.message.includes(expected.message), `message of ${where} should contain "${expected.message}"`);
  if (expected.message instanceof RegExp) assert.match(actual.message, expected.message, where);
  if (expected.related) {
    assert.ok(actual.related.some((related) => related.message.includes(expected.related!)), `related location "${expected.related}" in ${JSON.stringify(actual.related.map((r) => r.message))}`);
  }
}

/** Applies every preferred fix and checks the text, that it parses, and that those findings are gone. */
function assertFixOutput(ruleId: RuleId, testCase: InvalidCase, findings: Finding[]): void {
  const edits = findings
    .map((finding) => finding.fixes.find((fix) => fix.preferred))
    .filter((fix) => fix !== undefined)
    .flatMap((fix) => fix.edits)
    .sort((a, b) => b.range[0] - a.range[0]);
  let text = testCase.code;
  for (const edit of edits) text = text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
  assert.equal(text, testCase.output);
  const fixed = edits.length > 0 ? findings.filter((finding) => finding.fixes.some((fix) => fix.preferred)).length : 0;
  const after = analyze(ruleId, testCase, text);
  assertNoParseFailure(after);
  assert.equal(after.findings.length, findings.length - fixed, `fixed code still has findings:\n${after.findings.map(describeFinding).join('\n')}`);
}

function describeFinding(finding: Finding): string {
  return `${finding.range.start.line}:${finding.range.start.column} ${finding.ruleId} ${finding.message}`;
}

function firstLine(code: string): string {
  const line = code.split('\n').find((l) => l.trim() && !l.startsWith('import')) ?? code;
  return line.trim().slice(0, 90);
}
