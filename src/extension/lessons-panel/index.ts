/**
 * Wires the lessons panel into the extension: the public `fallacyLens.openLessons` command, the panel
 * serializer (restores the panel after a reload), and `fallacyLens._lessonsPanelState`, an internal,
 * undocumented-in-the-UI command that tests and benchmarks use to see where the panel is.
 */
import * as vscode from 'vscode';
import { loadLessons } from '../../lessons/load';
import { LessonLibrary } from './lesson-library';
import { LESSONS_VIEW_TYPE, LessonsPanel } from './lessons-panel';
import { parseOpenRequest } from './open-request';
import { PROGRESS_KEY, ProgressStore } from './progress-store';
import { LessonsPanelSerializer } from './serializer';

export const OPEN_LESSONS_COMMAND = 'fallacyLens.openLessons';
/** Internal: returns the panel's `LessonsPanelSnapshot`. Not contributed, so not in the command palette. */
export const LESSONS_PANEL_STATE_COMMAND = 'fallacyLens._lessonsPanelState';

export function registerLessonsPanel(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Fallacy Lens Lessons', { log: true });
  context.globalState.setKeysForSync([PROGRESS_KEY]);
  const progress = new ProgressStore(context.globalState, (detail) => log.warn(`Ignored stored lesson progress: ${detail}`));

  let library: Promise<LessonLibrary> | undefined;
  const loadLibrary = (): Promise<LessonLibrary> => {
    library ??= Promise.resolve()
      .then(() => new LessonLibrary(loadLessons(vscode.Uri.joinPath(context.extensionUri, 'lessons').fsPath)))
      .catch((error: unknown) => {
        library = undefined; // a lesson file fixed on disk is picked up by the next attempt
        throw error;
      });
    return library;
  };

  const panel = new LessonsPanel(context.extensionUri, loadLibrary, progress, log);
  context.subscriptions.push(
    log,
    panel,
    vscode.window.registerWebviewPanelSerializer(LESSONS_VIEW_TYPE, new LessonsPanelSerializer(panel, log)),
    vscode.commands.registerCommand(OPEN_LESSONS_COMMAND, async (args: unknown) => {
      try {
        await panel.show(parseOpenRequest(args, (problem) => log.warn(problem)));
      } catch (error) {
        log.error(`Opening the lessons failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`Fallacy Lens could not open the lessons: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
    vscode.commands.registerCommand(LESSONS_PANEL_STATE_COMMAND, () => panel.snapshot()),
  );
}
