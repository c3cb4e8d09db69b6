import { publicLinkLimiter } from "../db/attempts.server";
import { NotFoundError, TooManyAttempts, UserError } from "../utils/errors";
import { normalizeCode } from "./codes";
import { exerciseByCode, readAnswers, submit, type ExerciseView } from "./exercises.server";

const TEN_MINUTES = 10 * 60_000;
/** Look-ups of codes that do not exist, per address in ten minutes: opening a real code is free. */
const MISSED_CODES = 30;
/** Answers sent per address to one exercise in ten minutes. */
const ANSWERS_PER_ADDRESS = 10;

/**
 * The exercise for a code typed or linked by a student. Every look-up reserves a guess for the
 * address first (so parallel guesses are all counted); finding the exercise gives the guess back.
 */
export async function openExercise(codeParam: string | undefined, address: string): Promise<ExerciseView> {
  const guess = { key: `code:${address}`, limit: MISSED_CODES, windowMs: TEN_MINUTES };
  if (!(await publicLinkLimiter.reserve([guess])))
    throw new TooManyAttempts("Too many codes tried from your connection. Wait ten minutes and try again.");
  const code = normalizeCode(codeParam ?? "");
  const exercise = code ? await exerciseByCode(code) : null;
  if (!exercise)
    throw new NotFoundError(
      "There is no exercise with that code. Check the link or the code with your teacher.",
    );
  await publicLinkLimiter.release(guess);
  return exercise;
}

/** Checks and stores a student's answers; returns the token of their result page. */
export async function submitAnswers(
  exercise: ExerciseView,
  form: Record<string, string>,
  address: string,
): Promise<string> {
  const limit = {
    key: `submit:${address}:${exercise.code}`,
    limit: ANSWERS_PER_ADDRESS,
    windowMs: TEN_MINUTES,
  };
  if (!(await publicLinkLimiter.reserve([limit])))
    throw new TooManyAttempts(
      "Too many answers have been sent from your connection. Wait ten minutes, then send yours again.",
    );
  const read = readAnswers(exercise, form);
  if ("errors" in read) throw new UserError(`Your answers were not sent yet. ${read.errors.join(" ")}`);
  return submit(exercise, read.displayName, read.answers);
}
