import { type z } from "zod";
import type { Permission } from "../auth/roles";
import { can } from "../auth/roles";
import type { CurrentUser } from "../auth/session.server";
import { userForToken } from "../auth/tokens.server";
import { articleClaimsPage, articleRecord, importArticle, listArticles } from "../newsroom/articles.server";
import { approveClaim, sendBackClaim } from "../newsroom/approval.server";
import { claimWithEvidence, parseReasons, updateClaim } from "../newsroom/claims.server";
import { parseAppearances } from "../newsroom/claim-fields";
import { NotFoundError, UserError } from "../utils/errors";
import { httpError, readId } from "../utils/http.server";
import { readJsonRequest } from "../utils/json-request";
import { deskClaims } from "../newsroom/desk.server";
import { COUNT_CAP, PAGE_SIZE, type Page, type PageRequest } from "../newsroom/paging";
import { addEvidence, removeEvidence, updateEvidence } from "../newsroom/evidence.server";
import { reviseArticle } from "../newsroom/revise.server";
import { exportJson } from "../publishing/export";
import { claimQuantities } from "../claims/quantities";
import { claimReferencesJson, type ReferenceRow } from "../reference/check";
import type { Catalogue } from "../reference/recognise";
import { currentReferenceIndex } from "../reference/reference.server";
import { factCheckPath, versionPath } from "../publishing/links";
import { latestNumber } from "../publishing/latest.server";
import { listPublished, loadPublication, publisher } from "../publishing/publications.server";
import { publishArticle } from "../publishing/publish.server";
import type { Claim, Evidence } from "../generated/prisma/client";
import {
  ApiApproveSchema,
  ApiArticleQuerySchema,
  ApiArticleSchema,
  ApiClaimsQuerySchema,
  ApiClaimPatchSchema,
  ApiCommentSchema,
  ApiEvidencePatchSchema,
  ApiEvidenceSchema,
  ApiListQuerySchema,
  ApiPublishSchema,
  ApiRevisionSchema,
  ApiSearchQuerySchema,
  ApiSendBackSchema,
} from "./schemas";
import { answerTag } from "./revalidation.server";
import { addComment, existingClaimComments, type ThreadComment } from "../comments/comments.server";
import { searchForApi } from "../search/search-page.server";
import { claimMatches } from "../matching/decisions.server";
import { findMatches } from "../matching/match.server";
import { matchJson } from "../matching/types";
import { MatchTextSchema } from "../matching/schemas";
import { importReviews, reviewsFromPage, reviewsFromRequest } from "../reviews/reviews.server";

/**
 * The JSON API under /api/v1: one table of operations, each with the permission it needs.
 * Authentication is by personal API token only (Authorization: Bearer cdk_…), never by the
 * session cookie, so a page on another site cannot borrow a signed-in user's rights.
 */
export const API_BASE = "/api/v1";

interface Call {
  request: Request;
  /** The operation's address, as React Router gives it to the route (app/routes/api.tsx). */
  url: URL;
  user: CurrentUser;
  params: string[];
}

interface Operation {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: RegExp;
  /** undefined: any valid token. */
  permission?: Permission;
  status?: number;
  run: (call: Call) => Promise<unknown>;
}

const id = (value: string | undefined, what: string) => {
  const n = readId(value);
  if (n === null) throw new UserError(`There is no ${what} ${value}.`, 404);
  return n;
};

async function body<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  return readJsonRequest(await request.text(), schema);
}

/**
 * A claim as the API sends it; its figures are read in its article's language when the claim
 * comes with it (English rules otherwise).
 */
