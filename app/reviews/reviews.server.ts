import type { CurrentUser } from "../auth/session.server";
import { db } from "../db/client.server";
import { FetchRefused, safeFetch } from "../importing/safe-fetch.server";
import { ServerBusy, UserError } from "../utils/errors";
import { pageWindow, readPage, toPage, type Page } from "../newsroom/paging";
import {
  isWebUrl,
  MAX_INPUT_BYTES,
  MAX_INPUT_LABEL,
  ReviewInputError,
  type ParsedReviews,
  type ReviewItem,
  type SkippedReview,
} from "../importing/claim-review";
import { parser } from "../importing/parser.server";
import type { ExternalReviewRow } from "./external-review";

/** Other fact-checkers' reviews: imported from JSON-LD or a fact-check page, listed, searched. */

const REVIEW_FIELDS = [
  "url",
  "claimReviewed",
  "claimant",
  "publisher",
  "publisherUrl",
  "reviewDate",
  "ratingText",
  "ratingValue",
  "bestRating",
  "worstRating",
] as const satisfies ReadonlyArray<keyof ReviewItem>;

export interface ImportResult {
  /** New review URLs stored. */
  imported: number;
  /** Review URLs already stored: brought up to date. */
  updated: number;
  skipped: SkippedReview[];
}

/**
 * Reviews written per transaction. On SQLite a review costs under 1 ms of the event loop to write
 * (its search-index rows included): a batch held it 25-80 ms, under 200 ms on a busy machine
 * (scripts/bench-review-import.ts). Other requests are answered between batches.
 */
export const IMPORT_BATCH = 100;

/**
 * Imports waiting behind the one running, at most: each holds its reviews (up to 5,000) in memory
 * until its turn, so more are refused at once instead of queueing without end.
 */
export const MAX_WAITING_IMPORTS = 4;

/** Bulk imports in this process run one at a time, so two at once do not double the wait. */
let importQueue: Promise<unknown> = Promise.resolve();
let importsQueued = 0;
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (importsQueued > MAX_WAITING_IMPORTS)
    return Promise.reject(
      new ServerBusy(
        "Claimdesk is importing too many review files right now. Try again in a minute; nothing was saved.",
      ),
    );
  importsQueued++;
  const turn = importQueue.then(work).finally(() => importsQueued--);
  importQueue = turn.catch(() => undefined);
  return turn;
}

const nextTurnOfTheLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes one batch: a review URL seen before is updated (only if it changed), never duplicated. */
async function storeBatch(batch: ReviewItem[], importedById: number | null) {
  return db().$transaction(
    async (tx) => {
      const existing = new Map<string, ReviewItem>();
      const rows = await tx.externalReview.findMany({
        where: { url: { in: batch.map((r) => r.url) } },
        select: Object.fromEntries(REVIEW_FIELDS.map((f) => [f, true])) as Record<keyof ReviewItem, true>,
      });
      for (const row of rows) existing.set(row.url, row);
      const fresh = batch.filter((r) => !existing.has(r.url));
      if (fresh.length > 0)
        await tx.externalReview.createMany({ data: fresh.map((r) => ({ ...r, importedById })) });
      // Known URLs: rewritten only when the review changed (a feed imported again writes nothing).
      for (const review of batch) {
        const before = existing.get(review.url);
        if (before && REVIEW_FIELDS.some((f) => before[f] !== review[f]))
          await tx.externalReview.update({ where: { url: review.url }, data: { ...review, importedById } });
      }
      return fresh.length;
    },
    { timeout: 60_000 },
  );
}

/**
 * Reviews read (all checked before anything is written), stored in batches of up to IMPORT_BATCH, each
 * its own transaction, with a turn of the event loop between them. A batch is keyed by review
 * URL like the whole import, so an import that stopped midway keeps what it stored and the same
 * import sent again completes it; the error then says how many were stored.
 */
