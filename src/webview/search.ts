/**
 * Search box: asks the extension host (which holds the lesson text and the index) as the user types,
 * shows hits as links, and announces the number of results for screen readers.
 */
import { el, replaceChildren } from './dom';
import { postToHost } from './host';
import { LIMITS, type NavTarget, type SearchHit } from './protocol/messages';

const DEBOUNCE_MS = 150;

export class SearchBox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastQuery = '';

  constructor(
    private readonly input: HTMLInputElement,
    private readonly status: HTMLElement,
    private readonly results: HTMLUListElement,
    private readonly onSelect: (target: NavTarget) => void,
  ) {
    input.maxLength = LIMITS.query;
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        input.value = '';
        this.schedule();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        results.querySelector<HTMLAnchorElement>('a')?.focus();
      }
    });
    results.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-hit-lesson]');
      if (!link) return;
      event.preventDefault();
      const section = link.dataset.hitSection;
      this.onSelect(section ? { lesson: link.dataset.hitLesson!, section } : { lesson: link.dataset.hitLesson! });
    });
    results.addEventListener('keydown', (event) => {
      const links = Array.from(results.querySelectorAll<HTMLAnchorElement>('a'));
      const at = links.indexOf(document.activeElement as HTMLAnchorElement);
      if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1]!.focus();
      else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1]! : input).focus();
      else if (event.key === 'Escape') input.focus();
      else return;
      event.preventDefault();
    });
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  show(query: string, hits: readonly SearchHit[]): void {
    if (query !== this.input.value.trim()) return; // an answer to a query the user has already changed
    this.results.hidden = false;
    replaceChildren(
      this.results,
      ...hits.map((hit) =>
        el(
          'li',
          {},
          el(
            'a',
            { href: '#', class: 'fl-search-hit', 'data-hit-lesson': hit.lesson, 'data-hit-section': hit.section },
            el('span', { class: 'fl-search-hit-title' }, hit.title),
            el('span', { class: 'fl-search-hit-excerpt' }, hit.excerpt),
          ),
        ),
      ),
    );
    if (hits.length === 0) this.results.appendChild(el('li', { class: 'fl-search-empty' }, `No lesson mentions “${query}”.`));
    this.status.textContent = hits.length === 1 ? '1 result' : `${hits.length} results`;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const query = this.input.value.trim();
      if (query === this.lastQuery) return;
      this.lastQuery = query;
      if (query === '') {
        this.results.hidden = true;
        replaceChildren(this.results);
        this.status.textContent = '';
        return;
      }
      postToHost({ type: 'search', query });
    }, DEBOUNCE_MS);
  }
}
