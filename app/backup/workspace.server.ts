import { z } from "zod";
import { NewUserSchema } from "../auth/users.server";
import { ExerciseSchema, StoredAnswers } from "../classroom/exercises.server";
import { TIME_ZONES } from "../classroom/due";
import { normalizeCode } from "../classroom/codes";
import { LANGUAGE_CODES } from "../claims/language";
import { db } from "../db/client.server";
import { advanceIdSequences } from "../db/sql.server";
import {
  ARTICLE_STATUSES,
  ArticleMetaSchema,
  ArticleRevisionSchema,
  CLAIM_ORIGINS,
  CLAIMANT_TYPES,
  ClaimReviewFields,
  EvidenceSchema,
  httpUrl,
  MAX_APPEARANCES,
  MAX_ARTICLE_BYTES,
  partialDate,
  PublishSchema,
  SlugSchema,
} from "../newsroom/schemas";
import { CHANGE_KINDS, CLAIM_STATUSES, VERDICT_KEYS } from "../newsroom/verdicts";
import { renderFactCheckPage } from "../publishing/page.server";
import { storableJsonText } from "../publishing/xml-safe";
import { publisher } from "../publishing/publications.server";
import {
  includedClaims,
  snapshotColumns,
  publicationEntry,
  readSnapshot,
  SnapshotSchema,
} from "../publishing/snapshot";

/**
 * The whole workspace as one JSON document, for backups and moving servers: users (without
 * password hashes, invitations, sessions or API tokens), articles, claims, evidence,
 * publications with their stored pages and the claims they include, classroom exercises and
 * answers, the hardware reference with editors' corrections, and the audit trail.
 * Every row keeps its id, so links, audit events and published permalinks survive a restore.
 */
export const WORKSPACE_SCHEMA = "claimdesk.workspace/1";

const int = z.number().int();
const id = int.min(1, "Ids are positive whole numbers.");
const optionalId = id.nullable();
const count = int.min(0);
const text = (max: number) => z.string().max(max, `Keep it under ${max} characters.`);
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optionalDate = date.nullable();
const MAX_TEXT = MAX_ARTICLE_BYTES;

/** A column holding JSON text: it must parse, and match what the app reads from it. */
function jsonText(schema: z.ZodType, what: string) {
  return z.string().superRefine((value, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `${what} is not valid JSON.` });
      return;
    }
    const result = schema.safeParse(parsed);
    if (!result.success) {
      const [issue] = result.error.issues;
      ctx.addIssue({
        code: "custom",
        message: `${what} is not valid: ${issue!.path.join(".") || "value"}: ${issue!.message}`,
      });
    }
  });
}

// The same rules as the app's own writes (forms, API, publishing); an export from Claimdesk meets them.
const UserRow = z.strictObject({
  id,
  email: NewUserSchema.shape.email,
  name: NewUserSchema.shape.name,
  role: NewUserSchema.shape.role,
  active: z.boolean(),
  createdAt: date,
});
const ArticleRow = z.strictObject({
  id,
  slug: SlugSchema,
  title: ArticleMetaSchema.shape.title,
  outlet: ArticleMetaSchema.shape.outlet,
  author: ArticleMetaSchema.shape.author,
  sourceUrl: ArticleMetaSchema.shape.sourceUrl,
  originalDate: ArticleMetaSchema.shape.originalDate,
  // Exports made before articles had a language lack it: undetermined, as the migration left them.
  language: z.enum(LANGUAGE_CODES).default("und"),
  markdown: ArticleRevisionSchema.shape.markdown,
  status: z.enum(ARTICLE_STATUSES),
  version: id,
  createdById: optionalId,
  createdAt: date,
  updatedAt: date,
});
const ClaimRow = z
  .strictObject({
    id,
    articleId: id,
    start: count,
    end: count,
    quote: text(MAX_TEXT),
    prefix: text(MAX_TEXT),
    suffix: text(MAX_TEXT),
    origin: z.enum(CLAIM_ORIGINS),
    score: z.number().finite(),
    reasons: jsonText(z.array(z.string()), "reasons"),
    status: z.enum(CLAIM_STATUSES),
    verdict: z.enum(VERDICT_KEYS).nullable(),
    rationale: ClaimReviewFields.shape.rationale.unwrap(),
    version: id,
    lastEditorId: optionalId,
    // Exports made before the verdict author was recorded lack it: see verdictAuthor().
    verdictById: optionalId.optional(),
    approvedById: optionalId,
    approvedAt: optionalDate,
    assigneeId: optionalId,
    reviewNote: text(4000),
    orphanedAt: optionalDate,
    orphanReason: text(2000),
    // Exports made before claims recorded who made them lack these four.
    claimant: text(200).optional(),
    claimantType: z.enum(["", ...CLAIMANT_TYPES]).optional(),
    claimDate: partialDate.optional(),
    appearances: jsonText(z.array(httpUrl).max(MAX_APPEARANCES), "appearances").optional(),
    createdAt: date,
    updatedAt: date,
  })
  .refine((claim) => claim.start < claim.end, {
    message: "A claim's start must come before its end.",
    path: ["end"],
  });
