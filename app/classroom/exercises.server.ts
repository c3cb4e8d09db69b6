import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { parseStoredJson } from "../utils/json";
import { db } from "../db/client.server";
import type { CurrentUser } from "../auth/session.server";
import { sha256 as hashToken } from "../auth/secrets.server";
import { UserError } from "../utils/errors";
import type { PageRequest } from "../newsroom/paging";
import { latestPublication, latestPublications } from "../publishing/latest.server";
import type { Snapshot } from "../publishing/snapshot";
import {
  exerciseContent,
  splitArticle,
  tooLongToRead,
  tooManyClaims,
  tooManyToMark,
} from "./exercise-text.server";
import { CODE_ALPHABET } from "./codes";
import { isLate } from "./due";
import { instructionsFor } from "./instructions";
import {
  compare,
  otherMarks,
  SOURCE_KEYS,
  STUDENT_VERDICT_KEYS,
  tally,
  type Answer,
  type Unit,
} from "./compare";

export const MAX_SUBMISSIONS = 1000;

export function newCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export const ExerciseSchema = z.object({
  slug: z.string().min(1),
  title: z
    .string()
    .trim()
    .min(1, "Give the exercise a title.")
    .max(200, "Keep the title under 200 characters."),
  instructions: z.string().trim().max(4000, "Keep the instructions under 4,000 characters.").default(""),
  mode: z.enum(["article", "marked"], { error: "Choose what students see." }),
  claimIds: z.array(z.coerce.number().int()).min(1, "Choose at least one claim that counts."),
  /** A ticked checkbox ("on"): students first say who is behind the article (SIFT). */
  askSource: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
});

/** An exercise's due time: the instant and the zone its educator set it in (nulls for none). */
export interface Due {
  dueAt: Date | null;
  dueZone: string;
}

export async function createExercise(
  input: Omit<z.infer<typeof ExerciseSchema>, "askSource"> & { askSource?: boolean } & Partial<Due>,
  actor: CurrentUser,
) {
  const publication = await latestPublication({ slug: input.slug });
  if (!publication)
    throw new UserError("Exercises are made from published fact-checks; this one is not published.", 404);
  const { snapshot } = publication;
  const known = new Set(snapshot.claims.map((c) => c.id));
  if (!input.claimIds.every((id) => known.has(id)))
    throw new UserError("Choose claims from this fact-check only.");
  // What students are asked to judge, then what they read, bounded before anything is split.
  const tooMany = tooManyClaims(new Set(input.claimIds).size, snapshot.claims.length);
  if (tooMany) throw new UserError(tooMany, 400, { claimIds: tooMany });
  const { markdown, language } = snapshot.article;
  const tooLong = tooLongToRead(markdown.length);
  if (tooLong) throw new UserError(tooLong, 400, { mode: tooLong });
  if (input.mode === "article") {
    const refusal = tooManyToMark((await splitArticle(markdown, [], language, true)).sentences.length);
    if (refusal) throw new UserError(refusal, 400, { mode: refusal });
  }
  return insertExercise({
    publicationId: publication.id,
    title: input.title,
    // Left as suggested for the other mode (a form sent without JavaScript), they follow this one.
    instructions: instructionsFor(input.mode, input.instructions),
    mode: input.mode,
    askSource: input.askSource ?? false,
    claimIds: JSON.stringify(input.claimIds),
    createdById: actor.id,
    dueAt: input.dueAt ?? null,
    dueZone: input.dueZone ?? "",
  });
}

/** Stores a new exercise under a share code no other exercise has. */
export async function insertExercise(data: {
  publicationId?: number;
  snapshot?: string;
  title: string;
  instructions: string;
  mode: string;
  askSource: boolean;
  claimIds: string;
  createdById: number;
  dueAt?: Date | null;
  dueZone?: string;
}) {
  for (;;) {
    const code = newCode();
    if (await db().exercise.findUnique({ where: { code } })) continue;
    return db().exercise.create({ data: { ...data, code } });
  }
}

