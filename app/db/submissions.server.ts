import { createHash, randomBytes } from "node:crypto";
import { db } from "./client.server";
import { UserError } from "../utils/errors";
import { SUBMISSION_FIELD, SUBMISSION_TOKEN_MAX } from "../utils/submission";

/** A handled submission is remembered this long: a replay comes within seconds, not days. */
export const SUBMISSION_MEMORY_MS = 24 * 60 * 60 * 1000;
/** How long a replay waits for the first submission of its form to finish (a 200 KB import takes seconds). */
const WAIT_FOR_FIRST_MS = 60_000;
const POLL_MS = 100;

/** A page load's random part of its forms' tokens (see app/ui/SubmissionToken.tsx). */
export const newFormSeed = () => randomBytes(12).toString("base64url");

const keyOf = (userId: number, token: string) =>
  createHash("sha256").update(`${userId}\n${token}`).digest("hex");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the token for this submission; false when another submission of the same form has it. */
async function take(key: string): Promise<boolean> {
  const cutoff = new Date(Date.now() - SUBMISSION_MEMORY_MS);
  await db().submissionToken.deleteMany({ where: { createdAt: { lt: cutoff } } });
  try {
    await db().submissionToken.create({ data: { key } });
    return true;
  } catch (error) {
    // The key is the table's only constraint: a conflict means the token is taken.
    if (error instanceof UserError && error.status === 409) return false;
    throw error;
  }
}

/**
 * Where the first submission of this form went, once it succeeded; null when it failed (its
 * token was given back, so this one may try). Waits while the first is still being handled.
 */
async function firstAnswer(key: string): Promise<string | null> {
  for (let waited = 0; waited < WAIT_FOR_FIRST_MS; waited += POLL_MS) {
    const row = await db().submissionToken.findUnique({ where: { key } });
    if (!row) return null;
    if (row.location !== null) return row.location;
    await sleep(POLL_MS);
  }
  throw new UserError(
    "This form is still being handled. Reload the page in a moment to see the result.",
    409,
  );
}

const isRedirect = (answer: unknown): answer is Response =>
  answer instanceof Response && answer.status >= 300 && answer.status < 400 && answer.headers.has("Location");

/**
 * Runs a create once per form submission. The form's token (SUBMISSION_FIELD) is stored with a
 * unique key before the work starts; a replay of the same submission waits for the first and is
 * sent where the first went (its redirect), instead of making a second copy. A submission that
 * fails gives its token back, so the corrected form can be sent again. Without a token (API
 * clients, which have their own ids), the work simply runs.
 */
export async function oncePerSubmission<T>(
  values: Record<string, string>,
  userId: number,
  work: () => Promise<T>,
): Promise<T | Response> {
  const token = values[SUBMISSION_FIELD] ?? "";
  if (token === "" || token.length > SUBMISSION_TOKEN_MAX) return work();
  const key = keyOf(userId, token);
  while (!(await take(key))) {
    const location = await firstAnswer(key);
    if (location !== null) return new Response(null, { status: 302, headers: { Location: location } });
  }
  let answer: T;
  try {
    answer = await work();
  } catch (error) {
    await db().submissionToken.deleteMany({ where: { key } });
    throw error;
  }
  if (isRedirect(answer))
    await db().submissionToken.update({ where: { key }, data: { location: answer.headers.get("Location") } });
  else await db().submissionToken.deleteMany({ where: { key } });
  return answer;
}