export async function importReviews(
  parsed: ParsedReviews,
  actor: Pick<CurrentUser, "id"> | null,
): Promise<ImportResult> {
  const reviews = parsed.reviews.map((r) => r.review);
  const skipped = [...parsed.skipped].sort((a, b) => a.index - b.index);
  if (reviews.length === 0) return { imported: 0, updated: 0, skipped };
  return oneAtATime(async () => {
    let imported = 0;
    let stored = 0;
    // The first batches are small: a process's first writes run cold (query plans, compiled code).
    for (let i = 0, size = 10; i < reviews.length; i += size, size = Math.min(2 * size, IMPORT_BATCH)) {
      if (i > 0) await nextTurnOfTheLoop();
      const batch = reviews.slice(i, i + size);
      try {
        imported += await storeBatch(batch, actor?.id ?? null);
      } catch (error) {
        if (stored === 0) throw error;
        console.error(error);
        throw new UserError(
          `The import stopped after storing ${stored.toLocaleString("en")} of ${reviews.length.toLocaleString("en")} reviews. ` +
            "Send the same reviews again to finish: those already stored are updated, never duplicated.",
          503,
        );
      }
      stored += batch.length;
    }
    return { imported, updated: reviews.length - imported, skipped };
  });
}

/**
 * A fact-check page's ClaimReviews, fetched through the guarded fetch (no private addresses). A
 * page that cannot be fetched or read is a 400 on the `url` field; every parsing worker busy is
 * workersBusy's 429, as for an article.
 */
export async function reviewsFromPage(url: string): Promise<ParsedReviews> {
  const trimmed = url.trim();
  if (!isWebUrl(trimmed) || trimmed.length > 2_000)
    throw new UserError("Give the page's full http or https address.", 400, {
      url: "Give the page's full http or https address.",
    });
  try {
    const html = (await safeFetch(trimmed, { maxBytes: MAX_INPUT_BYTES })).body;
    return await parser.reviews("page", html);
  } catch (error) {
    if (error instanceof FetchRefused) throw new UserError(error.message, 400, { url: error.message });
    throw error;
  }
}

/** Pasted ClaimReview JSON-LD, read in a parsing worker; refused with a sentence. */
export async function reviewsFromJson(json: string): Promise<ParsedReviews> {
  if (json.length > MAX_INPUT_BYTES)
    throw new ReviewInputError(`The JSON-LD is larger than ${MAX_INPUT_LABEL}.`);
  return parser.reviews("json", json);
}

/** The API's request body, read in a parsing worker: the reviews it carries, or the page it names. */
export const reviewsFromRequest = (body: string) => parser.reviewRequest(body);

export const REVIEWS_PAGE_SIZE = 25;

/** One page of imported reviews, newest first (`?page=`), and how many there are. */
export async function reviewsPage(
  params: URLSearchParams,
): Promise<{ page: Page<ExternalReviewRow>; total: number }> {
  const request = readPage(params, REVIEWS_PAGE_SIZE);
  const { skip, take } = pageWindow(request);
  const [rows, total] = await Promise.all([
    db().externalReview.findMany({ orderBy: [{ importedAt: "desc" }, { id: "desc" }], skip, take }),
    db().externalReview.count(),
  ]);
  const items = rows.map((r) => ({
    id: r.id,
    url: r.url,
    claimReviewed: r.claimReviewed,
    claimant: r.claimant,
    publisher: r.publisher,
    publisherUrl: r.publisherUrl,
    reviewDate: r.reviewDate,
    ratingText: r.ratingText,
    ratingValue: r.ratingValue,
    bestRating: r.bestRating,
    importedAt: r.importedAt.toISOString(),
  }));
  return { page: toPage(items, request), total };
}

/** The first page, for tests and scripts. */
export const listReviews = async (page: number) => {
  const { page: found, total } = await reviewsPage(new URLSearchParams({ page: String(page) }));
  return { reviews: found.items, total };
};

/** The /reviews form: a page's address or pasted JSON-LD, one of the two. */
export async function importFromReviewForm(
  values: Record<string, string>,
  actor: Pick<CurrentUser, "id">,
): Promise<ImportResult> {
  const url = (values.url ?? "").trim();
  const json = values.json ?? "";
  if (url && json.trim()) {
    const message = "Give a page's address or paste JSON-LD, not both.";
    throw new UserError(message, 400, { url: message });
  }
  if (!url && !json.trim()) {
    const message = "Give a fact-check page's address or paste its ClaimReview JSON-LD.";
    throw new UserError(message, 400, { url: message });
  }
  if (url) return importReviews(await reviewsFromPage(url), actor);
  try {
    return await importReviews(await reviewsFromJson(json), actor);
  } catch (error) {
    // A busy server is not the JSON-LD's fault: its sentence stands alone, over the form.
    if (error instanceof UserError && !error.fields && !(error instanceof ServerBusy))
      throw new UserError(error.message, error.status, { json: error.message });
    throw error;
  }
}
