/**
 * Brings the renderer's quiz markup to life: choosing an option reveals its explanation, announces the
 * verdict in the question's status line and reports the answer (the host grades and stores it).
 */
import { postToHost } from './host';
import type { QuizResult } from './protocol/messages';

/** Shows the reader's earlier answers (and their explanations) in a freshly rendered lesson. */
export function restoreQuizAnswers(container: HTMLElement, lesson: string, previous: readonly QuizResult[]): void {
  for (const fieldset of Array.from(container.querySelectorAll<HTMLFieldSetElement>('fieldset.fl-quiz'))) {
    const quiz = Number(fieldset.dataset.quiz);
    const answer = previous.find((q) => q.lesson === lesson && q.quiz === quiz);
    if (answer) {
      const input = fieldset.querySelector<HTMLInputElement>(`input[data-option="${answer.option}"]`);
      if (input) {
        input.checked = true;
        reveal(fieldset, input, false);
      }
    }
  }
}

/** Handles a `change` event from the lesson content; other changes are ignored. */
export function answerQuiz(event: Event, lesson: string): void {
  const input = event.target as HTMLInputElement;
  if (input.type !== 'radio' || !input.matches('fieldset.fl-quiz input[data-quiz][data-option]')) return;
  const fieldset = input.closest<HTMLFieldSetElement>('fieldset.fl-quiz')!;
  reveal(fieldset, input, true);
  postToHost({ type: 'quizAnswered', lesson, quiz: Number(input.dataset.quiz), option: Number(input.dataset.option) });
}

function reveal(fieldset: HTMLFieldSetElement, chosen: HTMLInputElement, announce: boolean): void {
  const correct = chosen.dataset.correct === 'true';
  for (const input of Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[data-option]'))) {
    const explanation = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    if (explanation) explanation.hidden = input !== chosen;
  }
  fieldset.dataset.answered = correct ? 'correct' : 'incorrect';
  // A restored answer shows its explanation (which starts with the verdict) without being announced again.
  if (!announce) return;
  const feedback = fieldset.querySelector<HTMLElement>('.fl-quiz-feedback');
  if (feedback) feedback.textContent = correct ? 'Correct.' : 'Not quite — read the explanation, then try another option.';
}
