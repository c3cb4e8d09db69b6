import { z } from "zod";
import type { CurrentUser } from "../auth/session.server";
import { plainTextToMarkdown } from "../claims/markdown";
import { VERDICT_KEYS } from "../newsroom/verdicts";
import {
  NO_ATTRIBUTION,
  NO_FIGURES,
  SNAPSHOT_SCHEMA,
  SnapshotSchema,
  type PublishedClaim,
  type Snapshot,
} from "../publishing/snapshot";
import { detectLanguage } from "../claims/language";
import { UserError } from "../utils/errors";
import type { Unit } from "./compare";
import { MAX_EXERCISE_TEXT, splitArticle, tooManyClaims, tooManyToMark } from "./exercise-text.server";
import { ExerciseSchema, insertExercise } from "./exercises.server";
import { DueSchema } from "./due";

/** A pasted article is bounded before any work: about 30 printed pages, what students read in one exercise. */
export const MAX_OWN_ARTICLE = MAX_EXERCISE_TEXT;

const webAddress = z
  .string()
  .trim()
  .max(2000, "Keep the address under 2,000 characters.")
  .refine(
    (v) => v === "" || /^https?:\/\/\S+$/i.test(v),
    "Give a web address starting with https:// (or leave it empty).",
  );

/** Step one: the article an educator brings, pasted as text. */
export const OwnArticleSchema = z.object({
  articleTitle: z
    .string()
    .trim()
    .min(1, "Give the article's headline.")
    .max(300, "Keep the headline under 300 characters."),
  outlet: z.string().trim().max(200, "Keep the outlet under 200 characters.").default(""),
  sourceUrl: webAddress.default(""),
  text: z
    .string()
    .trim()
    .min(1, "Paste the article's text.")
    .max(
      MAX_OWN_ARTICLE,
      "The article is longer than 100,000 characters: paste the part students should read.",
    ),
});
export type OwnArticle = z.infer<typeof OwnArticleSchema>;

/** One claim of the educator's answer key: read from the fields of the sentence it is. */
const KeySchema = z.object({
  verdict: z.enum(VERDICT_KEYS, { error: "choose the verdict students are compared with" }),
  rationale: z
    .string()
    .trim()
    .min(1, "say why, in a sentence or two: students read it after they answer")
    .max(2000, "keep the explanation under 2,000 characters"),
  evidence: webAddress.default(""),
});

/** Pasted text as the article's markdown: each line a paragraph, nothing in it read as markup. */
export function ownMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => plainTextToMarkdown(line))
    .join("\n\n");
}

type Fields = Record<string, string>;

/** The article an educator brought, read: its fields, language, markdown and sentences. */
export interface OwnArticleRead {
  article: OwnArticle;
  language: string;
  markdown: string;
  units: Unit[];
}

/**
 * Step one, read: the article and its sentences, or the fields at fault. A long text is split
 * in the parser's workers (`splitArticle`); read it once per request and pass it on.
 */
export async function readOwnArticle(values: Fields): Promise<OwnArticleRead> {
  const parsed = OwnArticleSchema.safeParse(values);
  if (!parsed.success) {
    const fields: Fields = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    throw new UserError("The article was not read yet. Check the highlighted fields.", 400, fields);
  }
  // Split by the rules of the article's language; the exercise keeps it, so the numbers stay.
  const language = detectLanguage(parsed.data.text);
  const markdown = ownMarkdown(parsed.data.text);
  const { sentences: units } = await splitArticle(markdown, [], language, true);
  if (units.length === 0)
    throw new UserError("The article has no sentences to mark.", 400, {
      text: "Paste the article's full sentences.",
    });
  return { article: parsed.data, language, markdown, units };
}

const shorten = (text: string) => `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;

/**
 * Step two: the educator's answer key (the sentences that are claims, each with a verdict, an
 * explanation and optionally a source) and the exercise, stored as a private snapshot. Nothing is
 * published: no Publication row, no public page, no feed entry.
 */
export async function createOwnExercise(values: Fields, actor: CurrentUser, read?: OwnArticleRead) {
  const { article, language, markdown, units } = read ?? (await readOwnArticle(values));
  const fields: Fields = {};
  const exercise = ExerciseSchema.pick({
    title: true,
    instructions: true,
    mode: true,
    askSource: true,
  }).safeParse(values);
  if (!exercise.success)
    for (const issue of exercise.error.issues) fields[String(issue.path[0])] ??= issue.message;
  const due = DueSchema.safeParse(values);
  if (!due.success) for (const issue of due.error.issues) fields[String(issue.path[0])] ??= issue.message;
  const claims: PublishedClaim[] = [];
  const now = new Date().toISOString();
  for (const unit of units) {
    if (values[`key-${unit.index}`] !== "on") continue;
    const key = KeySchema.safeParse({
      verdict: values[`verdict-${unit.index}`],
      rationale: values[`rationale-${unit.index}`] ?? "",
      evidence: values[`evidence-${unit.index}`] ?? "",
    });
    if (!key.success) {
      for (const issue of key.error.issues)
        fields[`${String(issue.path[0])}-${unit.index}`] ??= `${shorten(unit.text)}: ${issue.message}.`;
      continue;
    }
    claims.push({
      id: unit.index + 1,
      number: claims.length + 1,
      start: unit.start,
      end: unit.end,
      quote: unit.text,
      prefix: "",
      suffix: "",
      verdict: key.data.verdict,
      rationale: key.data.rationale,
      checkedBy: actor.name,
      approvedBy: actor.name,
      ...NO_ATTRIBUTION,
      ...NO_FIGURES,
      approvedAt: now,
      evidence: key.data.evidence
        ? [
            {
              url: key.data.evidence,
              title: "",
              publisher: new URL(key.data.evidence).hostname,
              publishedOn: "",
              stance: "context",
              note: "",
              excerpt: "",
              archiveUrl: "",
            },
          ]
        : [],
    });
  }
  const tooMany = exercise.success && exercise.data.mode === "article" ? tooManyToMark(units.length) : null;
  if (tooMany) fields.mode = tooMany;
  // Said beside the answer key, whichever mode: every ticked sentence counts, valid or not yet.
  const tooManyTicked = tooManyClaims(units.filter((u) => values[`key-${u.index}`] === "on").length);
  if (tooManyTicked) fields.answerKey = tooManyTicked;
  if (claims.length === 0 && Object.keys(fields).length === 0)
    fields[`key-${units[0]!.index}`] = "Tick at least one sentence as a claim, with its verdict.";
  if (Object.keys(fields).length > 0 || !exercise.success || !due.success) {
    const count = Object.keys(fields).length;
    throw new UserError(
      `The exercise was not created: ${count === 1 ? "one thing needs" : `${count} things need`} fixing.`,
      400,
      fields,
    );
  }
  const snapshot: Snapshot = SnapshotSchema.parse({
    schema: SNAPSHOT_SCHEMA,
    number: 1,
    publishedAt: now,
    publishedBy: actor.name,
    changeNote: "",
    article: {
      title: article.articleTitle,
      slug: "",
      outlet: article.outlet,
      author: "",
      sourceUrl: article.sourceUrl,
      originalDate: "",
      language,
      markdown,
    },
    claims,
  });
  return insertExercise({
    snapshot: JSON.stringify(snapshot),
    title: exercise.data.title,
    instructions: exercise.data.instructions,
    mode: exercise.data.mode,
    askSource: exercise.data.askSource,
    claimIds: JSON.stringify(claims.map((c) => c.id)),
    createdById: actor.id,
    ...due.data,
  });
}
