import { parseQuantities } from "../claims/quantities";
import { renderMarkdown } from "../publishing/annotate";
import type { ExerciseView, StudentResult } from "./exercises.server";

/**
 * A student's answers beside the fact-checkers' work: what their result page shows once they ask
 * for the fact-check, and what the exercise's teachers open from the students table.
 */
export function answerSheet(exercise: ExerciseView, submission: StudentResult) {
  const { comparison } = submission;
  return {
    comparison,
    reasons: exercise.reasons,
    rationales: comparison.claims.map((c) => renderMarkdown(c.claim.rationale)),
    quantities: comparison.claims.map((c) => parseQuantities(c.claim.quote)),
    source: exercise.askSource
      ? {
          ...submission.guesses,
          outlet: exercise.snapshot.article.outlet,
          author: exercise.snapshot.article.author,
          url: exercise.snapshot.article.sourceUrl,
        }
      : null,
  };
}
