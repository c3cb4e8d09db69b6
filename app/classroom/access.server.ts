import { publicLinkLimiter } from "../db/attempts.server";
import { NotFoundError, TooManyAttempts, UserError } from "../utils/errors";
import { normalizeCode } from "./codes";
import {
  deviceSubmission,
  exerciseByCode,
  readAnswers,
  resumeLink,
  submit,
  type ExerciseView,
} from "./exercises.server";

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

/** Changes one device may make to its answers in ten minutes (a change is not a new answer). */
const CHANGES_PER_DEVICE = 30;

/**
 * Checks and stores a student's answers; returns the token of their result page. A new answer
 * counts against the address; a change from a device that already answered counts against the
 * device only. Nothing is counted for answers that fail validation.
 */
export async function submitAnswers(
  exercise: ExerciseView,
  form: Record<string, string>,
  address: string,
  deviceToken: string,
): Promise<string> {
  const read = readAnswers(exercise, form);
  if ("errors" in read) {
    const count = Object.keys(read.errors).length;
    throw new UserError(
      `Your answers were not sent yet: ${count === 1 ? "one thing needs" : `${count} things need`} fixing.`,
      400,
      read.errors,
    );
  }
  const existing = await deviceSubmission(exercise, deviceToken);
  const limit = existing
    ? { key: `change:${deviceToken}`, limit: CHANGES_PER_DEVICE, windowMs: TEN_MINUTES }
    : { key: `submit:${address}:${exercise.code}`, limit: ANSWERS_PER_ADDRESS, windowMs: TEN_MINUTES };
  if (!(await publicLinkLimiter.reserve([limit])))
    throw new TooManyAttempts(
      "Too many answers have been sent from your connection. Wait ten minutes, then send yours again.",
    );
  return (await submit(exercise, read.displayName, read.answers, deviceToken, read.guesses)).token;
}

/** A new private link to the answers this device sent (the old link stops working). */
export async function resumeAnswers(exercise: ExerciseView, deviceToken: string): Promise<string> {
  const token = await resumeLink(exercise, deviceToken);
  if (!token) throw new NotFoundError("No answers were sent from this device to this exercise.");
  return token;
}