const EvidenceRow = z.strictObject({
  id,
  claimId: id,
  ...EvidenceSchema.shape,
  addedById: optionalId,
  createdAt: date,
});
const PublicationRow = z.strictObject({
  id,
  articleId: id,
  number: id,
  changeNote: PublishSchema.shape.changeNote.unwrap(),
  // Copied from the snapshot (see withRenderedPages); exports made before the column lack it.
  changeKind: z.enum(CHANGE_KINDS).optional(),
  snapshot: jsonText(SnapshotSchema, "snapshot"),
  // Stored pages are not trusted: they are rendered again from the snapshots (see renderPages).
  page: z.string(),
  archivedPage: z.string(),
  publishedById: optionalId,
  publishedAt: date,
  // Copied from the snapshot like the pages (see withRenderedPages); exports made before them lack them.
  title: z.string().optional(),
  outlet: z.string().optional(),
  verdicts: z.string().optional(),
});
// Like stored pages, not trusted: rebuilt from the snapshots (see withRenderedPages).
const PublicationClaimRow = z.strictObject({ claimId: id, publicationId: id });
const ExerciseRow = z.strictObject({
  id,
  code: z
    .string()
    .refine((code) => normalizeCode(code) === code, "A share code is 10 characters of the code alphabet."),
  publicationId: optionalId,
  // An educator's own article, never published; exports made before it lack the field.
  snapshot: jsonText(SnapshotSchema, "snapshot").nullable().optional(),
  title: ExerciseSchema.shape.title,
  instructions: ExerciseSchema.shape.instructions.unwrap(),
  mode: ExerciseSchema.shape.mode,
  claimIds: jsonText(z.array(int), "claimIds"),
  status: z.enum(["open", "closed"]),
  // Exports made before the source step lack it.
  askSource: z.boolean().optional(),
  // Exports made before due times lack them.
  dueAt: optionalDate.optional(),
  dueZone: z
    .string()
    .refine(
      (zone) => zone === "" || TIME_ZONES.includes(zone),
      "A due time's zone is an IANA name like Europe/Paris.",
    )
    .optional(),
  createdById: optionalId,
  createdAt: date,
});
const SubmissionRow = z.strictObject({
  id,
  exerciseId: id,
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, "A token hash is 64 hexadecimal digits."),
  displayName: z.string().trim().min(1).max(60),
  answers: jsonText(StoredAnswers, "answers"),
  createdAt: date,
  sentAt: optionalDate.optional(),
  // Exports made before devices and reveals were recorded lack them: no device, seen at once.
  deviceHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "A device hash is 64 hexadecimal digits.")
    .nullable()
    .optional(),
  revealedAt: optionalDate.optional(),
  // Exports made before the rubric lack it.
  rubric: z.enum(["beginning", "emerging", "mastery"]).nullable().optional(),
  rubricComment: text(1000).optional(),
  publisherGuess: text(300).optional(),
  purposeGuess: text(300).optional(),
});
const ExerciseTeacherRow = z.strictObject({ exerciseId: id, userId: id });
const rating = z.number().finite().nullable();
/** Another fact-checker's review (app/reviews), as imported. */
const ExternalReviewRow = z.strictObject({
  id,
  url: text(2_000),
  claimReviewed: text(5_000),
  claimant: text(500),
  publisher: text(500),
  publisherUrl: text(2_000),
  reviewDate: text(50),
  ratingText: text(500),
  ratingValue: rating,
  bestRating: rating,
  worstRating: rating,
  importedById: optionalId,
  importedAt: date,
  updatedAt: date,
});
const auditJson = jsonText(z.unknown(), "audit detail").nullable();
const AuditRow = z.strictObject({
  id,
  at: date,
  actorId: optionalId,
  articleId: optionalId,
  entityType: text(50),
  entityId: int,
  action: text(50),
  before: auditJson,
  after: auditJson,
});

