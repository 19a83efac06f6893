/**
 * How a quiz is graded (the server grades; the rule lives here once). An item counts when the
 * options chosen are exactly its correct ones: order and repeats do not matter, a missing answer
 * counts as wrong. Passing needs at least `passMark` items right.
 */
export interface GradedItem {
  correct: readonly number[];
}

export function gradeQuiz(
  items: readonly GradedItem[],
  answers: readonly (readonly number[])[],
  passMark: number,
): { score: number; total: number; passed: boolean } {
  let score = 0;
  items.forEach((item, i) => {
    const chosen = new Set(answers[i] ?? []);
    const right = new Set(item.correct);
    if (chosen.size === right.size && [...right].every((c) => chosen.has(c))) score++;
  });
  return { score, total: items.length, passed: score >= passMark };
}
