/**
 * What the editor knows about each file: the findings of its latest analysis, the document
 * version they belong to, and whether a review put them there. One store feeds Problems, hovers,
 * code actions, the status item and the review tree, so they never disagree.
 */
import * as vscode from 'vscode';
import type { FileNote, Finding } from '../analyzer/types';
import { noteToDiagnostic, toDiagnostic } from './finding-diagnostics';

export interface FileAnalysis {
  uri: vscode.Uri;
  rootUri: vscode.Uri;
  findings: Finding[];
  notes: FileNote[];
  /** Document version analysed; undefined when the text came from disk (a review). */
  version: number | undefined;
  elapsedMs: number;
}

export class FindingStore implements vscode.Disposable {
  private readonly analyses = new Map<string, FileAnalysis>();
  /** Files the last review covered: their diagnostics stay in Problems when they are closed. */
  private readonly reviewed = new Set<string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly diagnostics: vscode.DiagnosticCollection) {}

  get(uri: vscode.Uri): FileAnalysis | undefined {
    return this.analyses.get(uri.toString());
  }

  /** Every analysis that came from (or replaced one from) the last review. */
  reviewResults(): FileAnalysis[] {
    return [...this.reviewed].flatMap((key) => this.analyses.get(key) ?? []);
  }

  isReviewed(uri: vscode.Uri): boolean {
    return this.reviewed.has(uri.toString());
  }

  hasReview(): boolean {
    return this.reviewed.size > 0;
  }

  set(analysis: FileAnalysis, options: { fromReview?: boolean } = {}): void {
    const key = analysis.uri.toString();
    this.analyses.set(key, analysis);
    if (options.fromReview) this.reviewed.add(key);
    const diagnostics = [
      ...analysis.findings.map((finding) => toDiagnostic(finding, analysis.rootUri)),
      ...analysis.notes.flatMap((note) => noteToDiagnostic(note) ?? []),
    ];
    this.diagnostics.set(analysis.uri, diagnostics);
    this.changeEmitter.fire([analysis.uri]);
  }

  /** A closed file keeps its diagnostics only when a review put it in Problems. */
  releaseEditing(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.reviewed.has(key)) {
      const analysis = this.analyses.get(key);
      if (analysis) this.analyses.set(key, { ...analysis, version: undefined });
      return;
    }
    this.delete(uri);
  }

  delete(uri: vscode.Uri): void {
    const key = uri.toString();
    this.analyses.delete(key);
    this.reviewed.delete(key);
    this.diagnostics.delete(uri);
    this.changeEmitter.fire([uri]);
  }

  /** Starts a new review: previous review results go, editing results of open files stay. */
  clearReview(keep: (uri: vscode.Uri) => boolean): void {
    const removed: vscode.Uri[] = [];
    for (const key of this.reviewed) {
      const analysis = this.analyses.get(key);
      if (analysis && keep(analysis.uri)) continue;
      this.analyses.delete(key);
      if (analysis) {
        this.diagnostics.delete(analysis.uri);
        removed.push(analysis.uri);
      }
    }
    this.reviewed.clear();
    this.changeEmitter.fire(removed);
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