function claimJson(
  claim: Claim & { evidence?: Evidence[]; article?: { language: string } },
  hardware: Catalogue<ReferenceRow>,
) {
  const language = claim.article?.language;
  const quantities = claimQuantities({ start: claim.start, text: claim.quote }, language);
  return {
    id: claim.id,
    articleId: claim.articleId,
    text: claim.quote,
    start: claim.start,
    end: claim.end,
    score: claim.score,
    reasons: parseReasons(claim.reasons),
    quantities,
    references: claimReferencesJson({ start: claim.start, text: claim.quote }, quantities, hardware),
    origin: claim.origin,
    status: claim.status,
    verdict: claim.verdict,
    rationale: claim.rationale,
    version: claim.version,
    assigneeId: claim.assigneeId,
    reviewNote: claim.reviewNote,
    lastEditorId: claim.lastEditorId,
    approvedById: claim.approvedById,
    approvedAt: claim.approvedAt?.toISOString() ?? null,
    orphaned: claim.orphanedAt !== null,
    claimant: claim.claimant || null,
    claimantType: claim.claimantType || null,
    claimDate: claim.claimDate || null,
    appearances: parseAppearances(claim.appearances),
    ...(claim.evidence ? { evidence: claim.evidence.map(evidenceJson) } : {}),
  };
}

function evidenceJson(e: Evidence) {
  return {
    id: e.id,
    url: e.url,
    title: e.title,
    publisher: e.publisher,
    publishedOn: e.publishedOn,
    /** The first API version's name for publishedOn, still sent for its clients. */
    publishedAt: e.publishedOn,
    stance: e.stance,
    note: e.note,
    excerpt: e.excerpt,
    archiveUrl: e.archiveUrl,
  };
}

function commentJson(claimId: number, c: ThreadComment) {
  return { id: c.id, claimId, author: c.author, body: c.body, createdAt: c.createdAt, mentions: c.mentions };
}

/**
 * An article as the API sends it, with the first `limit` of its claims in reading order: its
 * cost is bounded by the page, not by the article's claims (decision 031). `claimCount` says how
 * many it has and `claimsNext` where its claims list goes on (null when these are all of them).
 */
async function articleJson(articleId: number, limit = PAGE_SIZE) {
  const [article, claims, latest] = await Promise.all([
    articleRecord(articleId),
    articleClaimsJson(articleId, { page: 1, size: limit }),
    latestNumber({ articleId }),
  ]);
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    sourceUrl: article.sourceUrl,
    originalDate: article.originalDate,
    language: article.language,
    version: article.version,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
    published:
      latest === null ? null : { version: latest, url: publisher().baseUrl + factCheckPath(article.slug) },
    markdown: article.markdown,
    claimCount: claims.claimCount,
    claims: claims.claims,
    claimsNext: pageLinks(articleClaimsAddress(articleId, limit), claims.page).next,
  };
}

/** GET /articles/:id/claims, keeping a `limit` other than the default, so its page 2 follows the article's claims. */
function articleClaimsAddress(articleId: number, limit: number): URL {
  const address = new URL(`${API_BASE}/articles/${articleId}/claims`, publisher().baseUrl);
  if (limit !== PAGE_SIZE) address.searchParams.set("limit", String(limit));
  return address;
}

/** One page of an article's claims in reading order, as the API sends them, and how many it has. */
async function articleClaimsJson(articleId: number, request: PageRequest) {
  const [page, hardware] = await Promise.all([
    articleClaimsPage(articleId, request),
    currentReferenceIndex(),
  ]);
  const article = { language: page.language };
  return {
    claimCount: page.count,
    claims: page.items.map((claim) => claimJson({ ...claim, article }, hardware)),
    page,
  };
}

const claimById = async (claimId: number) =>
  claimJson(await claimWithEvidence(claimId), await currentReferenceIndex());

const CLAIMS_QUERY_HELP =
  "use status, verdict, assignee (me, none, any or a user id), article (an id), previous (any or yes), queue (any, mine, review or mentions), page and limit.";
const LIST_QUERY_HELP = "use page and limit.";
const ARTICLE_QUERY_HELP =
  "use limit (how many of its claims the answer holds, 1 to 200); page through the rest at /api/v1/articles/ID/claims.";

/** A list's query string: its filters and page, refused with 400 when a name or value is unknown. */
function listQuery<S extends z.ZodType>(url: URL, schema: S, help = LIST_QUERY_HELP): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? "");
  if (issue.code === "unrecognized_keys")
    throw new UserError(`Unknown query parameter(s): ${issue.keys.join(", ")}; ${help}`);
  if (field === "page" || field === "limit") throw new UserError(issue.message);
  throw new UserError(`Unknown value for ${field}: ${help}`);
}

