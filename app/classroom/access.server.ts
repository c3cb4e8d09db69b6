import { publicLinkLimiter } from "../db/attempts.server";
import { NotFoundError, TooManyAttempts, UserError } from "../utils/errors";
import { normalizeCode } from "./codes";
import { exerciseByCode, readAnswers, submit, type ExerciseView } from "./exercises.server";

const TEN_MINUTES = 10 * 60_000;
/** Look-ups of codes that do not exist, per address in ten minutes: opening a real code is free. */
const MISSED_CODES = 30;
/**
 * Answers accepted per address for one exercise in ten minutes. A school puts every pupil behind
 * one address, so this is sized for three classes of 40 answering the same exercise at once;
 * answers that fail validation are not counted (a student who made a mistake sends again), and
 * a student changing their answers from the same device edits one row, it is not a new answer.
 */
export const ANSWERS_PER_ADDRESS = 120;

const tooManyCodes = () =>
  new TooManyAttempts("Too many codes tried from your connection. Wait ten minutes and try again.");

/**
 * The exercise for a code typed or linked by a student. Only codes that do not exist count
 * against the address, so a whole class opening the real code at the same moment never does;
 * an address that has used up its guesses is refused even for a real code, so a locked-out
 * guesser cannot tell a hit from a miss.
 */
export async function openExercise(codeParam: string | undefined, address: string): Promise<ExerciseView> {
  const guess = { key: `code:${address}`, limit: MISSED_CODES, windowMs: TEN_MINUTES };
  if (await publicLinkLimiter.exhausted(guess)) throw tooManyCodes();
  const code = normalizeCode(codeParam ?? "");
  const exercise = code ? await exerciseByCode(code) : null;
  if (exercise) return exercise;
  if (!(await publicLinkLimiter.reserve([guess]))) throw tooManyCodes();
  throw new NotFoundError(
    "There is no exercise with that code. Check the link or the code with your teacher.",
  );
}

/** Checks and stores a student's answers; returns the token of their result page. */
export async function submitAnswers(
  exercise: ExerciseView,
  form: Record<string, string>,
  address: string,
): Promise<string> {
  const read = readAnswers(exercise, form);
  if ("errors" in read) throw new UserError(`Your answers were not sent yet. ${read.errors.join(" ")}`);
  const limit = {
    key: `submit:${address}:${exercise.code}`,
    limit: ANSWERS_PER_ADDRESS,
    windowMs: TEN_MINUTES,
  };
  if (!(await publicLinkLimiter.reserve([limit])))
    throw new TooManyAttempts(
      "Too many answers have been sent from your connection. Wait ten minutes, then send yours again.",
    );
  return submit(exercise, read.displayName, read.answers);
}
