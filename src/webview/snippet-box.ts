/**
 * "In your code": the flagged snippet from the finding that opened the lesson, and the suggested fix.
 * Code is shown as text only; nothing from the snippet is interpreted as markup.
 */
import { el, replaceChildren } from './dom';
import type { Snippet } from './protocol/messages';

export class SnippetBox {
  constructor(
    private readonly box: HTMLElement,
    private readonly onDismiss: () => void,
  ) {}

  show(snippet: Snippet | undefined): void {
    if (!snippet) {
      this.box.hidden = true;
      replaceChildren(this.box);
      return;
    }
    const code = (text: string, label: string, variant: string): HTMLElement =>
      el('pre', { class: `fl-snippet fl-snippet-${variant}`, 'aria-label': label, tabindex: 0 }, el('code', { class: snippet.language ? `language-${snippet.language}` : undefined }, text));
    const dismiss = el('button', { type: 'button', class: 'fl-button fl-button-secondary fl-your-code-dismiss' }, 'Hide');
    dismiss.addEventListener('click', () => this.onDismiss());
    replaceChildren(
      this.box,
      el('h2', { id: 'fl-ui-your-code-title' }, 'In your code'),
      snippet.ruleId ? el('p', { class: 'fl-your-code-rule' }, 'Flagged by the rule ', el('code', {}, snippet.ruleId), '.') : null,
      code(snippet.code, 'Flagged code', 'flagged'),
      snippet.fix !== undefined ? el('h3', {}, 'Suggested fix') : null,
      snippet.fix !== undefined ? code(snippet.fix, 'Suggested fix', 'fix') : null,
      dismiss,
    );
    this.box.hidden = false;
  }
}
