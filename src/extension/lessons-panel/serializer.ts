/**
 * Brings the lessons panel back after VS Code restarts or reloads the window. VS Code hands us the last
 * state the webview saved with `setState`; it came from the webview, so it is validated like a message.
 */
import * as vscode from 'vscode';
import { savedStateSchema, type SavedState } from '../../webview/protocol/messages';
import { SchemaError } from '../../webview/protocol/schema';
import type { LessonsPanel } from './lessons-panel';

export class LessonsPanelSerializer implements vscode.WebviewPanelSerializer<unknown> {
  constructor(
    private readonly panel: LessonsPanel,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    this.panel.restore(webviewPanel, this.validState(state));
  }

  private validState(state: unknown): SavedState | undefined {
    if (state === undefined || state === null) return undefined;
    try {
      return savedStateSchema(state, 'savedState');
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      this.log.warn(`Ignored the lessons panel's saved state: ${error.message}`);
      return undefined;
    }
  }
}
