/**
 * Links from findings to the extension's own lessons. A diagnostic's code links to
 * `<uriScheme>://fallacy-lens.fallacy-lens/lesson?id=…&section=…`; VS Code hands such a URI to our
 * UriHandler, which opens the lessons panel: offline, no browser.
 */
import * as vscode from 'vscode';
import type { Finding } from '../analyzer/types';
import { OPEN_LESSONS_COMMAND } from './lessons-panel';

export { OPEN_LESSONS_COMMAND };
export const EXTENSION_ID = 'fallacy-lens.fallacy-lens';

export interface OpenLessonsArgs {
  lesson?: string;
  section?: string;
  ruleId?: string;
  snippet?: { code: string; language: string; fix?: string };
}

/** `lesson-id#section` → its two parts. */
export function splitLessonRef(ref: string): { lesson: string; section?: string } {
  const hash = ref.indexOf('#');
  return hash === -1 ? { lesson: ref } : { lesson: ref.slice(0, hash), section: ref.slice(hash + 1) || undefined };
}

export function lessonUri(finding: Pick<Finding, 'lesson' | 'ruleId'>): vscode.Uri {
  const { lesson, section } = splitLessonRef(finding.lesson);
  const query = new URLSearchParams({ id: lesson });
  if (section) query.set('section', section);
  query.set('rule', finding.ruleId);
  return vscode.Uri.from({ scheme: vscode.env.uriScheme, authority: EXTENSION_ID, path: '/lesson', query: query.toString() });
}

export async function openLesson(args: OpenLessonsArgs): Promise<void> {
  try {
    await vscode.commands.executeCommand(OPEN_LESSONS_COMMAND, args);
  } catch (error) {
    void vscode.window.showErrorMessage(`Fallacy Lens could not open the lesson "${args.lesson ?? ''}": ${error instanceof Error ? error.message : String(error)}`);
  }
}

export class LessonUriHandler implements vscode.UriHandler {
  handleUri(uri: vscode.Uri): Promise<void> | undefined {
    if (uri.path !== '/lesson') {
      void vscode.window.showWarningMessage(`Fallacy Lens does not know the link ${uri.toString(true)}.`);
      return undefined;
    }
    const query = new URLSearchParams(uri.query);
    return openLesson({
      lesson: query.get('id') ?? undefined,
      section: query.get('section') ?? undefined,
      ruleId: query.get('rule') ?? undefined,
    });
  }
}
