import type { Quiz, QuizOption } from './types';

export interface QuizProblem {
  /** 0-based line offset inside the fence content (the line after the opening fence is 0). */
  offset: number;
  message: string;
}

export type QuizParse = { ok: true; quiz: Omit<Quiz, 'line'> } | { ok: false; problem: QuizProblem };

const OPTION = /^[-*][ \t]+\[( |x|X)\][ \t]+(.*)$/;

/**
 * Parses the content of a ```quiz fence:
 *
 *     Q: question text (may continue on the following lines)
 *     - [ ] wrong option :: why it is wrong
 *     - [x] right option :: why it is right
 *
 * An indented line after an option continues that option's explanation. Exactly one option is correct,
 * every option has an explanation, and there are at least two options.
 */
export function parseQuizBlock(content: string): QuizParse {
  const lines = content.replace(/\r\n/g, '\n').split('\n');
  let question: string | undefined;
  let questionOffset = 0;
  const options: (QuizOption & { offset: number })[] = [];
  const fail = (offset: number, message: string): QuizParse => ({ ok: false, problem: { offset, message } });

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (question === undefined) {
      const q = /^Q:[ \t]*(.*)$/.exec(line.trim());
      if (!q || q[1]!.trim() === '') return fail(i, 'a quiz starts with "Q: question text"');
      question = q[1]!.trim();
      questionOffset = i;
      continue;
    }
    const opt = OPTION.exec(line.trim());
    if (opt && !/^\s/.test(line)) {
      const body = opt[2]!;
      const sep = body.indexOf(' :: ');
      if (sep === -1) {
        return fail(i, 'every quiz option needs an explanation: "- [ ] option text :: why"');
      }
      const text = body.slice(0, sep).trim();
      const explanation = body.slice(sep + 4).trim();
      if (text === '') return fail(i, 'quiz option text is empty');
      if (explanation === '') return fail(i, 'quiz option explanation is empty');
      options.push({ text, explanation, correct: opt[1] !== ' ', offset: i });
      continue;
    }
    if (options.length === 0) {
      if (/^[-*][ \t]/.test(line.trim())) {
        return fail(i, 'quiz options look like "- [ ] text :: explanation" or "- [x] text :: explanation"');
      }
      question += ' ' + line.trim();
      continue;
    }
    if (/^\s/.test(line)) {
      options[options.length - 1]!.explanation += ' ' + line.trim();
      continue;
    }
    return fail(i, `unexpected line in quiz: "${line.trim()}" (options look like "- [ ] text :: explanation")`);
  }
  if (question === undefined) return fail(0, 'empty quiz block');
  if (options.length < 2) return fail(questionOffset, `a quiz needs at least 2 options, found ${options.length}`);
  const correct = options.filter((o) => o.correct);
  if (correct.length !== 1) {
    const at = correct.length > 1 ? correct[1]!.offset : questionOffset;
    return fail(at, `a quiz needs exactly one correct option ("- [x]"), found ${correct.length}`);
  }
  return {
    ok: true,
    quiz: { question, options: options.map(({ text, correct: c, explanation }) => ({ text, correct: c, explanation })) },
  };
}
