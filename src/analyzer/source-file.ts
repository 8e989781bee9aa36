/**
 * From bytes on disk to the text the analyzer sees, and which files are not worth analysing.
 * Pure (no fs): the runner reads the bytes, the extension already has the document text.
 *
 * Offsets and columns everywhere are UTF-16 indexes into the decoded text *without* a BOM, which
 * is what editors and typescript-estree use; `encodeSource` restores the BOM and the encoding when
 * `--fix` writes a file back.
 */
import type { FileNote, SourceRange } from './types';

export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedSource {
  text: string;
  encoding: SourceEncoding;
  notes: FileNote[];
  /** The file must not be analysed (binary); `notes` says why. */
  skipped: boolean;
  /** Invalid bytes were replaced: the text cannot be written back without corrupting the file. */
  lossy: boolean;
}

/** Like git: a NUL byte in the first 8000 bytes means binary. */
const BINARY_SNIFF_BYTES = 8000;

export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(swapBytePairs(bytes.subarray(2)), 'utf-16be');
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return {
      text: '',
      encoding: 'utf-8',
      notes: [note('skipped-binary', 'Skipped: the file contains NUL bytes, so it is binary or in an unsupported encoding (UTF-16 needs a byte order mark).')],
      skipped: true,
      lossy: false,
    };
  }
  return decodeUtf8(bytes, 'utf-8');
}

/** The inverse of `decodeSource` for a text that was not lossy. */
export function encodeSource(text: string, encoding: SourceEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'utf-16le':
      return encodeUtf16Le(`\ufeff${text}`);
    case 'utf-16be':
      return swapBytePairs(encodeUtf16Le(`\ufeff${text}`));
  }
}

/**
 * Why a file should be skipped, or undefined to analyse it. The minified/generated heuristic is
 * deliberately conservative — a skipped hand-written file hides real findings, an analysed bundle
 * only costs time and noise:
 * - the name ends in `.min.js` (also `.min.mjs`, `.min.cjs`);
 * - a leading comment carries `@generated` or Go's `Code generated … DO NOT EDIT.` marker;
 * - at least 2 KiB of text whose average line is longer than 500 characters, or which has at
 *   most 20 lines one of which is longer than 5 000 characters (a bundle on one line plus a
 *   banner and a sourceMappingURL).
 * Anything else generated can be listed in the configuration's `exclude`.
 */
export function classifyForSkipping(path: string, text: string, maxFileBytes: number): FileNote | undefined {
  // A UTF-16 code unit takes at most 3 UTF-8 bytes: most files are far enough below the limit not to be counted.
  if (text.length * 3 > maxFileBytes) {
    const bytes = utf8ByteLength(text);
    if (bytes > maxFileBytes) return tooLargeNote(bytes, maxFileBytes);
  }
  if (/\.min\.[cm]?js$/i.test(path)) return note('skipped-minified', 'Skipped: the file name says it is minified (.min.js).');
  if (hasGeneratedMarker(text)) {
    return note('skipped-minified', 'Skipped: a leading comment marks the file as generated (@generated / "Code generated … DO NOT EDIT").');
  }
  const shape = lineShape(text);
  if (text.length >= MIN_MINIFIED_CHARS && (shape.average > MAX_AVERAGE_LINE || (shape.longest > MAX_LINE && shape.lines <= FEW_LINES))) {
    return note(
      'skipped-minified',
      `Skipped: looks minified or bundled (${shape.lines} line(s), average ${Math.round(shape.average)} and longest ${shape.longest} characters per line).`,
    );
  }
  return undefined;
}

/** For callers that know the size before reading (the runner skips huge files without reading them). */
export function tooLargeNote(bytes: number, maxFileBytes: number): FileNote {
  return note(
    'skipped-too-large',
    `Skipped: ${formatBytes(bytes)} is over the ${formatBytes(maxFileBytes)} limit (maxFileBytes in .fallacy-lens.json).`,
  );
}

const MIN_MINIFIED_CHARS = 2048;
const MAX_AVERAGE_LINE = 500;
const MAX_LINE = 5000;
const FEW_LINES = 20;
const GENERATED_HEADER_CHARS = 2000;

function decodeUtf8(bytes: Uint8Array, encoding: SourceEncoding): DecodedSource {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding, notes: [], skipped: false, lossy: false };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { text, encoding, notes: [replacementNote(text, 'is not valid UTF-8')], skipped: false, lossy: true };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: SourceEncoding): DecodedSource {
  try {
    return { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes), encoding, notes: [], skipped: false, lossy: false };
  } catch {
    const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
    return { text, encoding, notes: [replacementNote(text, 'is not valid UTF-16')], skipped: false, lossy: true };
  }
}

function replacementNote(text: string, problem: string): FileNote {
  const offset = Math.max(0, text.indexOf('\ufffd'));
  const range = rangeAt(text, offset);
  return {
    kind: 'decode-warning',
    severity: 'warning',
    message: `The file ${problem} (first bad byte near line ${range.start.line}); bad bytes were read as U+FFFD, and --fix leaves the file alone.`,
    range,
  };
}

function rangeAt(text: string, offset: number): SourceRange {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { start: { line, column }, end: { line, column: column + 1 }, offsets: [offset, offset + 1] };
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  // An odd trailing byte stays where it is, so the decoder reports it as invalid.
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1];
  return swapped;
}

function encodeUtf16Le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return bytes;
}

function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function hasGeneratedMarker(text: string): boolean {
  const header = leadingComments(text.slice(0, GENERATED_HEADER_CHARS));
  return /@generated\b/.test(header) || /Code generated .* DO NOT EDIT\./.test(header);
}

/** The comments before the first line of code (after an optional shebang). */
function leadingComments(text: string): string {
  const comments: string[] = [];
  let rest = text.replace(/^#![^\n]*\n/, '');
  for (;;) {
    rest = rest.replace(/^\s+/, '');
    const comment = /^\/\/[^\n]*/.exec(rest) ?? /^\/\*[\s\S]*?\*\//.exec(rest);
    if (!comment) return comments.join('\n');
    comments.push(comment[0]);
    rest = rest.slice(comment[0].length);
  }
}

function lineShape(text: string): { lines: number; average: number; longest: number } {
  let lines = 0;
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    longest = Math.max(longest, stop - start);
    lines++;
    if (end === -1) break;
    start = end + 1;
  }
  return { lines, average: text.length / lines, longest };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function note(kind: FileNote['kind'], message: string): FileNote {
  return { kind, severity: 'info', message };
}
