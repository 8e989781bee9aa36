import type { Progress } from '../runner/run-analysis';

/**
 * A one-line progress indicator on a terminal (stderr), redrawn at most ten times a second and
 * erased at the end so that it never mixes with the report.
 */
export function terminalProgress(write: (text: string) => void): { update(progress: Progress): void; clear(): void } {
  let lastDraw = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      if (progress.done !== progress.total && now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const verb = progress.phase === 'index' ? 'Indexing' : 'Analysing';
      write(`\r\u001b[K${verb} ${progress.done}/${progress.total} files`);
    },
    clear() {
      if (drawn) write('\r\u001b[K');
    },
  };
}
