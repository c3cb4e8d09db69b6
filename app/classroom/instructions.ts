/** What students see: the article alone (they find the claims) or with the claims marked (they judge them). */
export type ExerciseMode = "article" | "marked";

/** The instructions a new exercise starts with, in words that fit what students see. */
export const SUGGESTED_INSTRUCTIONS: Record<ExerciseMode, string> = {
  article:
    "Read the article. Mark every sentence you think makes a checkable claim, say whether you think it is accurate, and what kind of source would settle it.",
  marked:
    "Read the article. For each claim marked in it, say whether you think it is accurate, and what kind of source would settle it.",
};

/**
 * The instructions for `mode`: left as suggested (for either mode), they become the suggestion for
 * `mode`; anything else is the educator's own and stays as written, an empty box too.
 */
export function instructionsFor(mode: ExerciseMode, instructions: string): string {
  const suggested = Object.values(SUGGESTED_INSTRUCTIONS).includes(instructions.trim());
  return suggested ? SUGGESTED_INSTRUCTIONS[mode] : instructions;
}