const ClaimMatchRow = z.strictObject({
  id,
  claimId: id,
  otherId: id,
  decision: z.enum(["same", "dismissed"]),
  decidedById: optionalId,
  decidedAt: date,
});

const ClaimCommentRow = z.strictObject({
  id,
  claimId: id,
  authorId: optionalId,
  body: z.string(),
  createdAt: date,
});

const ClaimMentionRow = z.strictObject({ commentId: id, claimId: id, userId: id });

const figure = z.number().positive().nullable();
const HardwareReferenceRow = z.strictObject({
  id,
  name: text(120).min(1),
  aliases: text(500),
  manufacturer: text(120),
  int8Tops: figure,
  fp16Tflops: figure,
  memoryGb: figure,
  bandwidthGbs: figure,
  tdpWatts: figure,
  processNm: figure,
  foundry: text(120),
  releaseDate: text(10),
  sourceUrl: text(2000),
  sourceName: text(200),
  updatedById: optionalId,
  updatedAt: date,
  version: int.min(1),
});

export const WorkspaceSchema = z.strictObject({
  schema: z.literal(WORKSPACE_SCHEMA, {
    error: `This is not a Claimdesk workspace export (expected "schema": "${WORKSPACE_SCHEMA}").`,
  }),
  exportedAt: z.string(),
  users: z.array(UserRow),
  articles: z.array(ArticleRow),
  claims: z.array(ClaimRow),
  evidence: z.array(EvidenceRow),
  publications: z.array(PublicationRow),
  // Exports made before the index of published claims lack it; it is rebuilt either way.
  publicationClaims: z.array(PublicationClaimRow).optional(),
  exercises: z.array(ExerciseRow),
  submissions: z.array(SubmissionRow),
  // Exports made before co-teachers lack them.
  exerciseTeachers: z.array(ExerciseTeacherRow).optional(),
  auditEvents: z.array(AuditRow),
  // Exports made before claim matching lack editors' decisions on suggestions.
  claimMatches: z.array(ClaimMatchRow).optional(),
  // Exports made before other fact-checkers' reviews lack them.
  externalReviews: z.array(ExternalReviewRow).optional(),
  // Exports made before comments on claims lack them.
  claimComments: z.array(ClaimCommentRow).optional(),
  claimMentions: z.array(ClaimMentionRow).optional(),
  // Exports made before the hardware reference lack it: the restored server keeps the shipped rows.
  hardwareReferences: z.array(HardwareReferenceRow).optional(),
});
export type Workspace = z.input<typeof WorkspaceSchema>;

/** The columns each table contributes, by the export's names; secrets are left out on purpose. */
export const EXPORTED_COLUMNS = {
  User: Object.keys(UserRow.shape),
  Article: Object.keys(ArticleRow.shape),
  Claim: Object.keys(ClaimRow.shape),
  Evidence: Object.keys(EvidenceRow.shape),
  Publication: Object.keys(PublicationRow.shape),
  PublicationClaim: Object.keys(PublicationClaimRow.shape),
  Exercise: Object.keys(ExerciseRow.shape),
  Submission: Object.keys(SubmissionRow.shape),
  ExerciseTeacher: Object.keys(ExerciseTeacherRow.shape),
  AuditEvent: Object.keys(AuditRow.shape),
  ClaimMatch: Object.keys(ClaimMatchRow.shape),
  ExternalReview: Object.keys(ExternalReviewRow.shape),
  ClaimComment: Object.keys(ClaimCommentRow.shape),
  ClaimMention: Object.keys(ClaimMentionRow.shape),
  HardwareReference: Object.keys(HardwareReferenceRow.shape),
};
export const SECRET_COLUMNS = { User: ["passwordHash", "inviteTokenHash", "inviteExpiresAt"] };

