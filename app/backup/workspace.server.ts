import { z } from "zod";
import { db } from "../db/client.server";

/**
 * The whole workspace as one JSON document, for backups and moving servers: users (without
 * password hashes, invitations, sessions or API tokens), articles, claims, evidence,
 * publications with their stored pages, classroom exercises and answers, and the audit trail.
 * Every row keeps its id, so links, audit events and published permalinks survive a restore.
 */
export const WORKSPACE_SCHEMA = "claimdesk.workspace/1";

const int = z.number().int();
const optionalInt = int.nullable();
const text = z.string();
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optionalDate = date.nullable();

const UserRow = z.strictObject({ id: int, email: text, name: text, role: text, active: z.boolean(), createdAt: date });
const ArticleRow = z.strictObject({
  id: int, slug: text, title: text, outlet: text, author: text, sourceUrl: text, originalDate: text, markdown: text,
  status: text, version: int, createdById: optionalInt, createdAt: date, updatedAt: date,
});
const ClaimRow = z.strictObject({
  id: int, articleId: int, start: int, end: int, quote: text, prefix: text, suffix: text, origin: text, score: z.number(),
  reasons: text, status: text, verdict: text.nullable(), rationale: text, version: int, lastEditorId: optionalInt,
  // Exports made before the verdict author was recorded lack it: see verdictAuthor().
  verdictById: optionalInt.optional(),
  approvedById: optionalInt, approvedAt: optionalDate, assigneeId: optionalInt, reviewNote: text, orphanedAt: optionalDate,
  orphanReason: text, createdAt: date, updatedAt: date,
});
const EvidenceRow = z.strictObject({
  id: int, claimId: int, url: text, title: text, publisher: text, publishedOn: text, stance: text, note: text, excerpt: text,
  archiveUrl: text, addedById: optionalInt, createdAt: date,
});
const PublicationRow = z.strictObject({
  id: int, articleId: int, number: int, changeNote: text, snapshot: text, page: text, archivedPage: text,
  publishedById: optionalInt, publishedAt: date,
});
const ExerciseRow = z.strictObject({
  id: int, code: text, publicationId: int, title: text, instructions: text, mode: text, claimIds: text, status: text,
  createdById: optionalInt, createdAt: date,
});
const SubmissionRow = z.strictObject({ id: int, exerciseId: int, tokenHash: text, displayName: text, answers: text, createdAt: date });
const AuditRow = z.strictObject({
  id: int, at: date, actorId: optionalInt, articleId: optionalInt, entityType: text, entityId: int, action: text,
  before: text.nullable(), after: text.nullable(),
});

export const WorkspaceSchema = z.strictObject({
  schema: z.literal(WORKSPACE_SCHEMA, { error: `This is not a Claimdesk workspace export (expected "schema": "${WORKSPACE_SCHEMA}").` }),
  exportedAt: z.string(),
  users: z.array(UserRow),
  articles: z.array(ArticleRow),
  claims: z.array(ClaimRow),
  evidence: z.array(EvidenceRow),
  publications: z.array(PublicationRow),
  exercises: z.array(ExerciseRow),
  submissions: z.array(SubmissionRow),
  auditEvents: z.array(AuditRow),
});
export type Workspace = z.input<typeof WorkspaceSchema>;

/** The columns each table contributes, by the export's names; secrets are left out on purpose. */
export const EXPORTED_COLUMNS = {
  User: Object.keys(UserRow.shape),
  Article: Object.keys(ArticleRow.shape),
  Claim: Object.keys(ClaimRow.shape),
  Evidence: Object.keys(EvidenceRow.shape),
  Publication: Object.keys(PublicationRow.shape),
  Exercise: Object.keys(ExerciseRow.shape),
  Submission: Object.keys(SubmissionRow.shape),
  AuditEvent: Object.keys(AuditRow.shape),
};
export const SECRET_COLUMNS = { User: ["passwordHash", "inviteTokenHash", "inviteExpiresAt"] };

/** Reads everything in one transaction, so the export is a consistent snapshot even while people work. */
export async function exportWorkspace(): Promise<Workspace> {
  const byId = { orderBy: { id: "asc" as const } };
  const rows = await db().$transaction(async (tx) => ({
    users: await tx.user.findMany({ ...byId, select: { id: true, email: true, name: true, role: true, active: true, createdAt: true } }),
    articles: await tx.article.findMany(byId),
    claims: await tx.claim.findMany(byId),
    evidence: await tx.evidence.findMany(byId),
    publications: await tx.publication.findMany(byId),
    exercises: await tx.exercise.findMany(byId),
    submissions: await tx.submission.findMany(byId),
    auditEvents: await tx.auditEvent.findMany(byId),
  }));
  // Dates become ISO strings exactly as JSON.stringify writes them.
  return JSON.parse(JSON.stringify({ schema: WORKSPACE_SCHEMA, exportedAt: new Date().toISOString(), ...rows }));
}

/** As the migration that introduced the column did: the last editor stands for an older export's verdict author. */
function verdictAuthor(claim: z.output<typeof ClaimRow>): number | null {
  if (claim.verdictById !== undefined) return claim.verdictById;
  return claim.verdict !== null || claim.rationale !== "" ? claim.lastEditorId : null;
}

export class RestoreRefused extends Error {}

/** Why a document is not a workspace export, in one line per problem (at most five). */
function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`)
    .join("\n");
}

/**
 * Restores an export into an empty database, all or nothing. Returns the row counts. Users come
 * back without passwords: each needs a new invitation (see scripts/data-import.ts).
 */
export async function importWorkspace(document: unknown): Promise<Record<string, number>> {
  const parsed = WorkspaceSchema.safeParse(document);
  if (!parsed.success) throw new RestoreRefused(`The file is not a valid workspace export; nothing was imported.\n${describe(parsed.error)}`);
  const data = parsed.data;
  return db().$transaction(
    async (tx) => {
      const existing = (await tx.user.count()) + (await tx.article.count());
      if (existing > 0) {
        throw new RestoreRefused("This database is not empty; a restore would mix two workspaces. Point DATABASE_URL at a new file and import there.");
      }
      const steps: Array<[string, () => Promise<unknown>]> = [
        ["users", () => tx.user.createMany({ data: data.users.map((u) => ({ ...u, passwordHash: "" })) })],
        ["articles", () => tx.article.createMany({ data: data.articles })],
        ["claims", () => tx.claim.createMany({ data: data.claims.map((c) => ({ ...c, verdictById: verdictAuthor(c) })) })],
        ["evidence", () => tx.evidence.createMany({ data: data.evidence })],
        ["publications", () => tx.publication.createMany({ data: data.publications })],
        ["exercises", () => tx.exercise.createMany({ data: data.exercises })],
        ["submissions", () => tx.submission.createMany({ data: data.submissions })],
        ["auditEvents", () => tx.auditEvent.createMany({ data: data.auditEvents })],
      ];
      for (const [table, insert] of steps) {
        try {
          await insert();
        } catch (error) {
          const reason = error instanceof Error ? error.message.split("\n").filter(Boolean).pop() : String(error);
          throw new RestoreRefused(`The export's ${table} do not fit together (a duplicate id or a reference to a missing row); nothing was imported.\n${reason}`);
        }
      }
      return {
        users: data.users.length,
        articles: data.articles.length,
        claims: data.claims.length,
        evidence: data.evidence.length,
        publications: data.publications.length,
        exercises: data.exercises.length,
        submissions: data.submissions.length,
        auditEvents: data.auditEvents.length,
      };
    },
    { timeout: 120_000 },
  );
}
