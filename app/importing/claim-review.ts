/**
 * Other fact-checkers' reviews: schema.org ClaimReview read from JSON-LD (pure, and run in the parsing workers: app/importing/parser.server.ts; stored by app/reviews).
 * Accepts a single object, an array, an `@graph`, or a DataCommons-style `DataFeed`
 * (`dataFeedElement[].item[]`). Every review is taken whole or skipped with a reason; nothing
 * is half-read. Sizes are bounded before any work: the input, the number of reviews, each string.
 */
import { z } from "zod";
import { UserError } from "../utils/errors";
import { readJsonRequest, type JsonBounds } from "../utils/json-request";

export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
export const MAX_INPUT_LABEL = "5 MB";
export const MAX_REVIEWS = 5_000;
/** How deeply arrays, graphs and feeds may nest before the rest is ignored. */
const MAX_DEPTH = 8;

export const FIELD_LIMITS = {
  url: 2_000,
  claimReviewed: 5_000,
  claimant: 500,
  publisher: 500,
  publisherUrl: 2_000,
  reviewDate: 50,
  ratingText: 500,
} as const;

const FIELD_LABELS: Record<keyof typeof FIELD_LIMITS, string> = {
  url: "Its url",
  claimReviewed: "Its claimReviewed",
  claimant: "The claimant's name",
  publisher: "The publisher's name",
  publisherUrl: "The publisher's url",
  reviewDate: "Its datePublished",
  ratingText: "Its rating's alternateName",
};

export interface ReviewItem {
  url: string;
  claimReviewed: string;
  claimant: string;
  publisher: string;
  publisherUrl: string;
  reviewDate: string;
  ratingText: string;
  ratingValue: number | null;
  bestRating: number | null;
  worstRating: number | null;
}

export interface SkippedReview {
  /** Position among the ClaimReviews found, from 0. */
  index: number;
  reason: string;
}

export interface ParsedReviews {
  reviews: Array<{ index: number; review: ReviewItem }>;
  skipped: SkippedReview[];
}