/** Reads everything in one transaction, so the export is a consistent snapshot even while people work. */
export async function exportWorkspace(): Promise<Workspace> {
  const byId = { orderBy: { id: "asc" as const } };
  const rows = await db().$transaction(async (tx) => ({
    users: await tx.user.findMany({
      ...byId,
      select: { id: true, email: true, name: true, role: true, active: true, createdAt: true },
    }),
    articles: await tx.article.findMany(byId),
    claims: await tx.claim.findMany(byId),
    evidence: await tx.evidence.findMany(byId),
    publications: await tx.publication.findMany(byId),
    publicationClaims: await tx.publicationClaim.findMany({
      orderBy: [{ publicationId: "asc" }, { claimId: "asc" }],
    }),
    exercises: await tx.exercise.findMany(byId),
    submissions: await tx.submission.findMany(byId),
    exerciseTeachers: await tx.exerciseTeacher.findMany({
      orderBy: [{ exerciseId: "asc" }, { userId: "asc" }],
    }),
    auditEvents: await tx.auditEvent.findMany(byId),
    claimMatches: await tx.claimMatch.findMany(byId),
    externalReviews: await tx.externalReview.findMany(byId),
    claimComments: await tx.claimComment.findMany(byId),
    claimMentions: await tx.claimMention.findMany({ orderBy: [{ commentId: "asc" }, { userId: "asc" }] }),
    hardwareReferences: await tx.hardwareReference.findMany(byId),
  }));
  // Dates become ISO strings exactly as JSON.stringify writes them.
  return JSON.parse(
    JSON.stringify({ schema: WORKSPACE_SCHEMA, exportedAt: new Date().toISOString(), ...rows }),
  );
}

/** As the migration that introduced the column did: the last editor stands for an older export's verdict author. */
function verdictAuthor(claim: z.output<typeof ClaimRow>): number | null {
  if (claim.verdictById !== undefined) return claim.verdictById;
  return claim.verdict !== null || claim.rationale !== "" ? claim.lastEditorId : null;
}

export class RestoreRefused extends Error {}

/** Why a document is not a workspace export, one line per problem (at most five), naming the record and field. */
function describe(error: z.ZodError, document: unknown): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const [table, index, ...field] = issue.path;
      if (typeof table !== "string" || typeof index !== "number")
        return `${issue.path.join(".") || "file"}: ${issue.message}`;
      const row = (document as Record<string, unknown[] | undefined>)[table]?.[index];
      const which =
        row && typeof row === "object" && "id" in row ? `id ${JSON.stringify(row.id)}` : `entry ${index + 1}`;
      return `${table} ${which}${field.length ? `, field ${field.join(".")}` : ""}: ${issue.message}`;
    })
    .join("\n");
}

type PublicationData = z.output<typeof PublicationRow>;

/**
 * Each publication's pages and list summary, made from its snapshot as publishing does: stored
 * HTML in a file is never served, and a list never shows what the snapshot does not say. A
 * snapshot loses what PostgreSQL cannot store (a NUL a SQLite workspace kept in a rationale, say),
 * so a workspace moves from SQLite to PostgreSQL whole; no page ever showed those characters.
 */
function withRenderedPages(exported: PublicationData[]): PublicationData[] {
  const site = publisher();
  const publications = exported.map((p) => ({ ...p, snapshot: storableJsonText(p.snapshot) }));
  const byArticle = new Map<number, PublicationData[]>();
  for (const p of publications) {
    if (!byArticle.has(p.articleId)) byArticle.set(p.articleId, []);
    byArticle.get(p.articleId)!.push(p);
  }
  const snapshots = new Map(publications.map((p) => [p, readSnapshot(p.snapshot)]));
  return publications.map((publication) => {
    const history = byArticle
      .get(publication.articleId)!
      .filter((p) => p.number <= publication.number)
      .sort((a, b) => a.number - b.number)
      .map((p) => publicationEntry({ ...p, changeKind: snapshots.get(p)!.changeKind }));
    const snapshot = snapshots.get(publication)!;
    return {
      ...publication,
      ...snapshotColumns(snapshot),
      page: renderFactCheckPage(snapshot, history, "latest", site),
      archivedPage: renderFactCheckPage(snapshot, history, "archived", site),
    };
  });
}

/**
 * Restores an export into an empty database, all or nothing. Returns the row counts. Users come
 * back without passwords: each needs a new invitation (see scripts/data-import.ts).
 */
