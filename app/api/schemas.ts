import { z } from "zod";
import {
  ApiAttributionFields,
  ArticleImportSchema,
  ArticleRevisionSchema,
  ClaimReviewFields,
  EvidenceSchema,
  reviewComment,
  versionField,
} from "../newsroom/schemas";
import { DeskFilterSchema } from "../newsroom/desk.server";
import { CommentSchema } from "../comments/comments.server";
import { ApiPageSchema } from "../newsroom/paging";
import { CHANGE_KINDS, VERDICT_KEYS } from "../newsroom/verdicts";
import { MAX_QUERY_LENGTH } from "../search/query";
import { MAX_PAGE_SIZE } from "../newsroom/paging";
import { SEARCH_KINDS } from "../search/search-request";

/**
 * API bodies reuse the forms' field rules. They are strict: a misspelt field is refused with a
 * message rather than silently ignored, so nothing a client meant to save is dropped.
 */
const version = z
  .number({ error: "Send the version you based this change on (a whole number)." })
  .int()
  .min(1);

export const ApiArticleSchema = z.strictObject({
  title: ArticleImportSchema.shape.title,
  markdown: ArticleImportSchema.shape.source,
  format: ArticleImportSchema.shape.format,
  sourceUrl: ArticleImportSchema.shape.sourceUrl,
  outlet: ArticleImportSchema.shape.outlet,
  author: ArticleImportSchema.shape.author,
  originalDate: ArticleImportSchema.shape.originalDate,
});

export const ApiClaimPatchSchema = z.strictObject({
  version,
  verdict: z
    .enum(VERDICT_KEYS, { error: `verdict must be one of ${VERDICT_KEYS.join(", ")} (or null).` })
    .nullable()
    .optional(),
  // Without the form's default of "": here a rationale left out must stay as it is, not be erased.
  rationale: ClaimReviewFields.shape.rationale.unwrap().optional(),
  status: ClaimReviewFields.shape.status.optional(),
  assigneeId: z.number().int().min(1).nullable().optional(),
  ...ApiAttributionFields,
});

/**
 * A source's date is `publishedOn` (as in the form, the exports and the snapshot); `publishedAt`,
 * its name in the first API version, is still accepted. Sending both, different, is refused.
 */
const sourceDate = {
  publishedOn: EvidenceSchema.shape.publishedOn.unwrap().optional(),
  publishedAt: EvidenceSchema.shape.publishedOn.unwrap().optional(),
};
function oneSourceDate<T extends { publishedOn?: string; publishedAt?: string }>(value: T) {
  const { publishedAt, publishedOn, ...rest } = value;
  const date = publishedOn ?? publishedAt;
  return date === undefined ? rest : { ...rest, publishedOn: date };
}
const sameSourceDate = (v: { publishedOn?: string; publishedAt?: string }) =>
  v.publishedOn === undefined || v.publishedAt === undefined || v.publishedOn === v.publishedAt;
const BOTH_DATES = {
  error: "Send the source's date once, as publishedOn (publishedAt is its older name).",
  path: ["publishedOn"],
};

export const ApiEvidenceSchema = z
  .strictObject({
    url: EvidenceSchema.shape.url,
    title: EvidenceSchema.shape.title,
    publisher: EvidenceSchema.shape.publisher,
    ...sourceDate,
    stance: EvidenceSchema.shape.stance,
    note: EvidenceSchema.shape.note,
    excerpt: EvidenceSchema.shape.excerpt,
    archiveUrl: EvidenceSchema.shape.archiveUrl,
  })
  .refine(sameSourceDate, BOTH_DATES)
  .transform((v) => ({ publishedOn: "", ...oneSourceDate(v) }));

/** Every field optional and none defaulted: what is left out stays as it is. */
export const ApiEvidencePatchSchema = z
  .strictObject({
    url: EvidenceSchema.shape.url.optional(),
    title: EvidenceSchema.shape.title.unwrap().optional(),
    publisher: EvidenceSchema.shape.publisher.unwrap().optional(),
    ...sourceDate,
    stance: EvidenceSchema.shape.stance.optional(),
    note: EvidenceSchema.shape.note.unwrap().optional(),
    excerpt: EvidenceSchema.shape.excerpt.unwrap().optional(),
    archiveUrl: EvidenceSchema.shape.archiveUrl.unwrap().optional(),
  })
  .refine(sameSourceDate, BOTH_DATES)
  .transform(oneSourceDate);

export const ApiRevisionSchema = z.strictObject({
  version: z.number({ error: "Send the article version you corrected (a whole number)." }).int().min(1),
  markdown: ArticleRevisionSchema.shape.markdown,
});

export const ApiApproveSchema = z.strictObject({ version: version.optional() });

export const ApiSendBackSchema = z.strictObject({
  version: version.optional(),
  comment: reviewComment,
});

export const ApiPublishSchema = z.strictObject({
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
  /** Required from version 2 on (publishArticle refuses a later version without it): never a default. */
  kind: z.enum(CHANGE_KINDS, { error: 'kind must be "correction" or "update".' }).optional(),
  articleVersion: versionField.optional(),
});

/**
 * GET /articles, GET /articles/:id/claims and GET /publications: `?page=` (from 1) and `?limit=`
 * (1 to 200, default 50).
 */
export const ApiListQuerySchema = ApiPageSchema;

/** GET /articles/:id: how many of its claims the answer holds; the rest are its claims list's pages. */
export const ApiArticleQuerySchema = z.strictObject({ limit: ApiPageSchema.shape.limit });

/** GET /claims: the desk's filters (all optional) and the page. */
export const ApiClaimsQuerySchema = z.strictObject({
  status: DeskFilterSchema.shape.status.default("any"),
  verdict: DeskFilterSchema.shape.verdict.default("any"),
  assignee: DeskFilterSchema.shape.assignee.default("any"),
  article: DeskFilterSchema.shape.article.default("any"),
  previous: DeskFilterSchema.shape.previous.default("any"),
  queue: DeskFilterSchema.shape.queue.default("any"),
  ...ApiPageSchema.shape,
});

/** GET /search: the words (required), one kind or all, and a window of the results. */
export const ApiSearchQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, "q is required: the words to search for.")
    .max(MAX_QUERY_LENGTH, `q is at most ${MAX_QUERY_LENGTH} characters.`),
  kind: z.enum(SEARCH_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

/** POST /claims/:id/comments: Markdown, with @name mentions. */
export const ApiCommentSchema = z.strictObject({ body: CommentSchema.shape.body });
