import { readFileSync, statSync } from 'node:fs';
import { classifyForSkipping, decodeSource, tooLargeNote } from '../analyzer/source-file';
import type { FileNote } from '../analyzer/types';
import type { SourceFile } from './analyzer-api';
import type { FileTask } from './worker-protocol';

export type LoadedSource =
  | { kind: 'source'; file: SourceFile; notes: FileNote[] }
  | { kind: 'skipped'; notes: FileNote[] }
  | { kind: 'unreadable'; error: string };

/** Reads, decodes and screens one file. The size is checked before reading so huge files cost nothing. */
export function loadSource(task: FileTask, maxFileBytes: number): LoadedSource {
  try {
    const size = statSync(task.absolutePath).size;
    if (size > maxFileBytes) return { kind: 'skipped', notes: [tooLargeNote(size, maxFileBytes)] };
    const decoded = decodeSource(readFileSync(task.absolutePath));
    if (decoded.skipped) return { kind: 'skipped', notes: decoded.notes };
    const skip = classifyForSkipping(task.path, decoded.text, maxFileBytes);
    if (skip) return { kind: 'skipped', notes: [skip] };
    return { kind: 'source', file: { path: task.path, text: decoded.text }, notes: decoded.notes };
  } catch (error) {
    return { kind: 'unreadable', error: error instanceof Error ? error.message : String(error) };
  }
}