/** Where the previous and next pages of a list are: absolute URLs, or null at either end. */
function pageLinks(address: URL, page: Page<unknown>) {
  const url = new URL(address);
  const at = (n: number) => {
    url.searchParams.set("page", String(n));
    return publisher().baseUrl + url.pathname + url.search;
  };
  return {
    page: page.page,
    limit: page.size,
    previous: page.hasPrevious ? at(page.page - 1) : null,
    next: page.hasNext ? at(page.page + 1) : null,
  };
}

const OPERATIONS: Operation[] = [
  {
    method: "GET",
    path: /^\/me$/,
    run: async ({ user }) => ({ id: user.id, email: user.email, name: user.name, role: user.role }),
  },
  {
    method: "GET",
    path: /^\/articles$/,
    permission: "read-drafts",
    run: async ({ url }) => {
      const { page, limit } = listQuery(url, ApiListQuerySchema);
      const articles = await listArticles({ page, size: limit }, "made");
      return {
        articles: articles.items.map((a) => ({
          id: a.id,
          slug: a.slug,
          title: a.title,
          outlet: a.outlet,
          version: a.version,
          claims: a.claims,
          updatedAt: a.updatedAt.toISOString(),
        })),
        ...pageLinks(url, articles),
      };
    },
  },
  {
    method: "POST",
    path: /^\/articles$/,
    permission: "edit",
    status: 201,
    run: async ({ request, user }) => {
      const input = await body(request, ApiArticleSchema);
      const article = await importArticle({ ...input, source: input.markdown }, user.id);
      return articleJson(article.id);
    },
  },
  {
    method: "GET",
    path: /^\/articles\/([^/]+)$/,
    permission: "read-drafts",
    run: async ({ params, url }) => {
      const articleId = id(params[0], "article");
      const { limit } = listQuery(url, ApiArticleQuerySchema, ARTICLE_QUERY_HELP);
      return articleJson(articleId, limit);
    },
  },
  {
    method: "GET",
    path: /^\/articles\/([^/]+)\/claims$/,
    permission: "read-drafts",
    run: async ({ params, url }) => {
      const articleId = id(params[0], "article");
      const { page, limit } = listQuery(url, ApiListQuerySchema);
      const claims = await articleClaimsJson(articleId, { page, size: limit });
      return { claimCount: claims.claimCount, claims: claims.claims, ...pageLinks(url, claims.page) };
    },
  },
  {
    method: "PATCH",
    path: /^\/articles\/([^/]+)$/,
    permission: "edit",
    run: async ({ request, params, user }) => {
      const articleId = id(params[0], "article");
      const input = await body(request, ApiRevisionSchema);
      const revision = await reviseArticle(articleId, input, user);
      return { revision, article: await articleJson(articleId) };
    },
  },
  {
    method: "POST",
    path: /^\/articles\/([^/]+)\/publish$/,
    permission: "publish",
    status: 201,
    run: async ({ request, params, user }) => {
      const articleId = id(params[0], "article");
      const input = await body(request, ApiPublishSchema);
      const articleVersion = input.articleVersion ?? (await articleRecord(articleId)).version;
      const { number, slug } = await publishArticle(
        articleId,
        { articleVersion, changeNote: input.note, changeKind: input.kind },
        user,
      ).catch((error: unknown) => {
        // The refusal names the form's choice; an API client sends `kind`.
        if (error instanceof UserError && error.fields?.changeKind)
          throw new UserError(
            `${error.message} Send "kind": "correction" or "update". Nothing was published.`,
          );
        throw error;
      });
      return {
        version: number,
        url: publisher().baseUrl + versionPath(slug, number),
        latestUrl: publisher().baseUrl + factCheckPath(slug),
      };
    },
  },
  {
    method: "GET",
    path: /^\/search$/,
    permission: "read-drafts",
    run: async ({ url }) => {
      const { q, kind, limit, offset } = listQuery(
        url,
        ApiSearchQuerySchema,
        "use q (required), kind (claim, article, evidence or external), limit (1 to 200) and offset (0 to 10,000).",
      );
      return searchForApi(q, kind, limit, offset);
    },
  },
  {
    method: "GET",
    path: /^\/claims$/,
    permission: "read-drafts",
    run: async ({ url, user }) => {
      const { page, limit, ...filter } = listQuery(url, ApiClaimsQuerySchema, CLAIMS_QUERY_HELP);
      const [claims, hardware] = await Promise.all([
        deskClaims(filter, user.id, { page, size: limit }),
        currentReferenceIndex(),
      ]);
      return {
        total: Math.min(claims.total, COUNT_CAP),
        totalIsCapped: claims.total > COUNT_CAP,
        claims: claims.items.map(({ evidence: _, ...claim }) => claimJson(claim, hardware)),
        ...pageLinks(url, claims),
      };
    },
  },
  {
    method: "GET",
    path: /^\/claims\/([^/]+)$/,
    permission: "read-drafts",
    run: async ({ params }) => claimById(id(params[0], "claim")),
  },
  {
    method: "PATCH",
    path: /^\/claims\/([^/]+)$/,
    permission: "edit",
    run: async ({ request, params, user }) => {
      const claimId = id(params[0], "claim");
      const input = await body(request, ApiClaimPatchSchema);
      await updateClaim(claimId, input, user);
      return claimById(claimId);
    },
  },
  {
    method: "GET",
    path: /^\/claims\/([^/]+)\/matches$/,
    permission: "read-drafts",
    run: async ({ params }) => {
      const { confirmed, suggestions } = await claimMatches(id(params[0], "claim"));
      return { confirmed, matches: suggestions.map(matchJson) };
    },
  },
  {
    method: "GET",
    path: /^\/claims\/([^/]+)\/comments$/,
    permission: "read-drafts",
    run: async ({ params }) => {
      const claimId = id(params[0], "claim");
      return { comments: (await existingClaimComments(claimId)).map((c) => commentJson(claimId, c)) };
    },
  },
  {
    method: "POST",
    path: /^\/claims\/([^/]+)\/comments$/,
    permission: "edit",
    status: 201,
    run: async ({ request, params, user }) => {
      const claimId = id(params[0], "claim");
      const { body: text } = await body(request, ApiCommentSchema);
      const { comment, unresolved } = await addComment(claimId, text, user);
      return { comment: commentJson(claimId, comment), unresolvedMentions: unresolved };
    },
  },
  {
    method: "POST",
    path: /^\/external-reviews$/,
    permission: "edit",
    status: 201,
    run: async ({ request, user }) => {
      // Up to 5 MB of JSON-LD: read in a parsing worker, not on the thread that answers everyone.
      const input = await reviewsFromRequest(await request.text());
      const parsed = "url" in input ? await reviewsFromPage(input.url) : input;
      const { imported, updated, skipped } = await importReviews(parsed, user);
      return { imported, updated, skipped: skipped.length, skippedReviews: skipped };
    },
  },
  {
    method: "POST",
    path: /^\/match$/,
    permission: "read-drafts",
    run: async ({ request }) => {
      const { text } = await body(request, MatchTextSchema);
      return { matches: (await findMatches(text)).map(matchJson) };
    },
  },
  {
    method: "POST",
    path: /^\/claims\/([^/]+)\/evidence$/,
    permission: "edit",
    status: 201,
    run: async ({ request, params, user }) => {
      const claimId = id(params[0], "claim");
      const evidence = await addEvidence(claimId, await body(request, ApiEvidenceSchema), user);
      return { evidence: evidenceJson(evidence), claim: await claimById(claimId) };
    },
  },
  {
    method: "PATCH",
    path: /^\/evidence\/([^/]+)$/,
    permission: "edit",
    run: async ({ request, params, user }) => {
      const evidenceId = id(params[0], "evidence");
      const evidence = await updateEvidence(evidenceId, await body(request, ApiEvidencePatchSchema), user);
      return { evidence: evidenceJson(evidence), claim: await claimById(evidence.claimId) };
    },
  },
  {
    method: "DELETE",
    path: /^\/evidence\/([^/]+)$/,
    permission: "edit",
    run: async ({ params, user }) => {
      const evidence = await removeEvidence(id(params[0], "evidence"), user);
      return { removed: evidence.id, claim: await claimById(evidence.claimId) };
    },
  },
  {
    method: "POST",
    path: /^\/claims\/([^/]+)\/approve$/,
    permission: "approve",
    run: async ({ request, params, user }) => {
      const claimId = id(params[0], "claim");
      const input = await body(request, ApiApproveSchema);
      await approveClaim(claimId, input.version, user);
      return claimById(claimId);
    },
  },
  {
    method: "POST",
    path: /^\/claims\/([^/]+)\/send-back$/,
    permission: "approve",
    run: async ({ request, params, user }) => {
      const claimId = id(params[0], "claim");
      const input = await body(request, ApiSendBackSchema);
      await sendBackClaim(claimId, input.version, input.comment, user);
      return claimById(claimId);
    },
  },
  {
    method: "GET",
    path: /^\/publications$/,
    run: async ({ url }) => {
      const { page, limit } = listQuery(url, ApiListQuerySchema);
      const publications = await listPublished({ page, size: limit });
      return {
        publications: publications.items.map(({ claims, ...p }) => ({
          ...p,
          claims: claims.length,
          url: publisher().baseUrl + factCheckPath(p.slug),
        })),
        ...pageLinks(url, publications),
      };
    },
  },
  {
    method: "GET",
    path: /^\/publications\/([^/]+)$/,
    run: async ({ params }) => {
      const publication = await loadPublication(decodeURIComponent(params[0]!));
      if (!publication) throw new NotFoundError(`There is no published fact-check called ${params[0]}.`);
      return exportJson(publication.snapshot, publication.history, publisher());
    },
  },
];

