/**
 * Panel-wide keys, active only when focus is not in a text field: `/` search, `[` / `]` previous and
 * next lesson. Tabs follow the ARIA tabs pattern: left and right arrows switch between them.
 */
import type { Layout } from './layout';

export interface KeyActions {
  focusSearch(): void;
  step(direction: -1 | 1): void;
  showView(view: 'lesson' | 'lab'): void;
}

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'range', 'button'].includes(target.type);
}

export function wireKeyboard(layout: Layout, actions: KeyActions): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
    if (event.key === '/') actions.focusSearch();
    else if (event.key === '[') actions.step(-1);
    else if (event.key === ']') actions.step(1);
    else return;
    event.preventDefault();
  });
  const tabs = [layout.lessonTab, layout.labTab];
  for (const tab of tabs) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
      event.preventDefault();
      const other = tab === layout.lessonTab ? layout.labTab : layout.lessonTab;
      const target = event.key === 'Home' ? layout.lessonTab : event.key === 'End' ? layout.labTab : other;
      actions.showView(target === layout.lessonTab ? 'lesson' : 'lab');
    });
  }
}
