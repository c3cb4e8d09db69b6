import { z } from "zod";
import { splitExercise, type ExerciseText, type Unit } from "../claims/sentence-units";
import type { Span } from "../claims/segment";
import { splitExerciseOffLoop } from "../newsroom/extraction.server";
import { renderAnnotated } from "../publishing/annotate";
import { readSnapshot, type Snapshot } from "../publishing/snapshot";
import { boundedCache } from "../utils/bounded-cache";
import { UserError } from "../utils/errors";
import { parseStoredJson } from "../utils/json";
import { claimUnits } from "./compare";

/**
 * Markdown this long or longer is split in the parser's workers (decision 009), shorter on the
 * request thread. The slowest text to split per character is thousands of one-word lines: 16,000
 * characters of them take about 40 ms; prose takes a tenth of that.
 */
export const SPLIT_OFF_LOOP_FROM = 16_000;

/** An article's sentences and its counted claims' reasons, off the event loop when it is long. */
export function splitArticle(
  markdown: string,
  counted: Span[],
  language: string | undefined,
  sentences: boolean,
): Promise<ExerciseText> {
  return markdown.length < SPLIT_OFF_LOOP_FROM
    ? Promise.resolve(splitExercise(markdown, counted, language, sentences))
    : splitExerciseOffLoop(markdown, counted, language, sentences);
}

/**
 * Where students find the claims themselves, every sentence gets its own controls (a tick, seven
 * verdicts, a source kind): more sentences than this is a page no class works through, and each
 * visit renders all of them (a 2 MB article took 3.9 s a visit). Long articles are used with their
 * claims marked, or as an excerpt of one's own.
 */
export const MAX_SENTENCES_TO_MARK = 400;

/** The refusal for an article with more sentences than students can mark, or nothing. */
export function tooManyToMark(sentences: number): string | null {
  if (sentences <= MAX_SENTENCES_TO_MARK) return null;
  return `This article has ${sentences.toLocaleString("en")} sentences; students can mark at most ${MAX_SENTENCES_TO_MARK} in one exercise. Choose to show its claims marked, or make an exercise from an excerpt of your own.`;
}

/**
 * The claims an exercise counts, however it is made. Students judge each with a verdict, a kind
 * of source, a link and a reason: a few minutes a claim, so a lesson gets through ten or twenty,
 * and 40 is two lessons' worth. Each is also a student's questions on every visit (about 3.7 KB
 * of HTML a claim in "marked" mode: 3,900 claims made a 14.5 MB page and 0.6-2 s of a visit) and
 * a row of every result page, so the limit is what bounds those pages.
 */
export const MAX_EXERCISE_CLAIMS = 40;

/** The refusal for more claims than an exercise counts (`chosen`, of the fact-check's `of`), or nothing. */
export function tooManyClaims(chosen: number, of?: number): string | null {
  if (chosen <= MAX_EXERCISE_CLAIMS) return null;
  const n = (count: number) => count.toLocaleString("en");
  return of === undefined
    ? `You ticked ${n(chosen)} sentences as claims; an exercise counts at most ${MAX_EXERCISE_CLAIMS}, what a class judges in a lesson or two. Untick the ones your class can do without.`
    : `You chose ${n(chosen)} of this fact-check's ${n(of)} claims; an exercise counts at most ${MAX_EXERCISE_CLAIMS}, what a class judges in a lesson or two. Untick the ones your class can do without.`;
}

/**
 * The article students read in an exercise, in characters of its text: about 30 printed pages,
 * the limit of an article an educator pastes (MAX_OWN_ARTICLE) and what bounds the size of a
 * student's page (the article, marked or as sentences to tick, is most of it). A published
 * fact-check's longer article is used as an excerpt of one's own.
 */
export const MAX_EXERCISE_TEXT = 100_000;

/** The refusal for a fact-check's article longer than students read in one exercise, or nothing. */
export function tooLongToRead(characters: number): string | null {
  if (characters <= MAX_EXERCISE_TEXT) return null;
  return `This fact-check's article is ${characters.toLocaleString("en")} characters long; students read at most ${MAX_EXERCISE_TEXT.toLocaleString("en")} (about 30 printed pages) in one exercise. Make an exercise from an excerpt of your own, with the claims you want marked.`;
}

