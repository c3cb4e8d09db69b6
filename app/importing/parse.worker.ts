// Worker-thread entry for parsing untrusted input (see parser.server.ts). A worker lives on
// between jobs; each message is one job, answered with its result or with the error it threw.
import { parentPort } from "node:worker_threads";
import { extractFrom, type extract } from "../claims/extract";
import { project, type Projection } from "../claims/projection";
import { reanchorAll, type Anchor, type Placement } from "../claims/reanchor";
import type { LanguageCode } from "../claims/language";
import {
  claimReviewsFrom,
  parseClaimReviewJson,
  readClaimReviewRequest,
  requireSome,
  type ParsedReviews,
} from "./claim-review";
import { UserError } from "../utils/errors";
import { extractPage, type ExtractedPage } from "./extract-page";
import { jsonLdBlocks } from "./page-json-ld";
import { MARKUP_TOO_SLOW } from "./limits";
import { splitExercise, type ExerciseText } from "../claims/sentence-units";
import type { Span } from "../claims/segment";

export type ParseJob =
  | { kind: "page"; html: string; pageUrl: string }
  | { kind: "claims"; markdown: string; language?: LanguageCode | undefined; markupBudgetMs: number }
  | { kind: "reanchor"; text: string; anchors: Anchor[] }
  | { kind: "reviews"; from: ReviewSource; text: string }
  | {
      kind: "exercise";
      markdown: string;
      counted: Span[];
      language?: string | undefined;
      sentences: boolean;
    };

/**
 * Where other fact-checkers' ClaimReviews are read from: a fetched page's HTML, JSON-LD as
 * pasted, or the API's request body (which may name a page to fetch instead).
 */
export type ReviewSource = "page" | "json" | "request";

/** The ClaimReviews read (or the page a request names), or why not (a sentence for the person). */
export type ReviewReading = { parsed: ParsedReviews } | { url: string } | { refused: string };

/** What the claim engine found: the text projection, its language and the proposed claims (sentences stay here). */
export type ClaimExtraction = Pick<ReturnType<typeof extract>, "projection" | "language" | "claims">;

export type ParseAnswer =
  | { ok: true; result: ExtractedPage | ClaimExtraction | Placement[] | ReviewReading | ExerciseText | null }
  | { ok: false; error: { name: string; message: string; code?: string } };

function run(
  job: ParseJob,
): ExtractedPage | ClaimExtraction | Placement[] | ReviewReading | ExerciseText | null {
  if (job.kind === "page") return extractPage(job.html, job.pageUrl);
  if (job.kind === "reanchor") return reanchorAll(job.text, job.anchors);
  if (job.kind === "reviews") return readReviews(job.from, job.text);
  if (job.kind === "exercise") return splitExercise(job.markdown, job.counted, job.language, job.sentences);
  const { projection, language, claims } = extractFrom(
    projected(job.markdown, job.markupBudgetMs),
    job.language,
  );
  return { projection, language, claims };
}

/**
 * The markdown's projection, timed: past `budgetMs` the text is refused (MARKUP_TOO_SLOW), since
 * every view of the article parses it again, on the request thread. Wall time, not a count: what
 * markdown-it costs depends on which of its rules fail where, and no count of tokens or
 * characters read from outside predicts it (decision 032).
 */
function projected(markdown: string, budgetMs: number): Projection {
  const started = performance.now();
  const projection = project(markdown);
  const took = performance.now() - started;
  if (took > budgetMs)
    throw Object.assign(new Error(`The markdown took ${Math.round(took)} ms to parse.`), {
      code: MARKUP_TOO_SLOW,
    });
  return projection;
}

parentPort!.on("message", (job: ParseJob) => {
  let answer: ParseAnswer;
  try {
    answer = { ok: true, result: run(job) };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    answer = {
      ok: false,
      error: { name: error.name, message: error.message, code: (error as { code?: string }).code },
    };
  }
  parentPort!.postMessage(answer);
});

function readReviews(from: ReviewSource, text: string): ReviewReading {
  try {
    if (from === "page")
      return {
        parsed: requireSome(
          claimReviewsFrom(jsonLdBlocks(text)),
          "The page has no ClaimReview in its JSON-LD.",
        ),
      };
    if (from === "json") return { parsed: parseClaimReviewJson(text) };
    const request = readClaimReviewRequest(text);
    return "url" in request ? request : { parsed: request };
  } catch (error) {
    if (error instanceof UserError) return { refused: error.message };
    throw error;
  }
}
