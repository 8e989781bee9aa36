/** `fallacy-lens scan`: configuration → files → analysis (→ fixes) → filtering → report → exit code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANALYZER_VERSION } from '../analyzer';
import type { ProjectConfig } from '../analyzer/config';
import type { FileResult } from '../analyzer/types';
import { collectFiles, type WalkedFile } from '../runner/file-walker';
import { findProjectRoot } from '../runner/project-root';
import type { AnalysisResult } from '../runner/run-analysis';
import { scanFiles } from '../runner/scan';
import { DEFAULT_CACHE_LOCATION } from '../runner/scan-cache';
import { applySafeFixes } from './apply-fixes';
import type { FailOn, ScanArgs } from './args';
import { changedLinesSince, filterToChanged, type ChangedLines } from './changed-lines';
import type { CliIo } from './cli-io';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes';
import { palette, shouldColor } from './colors';
import { formatReport } from './formats';
import { loadConfig } from './load-config';
import { terminalProgress } from './progress';
import { ruleCatalog, SEVERITY_RANK, type Report } from './report';
import { UsageError } from './usage-error';

/** Like ESLint: fixes can enable other fixes, but a fix that keeps recreating itself must not loop forever. */
const MAX_FIX_PASSES = 10;

export async function runScanCommand(args: ScanArgs, io: CliIo): Promise<number> {
  const root = findProjectRoot(io.cwd);
  const config = loadConfig(root, io.cwd, args);
  const files = await filesToScan(root, args, config, io);
  // Read before the scan so that a bad ref or a missing repository fails fast.
  let changed = args.changedSince ? changedLinesSince(root, args.changedSince) : undefined;
  const progress = io.stderrIsTerminal ? terminalProgress(io.stderr) : undefined;
  const cacheLocation = args.cache ? path.resolve(root, args.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined;
  let fixesApplied = 0;
  let analysis: AnalysisResult;
  let reported: FileResult[];
  try {
    for (let pass = 1; ; pass++) {
      analysis = await scanFiles(files, { config, jobs: args.jobs, parser: args.parser, cacheLocation, shard: args.shard, onProgress: progress?.update });
      reported = selectReported(analysis.files, args.quiet, changed);
      if (!args.fix || pass > MAX_FIX_PASSES) break;
      const applied = applySafeFixes(root, reported);
      if (applied.fixesApplied === 0) break;
      fixesApplied += applied.fixesApplied;
      // Fixes move lines: what changed since the ref is read again.
      if (args.changedSince) changed = changedLinesSince(root, args.changedSince);
    }
  } finally {
    progress?.clear();
  }
  const report: Report = {
    files: reported,
    toolNotes: analysis.toolNotes,
    rules: ruleCatalog(),
    analyzerVersion: ANALYZER_VERSION,
    root,
    filesScanned: analysis.files.length,
    fixesApplied,
    changedSince: args.changedSince,
  };
  const colors = palette(args.format === 'stylish' && shouldColor(args.color, !args.output && io.stdoutIsTerminal, io.env));
  writeReport(formatReport(args.format, report, colors), args.output, io);
  return exitCode(reported, args.failOn);
}

async function filesToScan(root: string, args: ScanArgs, config: ProjectConfig, io: CliIo): Promise<WalkedFile[]> {
  const given = args.paths.length > 0 ? args.paths : ['.'];
  const asGiven = new Map(given.map((p) => [path.resolve(io.cwd, p), p]));
  const walked = await collectFiles(root, [...asGiven.keys()], config);
  if (walked.missing.length > 0) {
    throw new UsageError(`No such file or directory: ${walked.missing.map((p) => asGiven.get(p) ?? p).join(', ')}`);
  }
  for (const file of walked.unsupported) io.stderr(`fallacy-lens: ${asGiven.get(file) ?? file} is not a TypeScript or JavaScript file; skipped.\n`);
  if (walked.files.length === 0) io.stderr('fallacy-lens: no TypeScript or JavaScript files to analyse.\n');
  return walked.files;
}

/** --changed-since, then --quiet. */
function selectReported(files: FileResult[], quiet: boolean, changed: ChangedLines | undefined): FileResult[] {
  const inScope = changed ? filterToChanged(files, changed) : files;
  if (!quiet) return inScope;
  return inScope.map((file) => ({
    ...file,
    findings: file.findings.filter((f) => f.severity === 'error'),
    notes: file.notes.filter((n) => n.severity === 'error'),
  }));
}

function writeReport(text: string, output: string | undefined, io: CliIo): void {
  if (!output) {
    io.stdout(text);
    return;
  }
  const file = path.resolve(io.cwd, output);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`Cannot write the report to ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function exitCode(files: readonly FileResult[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = SEVERITY_RANK[failOn];
  return files.some((file) => file.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold)) ? EXIT_FINDINGS : EXIT_OK;
}