const json = (value: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(value, null, 2) + "\n", {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });

/** Answers every request under /api/v1; errors are JSON `{"error": "..."}` with their status. */
export async function handleApi(request: Request, url: URL): Promise<Response> {
  const path = url.pathname.slice(API_BASE.length).replace(/\/+$/, "");
  const method = request.method.toUpperCase() === "HEAD" ? "GET" : request.method.toUpperCase();
  try {
    const matching = OPERATIONS.filter((op) => op.path.test(path));
    if (matching.length === 0)
      throw new NotFoundError(`There is no API operation at ${API_BASE}${path}. See docs/api.md.`);
    const operation = matching.find((op) => op.method === method);
    if (!operation) {
      const allowed = matching.map((op) => op.method).join(", ");
      return json({ error: `${method} is not supported here; use ${allowed}.` }, 405, { Allow: allowed });
    }
    const user = await userForToken(request.headers.get("Authorization"));
    if (!user)
      throw new UserError(
        "Send a valid personal API token: Authorization: Bearer cdk_… (create one under Settings).",
        401,
      );
    if (operation.permission && !can(user.role, operation.permission)) {
      throw new UserError(`Your role (${user.role}) does not allow this.`, 403);
    }
    const params = operation.path.exec(path)!.slice(1);
    const run = () => operation.run({ request, url, user, params });
    if (method !== "GET") return json(await run(), operation.status);
    // Pollers send back the tag they were given and get 304 while nothing was committed.
    const tag = await answerTag(`${user.id} ${user.role}`, url.pathname + url.search);
    const revalidate = { ETag: tag, "Cache-Control": "private, no-cache" };
    // Only the tag itself: "*" would answer 304 for an address that is now a 404 or a 400.
    if (
      request.headers
        .get("If-None-Match")
        ?.split(",")
        .some((t) => t.trim() === tag)
    )
      return new Response(null, { status: 304, headers: revalidate });
    return json(await run(), operation.status, revalidate);
  } catch (error) {
    const answer = httpError(error);
    if (answer) {
      // Only claims are saved against a version, so a conflict's current record is a claim.
      const current =
        answer.current === undefined
          ? {}
          : { current: await claimById((answer.current as Claim).id).catch(() => null) };
      return json({ error: answer.message, ...current }, answer.status, answer.headers);
    }
    console.error(error);
    return json(
      { error: "Something went wrong on the server; nothing was saved. The error has been logged." },
      500,
    );
  }
}