export interface ExerciseView {
  id: number;
  code: string;
  title: string;
  instructions: string;
  mode: "article" | "marked";
  status: string;
  /** An educator's own article, never published: nothing links to a public fact-check. */
  private: boolean;
  /** Students first say who is behind the article; its outlet and author show only in the reveal. */
  askSource: boolean;
  /** Answers sent after it are accepted and marked late; null for no due time. */
  dueAt: Date | null;
  dueZone: string;
  snapshot: Snapshot;
  counted: Snapshot["claims"];
  units: Unit[];
  /** Why the engine finds each counted claim check-worthy (`engineReasons`), for the reveal. */
  reasons: string[][];
  /** "marked" mode: the article as HTML with the counted claims marked, rendered once and kept. */
  marked: string;
}

/** Everything of an exercise but its snapshot: a few hundred bytes however long the article. */
const EXERCISE_FIELDS = {
  id: true,
  code: true,
  title: true,
  instructions: true,
  mode: true,
  status: true,
  askSource: true,
  dueAt: true,
  dueZone: true,
  publicationId: true,
  claimIds: true,
} as const;

/**
 * An exercise as its pages show it. What students read and how it is run (title, due time,
 * status) is read for each request; its article's content, split into sentences once, is kept
 * (exercise-text.server.ts), so a request costs one small read, not a split.
 */
async function view(where: { code: string } | { id: number }): Promise<ExerciseView | null> {
  const exercise = await db().exercise.findUnique({ where, select: EXERCISE_FIELDS });
  if (!exercise) return null;
  const mode = exercise.mode === "marked" ? "marked" : "article";
  const { snapshot, counted, units, reasons, marked } = await exerciseContent({ ...exercise, mode }, () =>
    storedSnapshot(exercise),
  );
  return {
    id: exercise.id,
    code: exercise.code,
    title: exercise.title,
    instructions: exercise.instructions,
    mode,
    status: exercise.status,
    private: exercise.publicationId === null,
    askSource: exercise.askSource,
    dueAt: exercise.dueAt,
    dueZone: exercise.dueZone,
    snapshot,
    counted,
    units,
    reasons,
    marked,
  };
}

/** The snapshot an exercise is made from: its publication's, or its own (an educator's own article). */
async function storedSnapshot({ id, publicationId }: { id: number; publicationId: number | null }) {
  const stored =
    publicationId === null
      ? (await db().exercise.findUnique({ where: { id }, select: { snapshot: true } }))?.snapshot
      : (await db().publication.findUnique({ where: { id: publicationId }, select: { snapshot: true } }))
          ?.snapshot;
  if (stored == null) throw new Error(`Exercise ${id} has neither a publication nor a snapshot.`);
  return stored;
}

export const exerciseByCode = (code: string) => view({ code });
export const exerciseById = (id: number) => view({ id });

const isWebAddress = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const AnswerSchema = z.object({
  unit: z.number().int(),
  verdict: z.enum(STUDENT_VERDICT_KEYS, { error: "choose a verdict" }),
  source: z.enum(SOURCE_KEYS, { error: "choose the kind of source that would settle it" }),
  evidence: z
    .string()
    .trim()
    .max(500, "keep the link under 500 characters")
    .refine(
      (v) => v === "" || isWebAddress(v),
      "give a web address starting with https:// (or leave it empty)",
    )
    .default(""),
  reason: z.string().trim().max(300, "keep your reason to one sentence (under 300 characters)").default(""),
});

/** A student's answers to the first step, "who is behind it?" (empty when the exercise does not ask). */
export interface Guesses {
  publisherGuess: string;
  purposeGuess: string;
}

/** A passage as a student recognises it in a message: its start, shortened. */
const passage = (text: string) => `“${text.length > 60 ? text.slice(0, 57) + "…" : text}”`;

/**
 * Reads a student's form: display name, and for each marked unit a verdict and a source kind.
 * In "marked" mode every counted claim is answered. Errors are keyed by the id of the control at
 * fault (the error summary links to each) and name the passage they concern.
 */