/** What every page of an exercise reads from its frozen article: the same until the exercise is another. */
export interface ExerciseContent {
  snapshot: Snapshot;
  counted: Snapshot["claims"];
  units: Unit[];
  reasons: string[][];
  /** "marked" mode: the article as HTML with its counted claims marked, as every student reads it ("" otherwise). */
  marked: string;
}

/** The article with the counted claims marked and numbered, each linking to its questions (`#unit-N`). */
function markedArticle(markdown: string, counted: Snapshot["claims"]): string {
  return renderAnnotated(
    markdown,
    counted.map((c) => ({
      start: c.start,
      end: c.end,
      claimId: String(c.number),
      className: "claim",
      anchorId: `claim-${c.number}`,
      ref: { href: `#unit-${c.number}`, text: String(c.number), label: `Claim ${c.number}` },
    })),
  );
}

/** What an exercise's content is worked out from; none of it changes after the exercise is made. */
export interface ContentSource {
  id: number;
  /** Random and unique: an id used again (a database restored, a test's fresh one) has another. */
  code: string;
  /** The published version it is made from, or null for its own snapshot (written once, at creation). */
  publicationId: number | null;
  mode: "article" | "marked";
  /** As stored: the JSON list of counted claim ids. */
  claimIds: string;
}

/**
 * About how many characters an entry holds: the article twice (snapshot and sentences) or
 * three times (its marked HTML too), and each unit's object.
 */
const weigh = ({ snapshot, units, marked }: ExerciseContent) =>
  snapshot.article.markdown.length + marked.length + units.reduce((sum, u) => sum + u.text.length + 64, 0);

/**
 * Exercises' content, by what it is worked out from: every student's page, answer and result
 * link read it, a 2 MB article takes a second to split, and its marked HTML tens of milliseconds
 * to render. At most 32 exercises and about 12 million characters (two or three of the longest
 * articles); keyed by the exercise's share code, publication, mode and counted claims (all that
 * the content, marked HTML included, is made of), so another server process (decision 017) or
 * an exercise made again never reads another's.
 */
const contents = boundedCache<string, ExerciseContent>({ entries: 32, budget: 12_000_000, weigh });

const ClaimIds = z.array(z.number());

/** The content of an exercise: kept, or read from its stored snapshot (`load`) and split once. */
export function exerciseContent(
  source: ContentSource,
  load: () => Promise<string>,
): Promise<ExerciseContent> {
  const key = JSON.stringify([source.id, source.code, source.publicationId, source.mode, source.claimIds]);
  return contents.getOrLoad(key, async () => {
    const snapshot = readSnapshot(await load());
    const ids = new Set(parseStoredJson(ClaimIds, source.claimIds));
    const counted = snapshot.claims.filter((c) => ids.has(c.id));
    const { markdown, language } = snapshot.article;
    const marked = source.mode === "marked";
    const { sentences, reasons } = await splitArticle(markdown, counted, language, !marked).catch((error) => {
      // Every worker busy, or the article past a worker's budget: students are told to come back,
      // in their words, not the editor's refusal; the split is tried again on their next visit.
      if (!(error instanceof UserError)) throw error;
      throw new UserError(
        "This exercise is being prepared and the server is busy. Try again in a minute: your answers are safe.",
        503,
      );
    });
    return {
      snapshot,
      counted,
      units: marked ? claimUnits(counted) : sentences,
      reasons,
      // Made of the article and the counted claims, both in the key: rendered once, not per visit.
      marked: marked ? markedArticle(markdown, counted) : "",
    };
  });
}

/** How many exercises' content is kept, and its weight in characters (tests, measurements). */
export const keptExerciseContent = () => ({ size: contents.size, weight: contents.weight });
/** Forgets every kept exercise's content (tests). */
export const forgetExerciseContent = () => contents.clear();
