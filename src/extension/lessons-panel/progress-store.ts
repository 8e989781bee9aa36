/**
 * The reader's progress (completed lessons, latest answer per quiz question), kept in the extension's
 * global state so it follows the user across workspaces and, through Settings Sync, across machines.
 */
import { progressSchema, type Progress, type QuizResult } from '../../webview/protocol/messages';
import { SchemaError } from '../../webview/protocol/schema';

/** The part of `vscode.Memento` we use; a plain object in tests. */
export interface ProgressMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const PROGRESS_KEY = 'fallacyLens.lessons.progress';

const EMPTY: Progress = { completed: [], quizzes: [] };

export class ProgressStore {
  constructor(
    private readonly memento: ProgressMemento,
    private readonly onCorrupt: (detail: string) => void,
  ) {}

  /** The stored progress; anything that fails the schema (older format, hand edits) counts as none. */
  read(): Progress {
    const stored = this.memento.get<unknown>(PROGRESS_KEY);
    if (stored === undefined) return EMPTY;
    try {
      return progressSchema(stored, 'progress');
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      this.onCorrupt(error.message);
      return EMPTY;
    }
  }

  async setCompleted(lesson: string, completed: boolean): Promise<Progress> {
    const current = this.read();
    const others = current.completed.filter((id) => id !== lesson);
    return this.write({ ...current, completed: completed ? [...others, lesson] : others });
  }

  /** Keeps only the latest answer to each question: progress shows what the reader knows now. */
  async recordQuiz(result: QuizResult): Promise<Progress> {
    const current = this.read();
    const others = current.quizzes.filter((q) => q.lesson !== result.lesson || q.quiz !== result.quiz);
    return this.write({ ...current, quizzes: [...others, result] });
  }

  async reset(): Promise<Progress> {
    return this.write(EMPTY);
  }

  private async write(progress: Progress): Promise<Progress> {
    await this.memento.update(PROGRESS_KEY, progress);
    return progress;
  }
}
