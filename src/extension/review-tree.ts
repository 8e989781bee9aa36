/** The review results as a native tree: fallacy → rule → file → finding, each group with its count. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FALLACIES } from '../analyzer/fallacies';
import type { FallacyNumber, Finding } from '../analyzer/types';
import { toVsRange } from './finding-diagnostics';
import type { FileAnalysis, FindingStore } from './finding-store';

interface Located {
  analysis: FileAnalysis;
  finding: Finding;
}

type ReviewNode =
  | { kind: 'fallacy'; fallacy: FallacyNumber; items: Located[] }
  | { kind: 'rule'; ruleId: string; items: Located[] }
  | { kind: 'file'; analysis: FileAnalysis; items: Located[] }
  | { kind: 'finding'; item: Located };

/** Tree refreshes are coalesced: a review reports hundreds of files per second. */
const REFRESH_DELAY_MS = 150;

export class ReviewTreeProvider implements vscode.TreeDataProvider<ReviewNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: FindingStore) {
    this.subscription = store.onDidChange(() => {
      this.refreshTimer ??= setTimeout(() => {
        this.refreshTimer = undefined;
        this.changeEmitter.fire();
      }, REFRESH_DELAY_MS);
    });
  }

  /** Number of findings the tree shows (for the view's description). */
  count(): number {
    return this.store.reviewResults().reduce((sum, analysis) => sum + analysis.findings.length, 0);
  }

  getChildren(node?: ReviewNode): ReviewNode[] {
    if (!node) {
      const items = this.store.reviewResults().flatMap((analysis) => analysis.findings.map((finding) => ({ analysis, finding })));
      return groupBy(items, (item) => item.finding.fallacy)
        .sort(([a], [b]) => a - b)
        .map(([fallacy, grouped]) => ({ kind: 'fallacy', fallacy, items: grouped }));
    }
    switch (node.kind) {
      case 'fallacy':
        return groupBy(node.items, (item) => item.finding.ruleId).map(([ruleId, grouped]) => ({ kind: 'rule', ruleId, items: grouped }));
      case 'rule':
        return groupBy(node.items, (item) => item.analysis.uri.toString())
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([, grouped]) => ({ kind: 'file', analysis: grouped[0].analysis, items: grouped }));
      case 'file':
        return node.items
          .sort((a, b) => a.finding.range.offsets[0] - b.finding.range.offsets[0])
          .map((item) => ({ kind: 'finding', item }));
      case 'finding':
        return [];
    }
  }

  getTreeItem(node: ReviewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'fallacy': {
        const item = new vscode.TreeItem(`Fallacy ${node.fallacy}: ${FALLACIES[node.fallacy].name}`, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.items.length);
        item.iconPath = new vscode.ThemeIcon('mortar-board');
        return item;
      }
      case 'rule': {
        const item = new vscode.TreeItem(node.ruleId, vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.items.length);
        item.iconPath = new vscode.ThemeIcon('law');
        return item;
      }
      case 'file': {
        const item = new vscode.TreeItem(node.analysis.uri, vscode.TreeItemCollapsibleState.Collapsed);
        const relative = path.posix.dirname(node.items[0].finding.file);
        item.description = `${relative === '.' ? '' : `${relative} · `}${node.items.length}`;
        return item;
      }
      case 'finding': {
        const { analysis, finding } = node.item;
        const item = new vscode.TreeItem(finding.message, vscode.TreeItemCollapsibleState.None);
        item.description = `line ${finding.range.start.line}`;
        item.tooltip = `${finding.ruleId}: ${finding.message}`;
        item.iconPath = new vscode.ThemeIcon(finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'info');
        item.command = { command: 'vscode.open', title: 'Open', arguments: [analysis.uri, { selection: toVsRange(finding.range) }] };
        return item;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function groupBy<K, T>(items: T[], key: (item: T) => K): Array<[K, T[]]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}
