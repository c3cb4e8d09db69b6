import type { LanguageCode } from "../claims/language";
import type { Span } from "../claims/segment";
import { REANCHOR_BUDGET_MS, type Anchor, type Placement } from "../claims/reanchor";
import { budgetInWords, ParseFailure, parser, workersBusy } from "../importing/parser.server";
import { MARKUP_TOO_SLOW } from "../importing/limits";
import { UserError } from "../utils/errors";

/**
 * The text projection, language and proposed claims of an article's markdown, worked out off the
 * event loop (a 2 MB article is seconds of CPU): no import or correction freezes other requests.
 * The text is read in `language` when it is known, else in the language detected in it.
 */
export async function extractClaims(markdown: string, using = parser, language?: LanguageCode) {
  try {
    return await using.claims(markdown, language);
  } catch (error) {
    throw articleRefusal(error, using.limits);
  }
}

/**
 * A classroom exercise's sentences and its counted claims' reasons, worked out off the event
 * loop (`splitExercise`; the classroom splits short articles itself), refused like an article's claims.
 */
export async function splitExerciseOffLoop(
  markdown: string,
  counted: Span[],
  language: string | undefined,
  sentences: boolean,
  using = parser,
) {
  try {
    return await using.exercise(markdown, counted, language, sentences);
  } catch (error) {
    throw articleRefusal(error, using.limits);
  }
}

/** What to tell the person when an article's text could not be split into claims. */
function articleRefusal(error: unknown, limits: typeof parser.limits): UserError {
  const reason = error instanceof ParseFailure ? error.reason : "thrown";
  if (reason === "busy") return workersBusy();
  const cause = error instanceof ParseFailure ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code === MARKUP_TOO_SLOW)
    return new UserError(
      `This text's formatting takes longer than ${budgetInWords({ timeoutMs: limits.markupBudgetMs })} to read, ` +
        "and every view of the article would read it again. Simplify its formatting (long runs of " +
        "markdown symbols such as “![”, “[” or “|”, table rows, link definitions) or split the " +
        "article in parts; nothing was saved.",
      422,
    );
  const shorten = "Shorten the text or split the article in parts; nothing was saved.";
  if (reason === "time")
    return new UserError(
      `This text takes longer than ${budgetInWords(limits)} to split into claims. ${shorten}`,
      422,
    );
  if (reason === "memory")
    return new UserError(
      `This text needs more than ${limits.maxHeapMb} MB of memory to split into claims. ${shorten}`,
      422,
    );
  console.error("Claim extraction failed:", error instanceof ParseFailure ? error.cause : error);
  return new UserError(`This text could not be split into claims. ${shorten}`, 422);
}

/**
 * Where each claim now is in an article's corrected text, worked out off the event loop: a fuzzy
 * search per claim over a 2 MB text held every request for minutes. Past the re-anchoring budget
 * nothing is saved and the editor is asked for smaller steps.
 */
export async function placeClaims(text: string, claims: Anchor[], using = parser): Promise<Placement[]> {
  const anchors = claims.map(({ quote, prefix, suffix, start }) => ({ quote, prefix, suffix, start }));
  const tooLong = (within: string) =>
    new UserError(
      `Claimdesk could not find this article's claims in the new text within ${within}. Correct it in smaller steps, a few paragraphs at a time; nothing was saved.`,
      422,
    );
  let placements: Placement[] | null;
  try {
    placements = await using.reanchor(text, anchors);
  } catch (error) {
    const reason = error instanceof ParseFailure ? error.reason : "thrown";
    if (reason === "busy") throw workersBusy();
    if (reason === "thrown")
      console.error("Re-anchoring failed:", error instanceof ParseFailure ? error.cause : error);
    throw tooLong(budgetInWords(using.limits));
  }
  if (!placements) throw tooLong(`${REANCHOR_BUDGET_MS / 1000} seconds`);
  return placements;
}