export function readAnswers(
  exercise: ExerciseView,
  form: Record<string, string>,
): { displayName: string; answers: Answer[]; guesses: Guesses } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const guesses = { publisherGuess: "", purposeGuess: "" };
  if (exercise.askSource)
    for (const [key, missing] of [
      ["publisherGuess", "Say who published the article and who they are."],
      ["purposeGuess", "Say what you think they want from their readers."],
    ] as const) {
      const value = (form[key] ?? "").trim();
      if (value.length === 0) errors[key] = missing;
      else if (value.length > 300) errors[key] = "Keep it under 300 characters.";
      else guesses[key] = value;
    }
  const name = (form.displayName ?? "").trim();
  if (name.length === 0) errors.displayName = "Give a display name (a first name or a nickname is enough).";
  if (name.length > 60) errors.displayName = "Keep the display name under 60 characters.";
  const answers: Answer[] = [];
  for (const unit of exercise.units) {
    const marked = exercise.mode === "marked" || form[`mark-${unit.index}`] === "on";
    if (!marked) continue;
    const parsed = AnswerSchema.safeParse({
      unit: unit.index,
      verdict: form[`verdict-${unit.index}`],
      source: form[`source-${unit.index}`],
      evidence: form[`evidence-${unit.index}`] ?? "",
      reason: form[`reason-${unit.index}`] ?? "",
    });
    if (parsed.success) answers.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        errors[`${String(issue.path[0])}-${unit.index}`] = `${passage(unit.text)}: ${issue.message}.`;
  }
  if (exercise.mode === "article" && answers.length === 0 && Object.keys(errors).length === 0)
    errors[`mark-${exercise.units[0]?.index ?? 0}`] =
      "Mark at least one sentence you think is a checkable claim.";
  return Object.keys(errors).length > 0 ? { errors } : { displayName: name, answers, guesses };
}

/** Display names compared as a teacher reads them: case, spacing and accents aside. */
export const sameName = (a: string, b: string) =>
  a.normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLowerCase() ===
  b.normalize("NFKD").replace(/\p{M}/gu, "").replace(/\s+/g, " ").trim().toLowerCase();

/** This device's submission to the exercise, if it sent one. */
export async function deviceSubmission(exercise: ExerciseView, deviceToken: string) {
  const row = await db().submission.findUnique({
    where: { exerciseId_deviceHash: { exerciseId: exercise.id, deviceHash: hashToken(deviceToken) } },
  });
  return row
    ? {
        displayName: row.displayName,
        answers: parseStoredJson(StoredAnswers, row.answers),
        revealed: row.revealedAt !== null,
        guesses: { publisherGuess: row.publisherGuess, purposeGuess: row.purposeGuess },
      }
    : null;
}

/**
 * Stores a student's answers: one submission per device and exercise. Sending again from the same
 * device replaces the answers (and the private link) until the student has seen the fact-check;
 * from then on they are final. A name another device already uses is refused, so a teacher can
 * tell every student apart. Returns the new private link's token and whether the submission is new.
 */
export async function submit(
  exercise: ExerciseView,
  displayName: string,
  answers: Answer[],
  deviceToken: string,
  guesses: Guesses = { publisherGuess: "", purposeGuess: "" },
): Promise<{ token: string; created: boolean }> {
  if (exercise.status !== "open")
    throw new UserError("This exercise is closed: your teacher is no longer taking answers.");
  const deviceHash = hashToken(deviceToken);
  const token = randomBytes(18).toString("base64url");
  return db().$transaction(async (tx) => {
    const others = await tx.submission.findMany({
      where: { exerciseId: exercise.id },
      select: { id: true, displayName: true, deviceHash: true, revealedAt: true },
    });
    const mine = others.find((o) => o.deviceHash === deviceHash);
    if (mine?.revealedAt)
      throw new UserError(
        "You have already sent your answers from this device and seen the fact-check, so they are final.",
        409,
      );
    if (others.some((o) => o !== mine && sameName(o.displayName, displayName)))
      throw new UserError("Choose another display name.", 400, {
        displayName: `Someone in this exercise already goes by “${displayName}”. Add the first letter of your surname, like “${displayName} B.”`,
      });
    const data = {
      displayName,
      answers: JSON.stringify(answers),
      tokenHash: hashToken(token),
      sentAt: new Date(),
      ...guesses,
    };
    if (mine) {
      await tx.submission.update({ where: { id: mine.id }, data });
      return { token, created: false };
    }
    if (others.length >= MAX_SUBMISSIONS)
      throw new UserError("This exercise has received as many answers as it can take. Ask your teacher.");
    await tx.submission.create({ data: { ...data, exerciseId: exercise.id, deviceHash } });
    return { token, created: true };
  });
}

/** The student has asked to see the fact-check: their answers are final from now on. */
export async function reveal(exercise: ExerciseView, token: string): Promise<boolean> {
  const { count } = await db().submission.updateMany({
    where: { tokenHash: hashToken(token), exerciseId: exercise.id, revealedAt: null },
    data: { revealedAt: new Date() },
  });
  return count === 1;
}