/** Input that cannot be read at all (not JSON, too large, no ClaimReview): said as a sentence. */
export class ReviewInputError extends UserError {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

const types = (node: Json): string[] =>
  asList(node["@type"])
    .filter((t): t is string => typeof t === "string")
    .map((t) => t.replace(/^(https?:\/\/)?schema\.org\//, ""));

/** Control characters (PostgreSQL refuses NUL) and lone surrogates out, whitespace collapsed. */
const clean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/\s+/g, " ")
    .trim();

/** A text value: a string, a number, or the first of a list (JSON-LD often wraps values). */
function text(v: unknown): string {
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === "string") return clean(first);
  if (typeof first === "number" && Number.isFinite(first)) return String(first);
  if (isObject(first) && typeof first["@value"] === "string") return clean(first["@value"]);
  return "";
}

/** The first of a list of people or organisations: its name and url. */
function party(v: unknown): { name: string; url: string } {
  for (const p of asList(v)) {
    if (typeof p === "string" && clean(p)) return { name: clean(p), url: "" };
    if (isObject(p)) return { name: text(p.name), url: text(p.url) };
  }
  return { name: "", url: "" };
}

function number(v: unknown): number | null {
  const first = Array.isArray(v) ? v[0] : v;
  const n = typeof first === "number" ? first : typeof first === "string" ? Number(first.trim()) : NaN;
  return typeof first === "string" && first.trim() === "" ? null : Number.isFinite(n) ? n : null;
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Every ClaimReview in a JSON-LD document, in order (non-review nodes are passed over). */
function collect(node: unknown, found: unknown[], depth: number): void {
  if (depth > MAX_DEPTH || found.length > MAX_REVIEWS) return;
  if (Array.isArray(node)) {
    for (const n of node) collect(n, found, depth + 1);
    return;
  }
  if (!isObject(node)) return;
  const t = types(node);
  if (t.includes("ClaimReview")) {
    found.push(node);
    return;
  }
  if ("@graph" in node) collect(node["@graph"], found, depth + 1);
  if (t.includes("DataFeed"))
    for (const element of asList(node.dataFeedElement))
      if (isObject(element)) collect(element.item, found, depth + 1);
}

/** One ClaimReview, whole, or the reason it is skipped. */
export function readClaimReview(node: unknown): { review: ReviewItem } | { reason: string } {
  if (!isObject(node)) return { reason: "It is not a JSON object." };
  const url = text(node.url);
  const claimReviewed = text(node.claimReviewed);
  if (!url) return { reason: "It has no url." };
  if (!claimReviewed) return { reason: "It has no claimReviewed." };
  const item = asList(node.itemReviewed).find(isObject);
  const author = party(node.author);
  const publisher = author.name ? author : party(node.publisher);
  const rating = asList(node.reviewRating).find(isObject) ?? {};
  const review: ReviewItem = {
    url,
    claimReviewed,
    claimant: item ? party(item.author).name : "",
    publisher: publisher.name,
    publisherUrl: publisher.url,
    reviewDate: text(node.datePublished),
    ratingText: text(rating.alternateName) || text(rating.name),
    ratingValue: number(rating.ratingValue),
    bestRating: number(rating.bestRating),
    worstRating: number(rating.worstRating),
  };
  for (const [field, limit] of Object.entries(FIELD_LIMITS) as Array<[keyof typeof FIELD_LIMITS, number]>)
    if (review[field].length > limit)
      return { reason: `${FIELD_LABELS[field]} is longer than ${limit.toLocaleString("en")} characters.` };
  if (!isWebUrl(url)) return { reason: "Its url is not an http or https address." };
  if (review.publisherUrl && !isWebUrl(review.publisherUrl)) review.publisherUrl = "";
  return { review };
}

/** The ClaimReviews of parsed JSON-LD documents (one per page block, or one file). */
export function claimReviewsFrom(documents: unknown[]): ParsedReviews {
  const found: unknown[] = [];
  for (const document of documents) collect(document, found, 0);
  if (found.length > MAX_REVIEWS)
    throw new ReviewInputError(
      `There are more than ${MAX_REVIEWS.toLocaleString("en")} reviews; split them into smaller files.`,
    );
  const result: ParsedReviews = { reviews: [], skipped: [] };
  const seen = new Map<string, number>();
  found.forEach((node, index) => {
    const read = readClaimReview(node);
    if ("reason" in read) return void result.skipped.push({ index, reason: read.reason });
    const earlier = seen.get(read.review.url);
    if (earlier !== undefined)
      return void result.skipped.push({
        index,
        reason: `It has the same url as review ${earlier + 1}.`,
      });
    seen.set(read.review.url, index);
    result.reviews.push({ index, review: read.review });
  });
  return result;
}

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A JSON-LD file or pasted text: checked for size, parsed, its ClaimReviews read. */
export function parseClaimReviewJson(input: string): ParsedReviews {
  if (input.length > MAX_INPUT_BYTES || byteLength(input) > MAX_INPUT_BYTES)
    throw new ReviewInputError(`The JSON-LD is larger than ${MAX_INPUT_LABEL}.`);
  if (input.trim() === "") throw new ReviewInputError("The JSON-LD is empty.");
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch {
    throw new ReviewInputError("The JSON-LD is not valid JSON.");
  }
  return requireSome(claimReviewsFrom([json]), "The JSON-LD has no ClaimReview.");
}

/** Already parsed JSON (the API's `claimReview`). */
export function parseClaimReviewValue(json: unknown): ParsedReviews {
  return requireSome(claimReviewsFrom([json]), "The JSON-LD has no ClaimReview.");
}

export function requireSome(parsed: ParsedReviews, message: string): ParsedReviews {
  if (parsed.reviews.length === 0 && parsed.skipped.length === 0) throw new ReviewInputError(message);
  return parsed;
}

/** POST /api/v1/external-reviews: a fact-check page's address, or ClaimReview JSON-LD itself. */
export const ClaimReviewRequestSchema = z
  .strictObject({
    url: z
      .string()
      .trim()
      .min(1, "url is required.")
      .max(2_000, "url is at most 2,000 characters.")
      .optional(),
    claimReview: z.unknown().optional(),
  })
  .refine((v) => (v.url === undefined) !== (v.claimReview === undefined), {
    error: 'Send either {"url": "…"} (a fact-check page) or {"claimReview": …} (ClaimReview JSON-LD).',
  })
  .transform((v): { url: string } | { claimReview: unknown } =>
    v.url !== undefined ? { url: v.url } : { claimReview: v.claimReview },
  );

/** A bulk import's body: 5,000 reviews of a few dozen values each, nested as feeds nest them. */
const REVIEW_REQUEST_BOUNDS: JsonBounds = { maxValues: 1_000_000, maxDepth: 64 };

/** The API's body: the page to read, or the reviews it carries (refused with a sentence otherwise). */
export function readClaimReviewRequest(text: string): { url: string } | ParsedReviews {
  if (text.length > MAX_INPUT_BYTES + 1024)
    throw new ReviewInputError(`The JSON-LD is larger than ${MAX_INPUT_LABEL}.`);
  const request = readJsonRequest(text, ClaimReviewRequestSchema, REVIEW_REQUEST_BOUNDS);
  return "url" in request ? request : parseClaimReviewValue(request.claimReview);
}
