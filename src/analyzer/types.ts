/**
 * The analyzer's public vocabulary. Everything here is plain data so that results can cross a
 * worker-thread boundary, be cached on disk, and be rendered by the CLI or the editor alike.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export type FallacyNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type RuleId =
  | 'no-timeout'
  | 'no-retry'
  | 'unsafe-retry'
  | 'unchecked-status'
  | 'insecure-transport'
  | 'hardcoded-endpoint'
  | 'request-in-loop'
  | 'unbounded-fanout'
  | 'unvalidated-response';

/** 1-based line and 1-based column, as ESLint presents them. */
export interface Position {
  line: number;
  column: number;
}

/** End is exclusive. `offsets` are UTF-16 indexes into the file text, for edits. */
export interface SourceRange {
  start: Position;
  end: Position;
  offsets: [number, number];
}

export interface TextEdit {
  /** UTF-16 offsets into the analysed text; the replaced span is [start, end). */
  range: [number, number];
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and `source.fixAll`; the others are offered, never applied in bulk. */
  safe: boolean;
  preferred: boolean;
}

export interface RelatedLocation {
  file: string;
  range: SourceRange;
  message: string;
}

export interface Finding {
  ruleId: RuleId;
  fallacy: FallacyNumber;
  severity: Severity;
  message: string;
  file: string;
  range: SourceRange;
  related: RelatedLocation[];
  fixes: Fix[];
  /** Lesson id (a file in `lessons/`), optionally with `#section`. */
  lesson: string;
}

export type NoteKind =
  | 'parse-error'
  | 'too-deep'
  | 'skipped-too-large'
  | 'skipped-minified'
  | 'skipped-binary'
  | 'unused-suppression'
  | 'decode-warning';

/** Something the user should know about a file that is not a finding about a network call. */
export interface FileNote {
  kind: NoteKind;
  message: string;
  severity: Severity;
  range?: SourceRange;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  notes: FileNote[];
  /** Network call sites whose configuration could not be determined; counted, never reported. */
  undetermined: number;
}