/** A new private link to this device's submission (the old one stops working); null when it sent none. */
export async function resumeLink(exercise: ExerciseView, deviceToken: string): Promise<string | null> {
  const token = randomBytes(18).toString("base64url");
  const { count } = await db().submission.updateMany({
    where: { exerciseId: exercise.id, deviceHash: hashToken(deviceToken) },
    data: { tokenHash: hashToken(token) },
  });
  return count === 1 ? token : null;
}

export const StoredAnswers = z.array(
  z.object({
    unit: z.number(),
    verdict: z.enum(["", ...STUDENT_VERDICT_KEYS]),
    source: z.enum(["", ...SOURCE_KEYS]),
    // Answers stored before students gave their own evidence have neither.
    evidence: z.string().max(500).optional(),
    reason: z.string().max(300).optional(),
  }),
);

export async function submissionByToken(exercise: ExerciseView, token: string) {
  const submission = await db().submission.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!submission || submission.exerciseId !== exercise.id) return null;
  return studentResult(exercise, submission);
}

/**
 * The exercise and the submission a student's private link names (`/x/:code/r/:token`), or null.
 * The token is looked up first, one indexed read: a wrong link is answered before anything of
 * the exercise's article is read or split.
 */
export async function resultByLink(code: string, token: string) {
  const submission = token
    ? await db().submission.findUnique({
        where: { tokenHash: hashToken(token) },
        include: { exercise: { select: { code: true } } },
      })
    : null;
  if (!submission || submission.exercise.code !== code) return null;
  const exercise = await exerciseById(submission.exerciseId);
  return exercise ? { exercise, submission: studentResult(exercise, submission) } : null;
}

/**
 * One student's answers, for the exercise's teachers (`exerciseForTeacher` has checked them): by
 * the submission's id within this exercise only, so an id from another exercise is not found.
 */
export async function submissionForTeacher(exercise: ExerciseView, submissionId: number) {
  const submission = await db().submission.findFirst({
    where: { id: submissionId, exerciseId: exercise.id },
  });
  return submission ? studentResult(exercise, submission) : null;
}

type SubmissionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof db>["submission"]["findUnique"]>>>;

export type StudentResult = ReturnType<typeof studentResult>;

function studentResult(exercise: ExerciseView, submission: SubmissionRow) {
  const answers = parseStoredJson(StoredAnswers, submission.answers);
  return {
    displayName: submission.displayName,
    createdAt: submission.createdAt,
    revealed: submission.revealedAt !== null,
    late: isLate(exercise.dueAt, submission.sentAt ?? submission.createdAt),
    answered: answers.length,
    rubric: rubricLabel(submission.rubric),
    rubricComment: submission.rubricComment,
    guesses: { publisherGuess: submission.publisherGuess, purposeGuess: submission.purposeGuess },
    comparison: compare(exercise.units, exercise.counted, answers),
  };
}

/**
 * Display names as the teacher reads them: a name two devices used (before the second was
 * refused, or from an older version) gets a number in the order they answered: "Maya (1)", "Maya (2)".
 */
export function tellApart(names: string[]): string[] {
  return names.map((name, i) => {
    const same = names.filter((n) => sameName(n, name));
    if (same.length === 1) return name;
    return `${name} (${names.slice(0, i + 1).filter((n) => sameName(n, name)).length})`;
  });
}

/** How many of the sentences marked outside the answer key the teacher's page lists (the CSV has all). */
export const OTHER_MARKS_SHOWN = 15;

