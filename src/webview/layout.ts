/**
 * The panel's fixed skeleton: sidebar (search, progress, table of contents) and main area with two
 * tabs (lesson, lab). UI ids start with `fl-ui-` so they never collide with lesson heading ids.
 */
import { el, replaceChildren } from './dom';

export interface Layout {
  searchInput: HTMLInputElement;
  searchStatus: HTMLElement;
  searchResults: HTMLUListElement;
  progressText: HTMLElement;
  progressBar: HTMLProgressElement;
  toc: HTMLOListElement;
  resetButton: HTMLButtonElement;
  main: HTMLElement;
  lessonTab: HTMLButtonElement;
  labTab: HTMLButtonElement;
  lessonView: HTMLElement;
  labView: HTMLElement;
  yourCode: HTMLElement;
  lessonContent: HTMLElement;
  completeToggle: HTMLInputElement;
  prevButton: HTMLButtonElement;
  nextButton: HTMLButtonElement;
}

export function buildLayout(root: HTMLElement): Layout {
  const searchInput = el('input', {
    id: 'fl-ui-search-input',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-controls': 'fl-ui-search-results',
    'aria-describedby': 'fl-ui-keys',
  });
  const searchStatus = el('p', { id: 'fl-ui-search-status', class: 'fl-visually-hidden', role: 'status', 'aria-live': 'polite' });
  const searchResults = el('ul', { id: 'fl-ui-search-results', class: 'fl-search-results', 'aria-label': 'Search results', hidden: true });
  const progressText = el('p', { id: 'fl-ui-progress-text', class: 'fl-progress-text' });
  const progressBar = el('progress', { id: 'fl-ui-progress', class: 'fl-progress-bar', max: 1, value: 0, 'aria-labelledby': 'fl-ui-progress-text' });
  const toc = el('ol', { id: 'fl-ui-toc', class: 'fl-toc' });
  const resetButton = el('button', { id: 'fl-ui-reset', type: 'button', class: 'fl-button fl-button-secondary' }, 'Reset progress…');

  const lessonTab = el('button', { id: 'fl-ui-tab-lesson', type: 'button', role: 'tab', 'aria-controls': 'fl-ui-lesson-view', 'aria-selected': 'true' }, 'Lesson');
  const labTab = el('button', { id: 'fl-ui-tab-lab', type: 'button', role: 'tab', 'aria-controls': 'fl-ui-lab-view', 'aria-selected': 'false', tabindex: -1 }, 'Lab: replica-lag simulator');
  const yourCode = el('aside', { id: 'fl-ui-your-code', class: 'fl-your-code', 'aria-labelledby': 'fl-ui-your-code-title', hidden: true });
  const lessonContent = el('div', { id: 'fl-ui-lesson-content', class: 'fl-lesson-content' });
  const completeToggle = el('input', { id: 'fl-ui-complete', type: 'checkbox' });
  const prevButton = el('button', { id: 'fl-ui-prev', type: 'button', class: 'fl-button fl-button-secondary' });
  const nextButton = el('button', { id: 'fl-ui-next', type: 'button', class: 'fl-button' });
  const lessonView = el(
    'section',
    { id: 'fl-ui-lesson-view', class: 'fl-view', role: 'tabpanel', 'aria-labelledby': 'fl-ui-tab-lesson' },
    yourCode,
    lessonContent,
    el(
      'div',
      { class: 'fl-lesson-footer' },
      el('label', { class: 'fl-complete', for: 'fl-ui-complete' }, completeToggle, ' I have completed this lesson'),
      el('nav', { class: 'fl-pager', 'aria-label': 'Previous and next lesson' }, prevButton, nextButton),
    ),
  );
  const labView = el('section', { id: 'fl-ui-lab-view', class: 'fl-view', role: 'tabpanel', 'aria-labelledby': 'fl-ui-tab-lab', hidden: true });
  const main = el(
    'main',
    { id: 'fl-ui-main', class: 'fl-main', tabindex: -1 },
    el('div', { class: 'fl-tabs', role: 'tablist', 'aria-label': 'Panel views' }, lessonTab, labTab),
    lessonView,
    labView,
  );

  replaceChildren(
    root,
    el('a', { class: 'fl-skip', href: '#', id: 'fl-ui-skip' }, 'Skip to the lesson'),
    el(
      'nav',
      { class: 'fl-sidebar', 'aria-label': 'Lessons' },
      el('div', { class: 'fl-search', role: 'search' }, el('label', { for: 'fl-ui-search-input' }, 'Search lessons'), searchInput, searchStatus, searchResults),
      el('div', { class: 'fl-progress' }, progressText, progressBar),
      el('h2', { class: 'fl-toc-title', id: 'fl-ui-toc-title' }, 'Contents'),
      toc,
      resetButton,
      el(
        'p',
        { class: 'fl-keys', id: 'fl-ui-keys' },
        'Keys: ',
        el('kbd', {}, '/'),
        ' search, ',
        el('kbd', {}, '['),
        ' previous, ',
        el('kbd', {}, ']'),
        ' next lesson, ',
        el('kbd', {}, '↑'),
        el('kbd', {}, '↓'),
        ' move in the contents.',
      ),
    ),
    main,
  );
  toc.setAttribute('aria-labelledby', 'fl-ui-toc-title');
  return {
    searchInput, searchStatus, searchResults, progressText, progressBar, toc, resetButton, main,
    lessonTab, labTab, lessonView, labView, yourCode, lessonContent, completeToggle, prevButton, nextButton,
  };
}