/** The tables whose ids a restore gives explicitly. */
const ID_TABLES = [
  "User",
  "Article",
  "Claim",
  "Evidence",
  "Publication",
  "Exercise",
  "Submission",
  "AuditEvent",
  "ClaimMatch",
  "ExternalReview",
  "ClaimComment",
  "HardwareReference",
];

export async function importWorkspace(document: unknown): Promise<Record<string, number>> {
  const parsed = WorkspaceSchema.safeParse(document);
  if (!parsed.success)
    throw new RestoreRefused(
      `The file is not a valid workspace export; nothing was imported.\n${describe(parsed.error, document)}`,
    );
  const data = parsed.data;
  const publications = withRenderedPages(data.publications);
  const publicationClaims = data.publications.flatMap((p) => includedClaims(p.id, readSnapshot(p.snapshot)));
  return db().$transaction(
    async (tx) => {
      const existing = (await tx.user.count()) + (await tx.article.count());
      if (existing > 0) {
        throw new RestoreRefused(
          "This database is not empty; a restore would mix two workspaces. Point DATABASE_URL at a new file or an empty PostgreSQL database and import there.",
        );
      }
      const steps: Array<[string, () => Promise<unknown>]> = [
        ["users", () => tx.user.createMany({ data: data.users.map((u) => ({ ...u, passwordHash: "" })) })],
        ["articles", () => tx.article.createMany({ data: data.articles })],
        [
          "claims",
          () =>
            tx.claim.createMany({ data: data.claims.map((c) => ({ ...c, verdictById: verdictAuthor(c) })) }),
        ],
        ["evidence", () => tx.evidence.createMany({ data: data.evidence })],
        ["publications", () => tx.publication.createMany({ data: publications })],
        ["publicationClaims", () => tx.publicationClaim.createMany({ data: publicationClaims })],
        [
          "exercises",
          () =>
            tx.exercise.createMany({
              data: data.exercises.map((e) => ({ ...e, snapshot: e.snapshot ?? null })),
            }),
        ],
        [
          "submissions",
          () =>
            tx.submission.createMany({
              data: data.submissions.map((s) => ({
                ...s,
                deviceHash: s.deviceHash ?? null,
                revealedAt: s.revealedAt === undefined ? s.createdAt : s.revealedAt,
              })),
            }),
        ],
        ["exerciseTeachers", () => tx.exerciseTeacher.createMany({ data: data.exerciseTeachers ?? [] })],
        ["auditEvents", () => tx.auditEvent.createMany({ data: data.auditEvents })],
        ["claimMatches", () => tx.claimMatch.createMany({ data: data.claimMatches ?? [] })],
        ["externalReviews", () => tx.externalReview.createMany({ data: data.externalReviews ?? [] })],
        ["claimComments", () => tx.claimComment.createMany({ data: data.claimComments ?? [] })],
        ["claimMentions", () => tx.claimMention.createMany({ data: data.claimMentions ?? [] })],
        [
          "hardwareReferences",
          async () => {
            if (!data.hardwareReferences) return;
            // The export's reference, editors' corrections included, replaces the rows start-up loaded.
            await tx.hardwareReference.deleteMany();
            await tx.hardwareReference.createMany({ data: data.hardwareReferences });
          },
        ],
      ];
      for (const [table, insert] of steps) {
        try {
          await insert();
        } catch (error) {
          const reason =
            error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
          throw new RestoreRefused(
            `The export's ${table} do not fit together (a duplicate id or a reference to a missing row); nothing was imported.\n${reason}`,
          );
        }
      }
      await advanceIdSequences(tx, ID_TABLES);
      return {
        users: data.users.length,
        articles: data.articles.length,
        claims: data.claims.length,
        evidence: data.evidence.length,
        publications: data.publications.length,
        publicationClaims: publicationClaims.length,
        exercises: data.exercises.length,
        submissions: data.submissions.length,
        exerciseTeachers: data.exerciseTeachers?.length ?? 0,
        auditEvents: data.auditEvents.length,
        claimMatches: data.claimMatches?.length ?? 0,
        externalReviews: data.externalReviews?.length ?? 0,
        claimComments: data.claimComments?.length ?? 0,
        claimMentions: data.claimMentions?.length ?? 0,
        hardwareReferences: data.hardwareReferences?.length ?? 0,
      };
    },
    { timeout: 120_000 },
  );
}