export async function results(exercise: ExerciseView) {
  const rows = await db().submission.findMany({ where: { exerciseId: exercise.id }, orderBy: { id: "asc" } });
  const labels = tellApart(rows.map((r) => r.displayName));
  const submissions = rows.map((r, i) => {
    const answers = parseStoredJson(StoredAnswers, r.answers);
    const { found, score, added } = compare(exercise.units, exercise.counted, answers);
    return {
      id: r.id,
      displayName: labels[i]!,
      createdAt: r.createdAt,
      sentAt: r.sentAt ?? r.createdAt,
      late: isLate(exercise.dueAt, r.sentAt ?? r.createdAt),
      revealed: r.revealedAt !== null,
      rubric: r.rubric ?? "",
      rubricComment: r.rubricComment,
      publisherGuess: r.publisherGuess,
      purposeGuess: r.purposeGuess,
      answers,
      found,
      score,
      /** The sentences this student marked that the answer key does not count. */
      added,
    };
  });
  const others = otherMarks(submissions.map((s) => s.added));
  const tallies = tally(
    exercise.units,
    exercise.counted,
    submissions.map((s) => s.answers),
  );
  const students = submissions.length;
  // What each student wrote for each claim they found, for the teacher to read.
  const reasons = exercise.counted.map((claim) =>
    submissions.flatMap((s) => {
      const outcome = compare(exercise.units, [claim], s.answers).claims[0]!;
      return outcome.found && (outcome.reason || outcome.evidence)
        ? [
            {
              student: s.displayName,
              verdict: outcome.verdict,
              reason: outcome.reason,
              evidence: outcome.evidence,
            },
          ]
        : [];
    }),
  );
  return {
    submissions,
    tallies,
    reasons,
    // Only in "article" mode is finding a claim the task; a claim every student found is not missed.
    mostMissed:
      exercise.mode === "article"
        ? tallies
            .filter((t) => t.foundBy < students)
            .sort((a, b) => a.foundBy - b.foundBy)
            .slice(0, 3)
        : [],
    mostWrong: tallies
      .filter((t) => t.wrong > 0)
      .sort((a, b) => b.wrong - a.wrong)
      .slice(0, 3),
    // The class's picks outside the key, the most marked first: a page bounded however many answered.
    otherMarks: { shown: others.slice(0, OTHER_MARKS_SHOWN), total: others.length },
  };
}

export const RUBRIC_LEVELS = [
  { key: "beginning", label: "Beginning" },
  { key: "emerging", label: "Emerging" },
  { key: "mastery", label: "Mastery" },
] as const;
export const rubricLabel = (key: string | null) => RUBRIC_LEVELS.find((l) => l.key === key)?.label ?? "";

/** The teacher's mark for a student's reasoning, and a comment the student reads on their result page. */
export const RubricSchema = z.object({
  submission: z.coerce.number().int().positive(),
  rubric: z.enum(["beginning", "emerging", "mastery"], { error: "Choose Beginning, Emerging or Mastery." }),
  comment: z.string().trim().max(1000, "Keep the comment under 1,000 characters.").default(""),
});

export async function setRubric(exerciseId: number, input: z.infer<typeof RubricSchema>): Promise<boolean> {
  const { count } = await db().submission.updateMany({
    where: { id: input.submission, exerciseId },
    data: { rubric: input.rubric, rubricComment: input.comment },
  });
  return count === 1;
}

/** What a teacher may change once students have answered: what students read, never what counts. */
export const ExerciseTextSchema = ExerciseSchema.pick({ title: true, instructions: true });

export async function editExercise(id: number, input: z.infer<typeof ExerciseTextSchema> & Due) {
  await db().exercise.update({ where: { id }, data: input });
}

/** Deletes the exercise with every answer and co-teacher: its link and code stop working. */
export async function deleteExercise(id: number) {
  await db().exercise.delete({ where: { id } });
}

export async function setExerciseStatus(id: number, status: "open" | "closed") {
  await db().exercise.update({ where: { id }, data: { status } });
}

/** Removes one student's answers (and their private link); false when it is not in this exercise. */
export async function deleteSubmission(exerciseId: number, submissionId: number): Promise<boolean> {
  return (await db().submission.deleteMany({ where: { id: submissionId, exerciseId } })).count === 1;
}

export async function deleteAnswers(id: number): Promise<number> {
  return (await db().submission.deleteMany({ where: { exerciseId: id } })).count;
}

/** One page of the published fact-checks an exercise can be made from, newest first. */
export async function publishedForExercises(request: PageRequest) {
  const page = await latestPublications(request);
  return { ...page, items: page.items.map((p) => forExercise(p.article.slug, p.snapshot)) };
}

/** The latest version of one published fact-check, for a new exercise; null when it is not published. */
export async function publishedForExercise(slug: string) {
  const publication = await latestPublication({ slug });
  return publication ? forExercise(slug, publication.snapshot) : null;
}

function forExercise(slug: string, snapshot: Snapshot) {
  return { slug, title: snapshot.article.title, number: snapshot.number, claims: snapshot.claims };
}
