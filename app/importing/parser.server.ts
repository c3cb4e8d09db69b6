import { Worker, type WorkerOptions } from "node:worker_threads";
import type { ExtractedPage } from "./extract-page";
import type { LanguageCode } from "../claims/language";
import type { Anchor, Placement } from "../claims/reanchor";
import { ReviewInputError, type ParsedReviews } from "./claim-review";
import type { ClaimExtraction, ParseAnswer, ParseJob, ReviewReading, ReviewSource } from "./parse.worker";
import { FetchRefused } from "./safe-fetch.server";
import { ServerBusy } from "../utils/errors";
import { MARKUP_BUDGET_MS } from "./limits";
import type { ExerciseText } from "../claims/sentence-units";
import type { Span } from "../claims/segment";

/**
 * A page that could not be extracted within its budget. A FetchRefused, so every place that
 * shows why a page could not be imported shows this. A page refused because every worker is busy
 * is no such page: it is `workersBusy`, a 429.
 */
export class PageNotExtracted extends FetchRefused {}

export interface ParserLimits {
  /** Wall-clock budget of one job, from handing it to a worker (and starting that worker, if new). */
  timeoutMs: number;
  /** Heap budget of one worker. */
  maxHeapMb: number;
  /** Jobs running at once (one worker each). */
  concurrency: number;
  /** Jobs allowed to wait for a free worker; more are refused at once. */
  maxWaiting: number;
  /**
   * Longest an article's markdown may take to parse in a worker (ms). Past it the text is refused
   * (MARKUP_TOO_SLOW): every later view, export and publication parses it again on the request
   * thread, where no worker's budget protects other requests.
   */
  markupBudgetMs: number;
}

export const DEFAULT_PARSER_LIMITS: ParserLimits = {
  timeoutMs: 10_000,
  maxHeapMb: 512,
  concurrency: 2,
  maxWaiting: 8,
  markupBudgetMs: MARKUP_BUDGET_MS,
};

/** Why a job did not finish: the budget it ran out of, an error it threw, or a full queue. */
export class ParseFailure extends Error {
  constructor(
    readonly reason: "time" | "memory" | "busy" | "thrown",
    override readonly cause?: Error,
  ) {
    super(reason === "thrown" && cause ? cause.message : reason);
  }
}

/**
 * Where the worker's code is. The production build bundles parse.worker.ts into
 * build/server/parse.worker.js beside the server bundle (vite.config.ts); from the TypeScript
 * sources (vitest, tsx scripts, react-router dev) the .ts entry runs through tsx.
 */
function workerEntry(): { file: URL; options: WorkerOptions } {
  if (!/\.tsx?$/.test(new URL(import.meta.url).pathname))
    return { file: new URL("./parse.worker.js", import.meta.url), options: {} };
  return {
    file: new URL("./run-typescript-worker.mjs", import.meta.url),
    options: { argv: [new URL("./parse.worker.ts", import.meta.url).href] },
  };
}

function thrownBy(answer: Extract<ParseAnswer, { ok: false }>): Error {
  return Object.assign(new Error(answer.error.message), { name: answer.error.name, code: answer.error.code });
}

/**
 * Parses untrusted input (HTML pages, article markdown) in worker threads, so one hostile input
 * costs one worker its budget instead of freezing every request: at most `concurrency` jobs at
 * once, at most `maxWaiting` queued behind them. Workers stay warm between jobs (loading
 * linkedom, Readability and turndown costs ~0.5 s); one that ran out of time or memory is
 * terminated and replaced. Idle workers never keep the process alive.
 */
export function createParser(limits: ParserLimits = DEFAULT_PARSER_LIMITS) {
  const entry = workerEntry();
  const idle: Worker[] = [];
  let running = 0;
  const waiting: Array<() => void> = [];

  async function takeTurn(): Promise<void> {
    if (running < limits.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= limits.maxWaiting) throw new ParseFailure("busy");
    // The finishing job hands its turn over, so `running` stays counted.
    await new Promise<void>((start) => waiting.push(start));
  }

  function endTurn() {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  function newWorker(): Worker {
    return new Worker(entry.file, {
      ...entry.options,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
  }

  function runOn(worker: Worker, job: ParseJob): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const done = (keepWorker: boolean, outcome: () => void) => {
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (keepWorker) {
          worker.unref();
          idle.push(worker);
        } else {
          void worker.terminate();
        }
        outcome();
      };
      const onMessage = (answer: ParseAnswer) =>
        done(true, () =>
          answer.ok ? resolve(answer.result) : reject(new ParseFailure("thrown", thrownBy(answer))),
        );
      const onError = (error: Error & { code?: string }) =>
        done(false, () =>
          reject(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? new ParseFailure("memory", error)
              : new ParseFailure("thrown", error),
          ),
        );
      const onExit = (code: number) =>
        done(false, () =>
          reject(new ParseFailure("thrown", new Error(`the parsing worker exited with code ${code}`))),
        );
      const timer = setTimeout(() => done(false, () => reject(new ParseFailure("time"))), limits.timeoutMs);
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.ref();
      worker.postMessage(job);
    });
  }

  async function parse(job: ParseJob): Promise<unknown> {
    await takeTurn();
    try {
      return await runOn(idle.pop() ?? newWorker(), job);
    } finally {
      endTurn();
    }
  }

  async function readReviews(from: ReviewSource, text: string): Promise<ParsedReviews | { url: string }> {
    let reading: ReviewReading;
    try {
      reading = (await parse({ kind: "reviews", from, text })) as ReviewReading;
    } catch (error) {
      throw from === "page" ? pageRefusal(error, limits, PASTE_INSTEAD) : jsonRefusal(error, limits);
    }
    if ("refused" in reading) throw new ReviewInputError(reading.refused);
    return "url" in reading ? reading : reading.parsed;
  }

  return {
    /** The article in an HTML page, with its metadata; refuses with PageNotExtracted (or workersBusy). */
    async page(html: string, pageUrl: string): Promise<ExtractedPage> {
      try {
        return (await parse({ kind: "page", html, pageUrl })) as ExtractedPage;
      } catch (error) {
        throw pageRefusal(error, limits);
      }
    },
    /**
     * The text projection, language and proposed claims of an article's markdown, read in
     * `language` when it is known (else detected); refuses with a ParseFailure, one whose cause
     * has the code MARKUP_TOO_SLOW when the markdown took longer than `markupBudgetMs` to parse.
     */
    async claims(markdown: string, language?: LanguageCode): Promise<ClaimExtraction> {
      return (await parse({
        kind: "claims",
        markdown,
        language,
        markupBudgetMs: limits.markupBudgetMs,
      })) as ClaimExtraction;
    },
    /**
     * Each claim's place in an article's new text, or null past reanchorAll's budget (shorter
     * than a job's); refuses with a ParseFailure.
     */
    async reanchor(text: string, anchors: Anchor[]): Promise<Placement[] | null> {
      return (await parse({ kind: "reanchor", text, anchors })) as Placement[] | null;
    },
    /**
     * Other fact-checkers' ClaimReviews in a fetched page's HTML (`"page"`) or in JSON-LD as
     * pasted (`"json"`): linkedom and JSON.parse are slow on hostile nesting, so neither runs on
     * the request thread. Refuses with a PageNotExtracted for a page, a ReviewInputError for
     * JSON, and workersBusy for either while every worker is busy.
     */
    async reviews(from: "page" | "json", text: string): Promise<ParsedReviews> {
      const reading = await readReviews(from, text);
      if ("url" in reading) throw new Error("Only an API request names a page.");
      return reading;
    },
    /** The API's request body, read the same way: the reviews it carries, or the page it names. */
    reviewRequest: (body: string) => readReviews("request", body),
    /**
     * A classroom exercise's sentences and its counted claims' reasons (`splitExercise`); refuses
     * with a ParseFailure.
     */
    async exercise(
      markdown: string,
      counted: Span[],
      language: string | undefined,
      sentences: boolean,
    ): Promise<ExerciseText> {
      const spans = counted.map(({ start, end }) => ({ start, end }));
      return (await parse({
        kind: "exercise",
        markdown,
        counted: spans,
        language,
        sentences,
      })) as ExerciseText;
    },
    limits,
    /** Workers waiting, warm, for the next job. */
    idleWorkers: () => idle.length,
    /** Ends the idle workers (tests; the process never waits for them anyway). */
    async close(): Promise<void> {
      await Promise.all(idle.splice(0).map((worker) => worker.terminate()));
    },
  };
}

/**
 * Every worker busy and the queue full: the one refusal for an article's text, a page (an
 * article's or a fact-checker's) and JSON-LD alike, whichever form or API operation asked.
 */
export const workersBusy = () =>
  new ServerBusy(
    "Too many articles or pages are being read at once; try again in a minute. Nothing was saved.",
  );

export const budgetInWords = (limits: Pick<ParserLimits, "timeoutMs">) =>
  `${limits.timeoutMs / 1000} second${limits.timeoutMs === 1000 ? "" : "s"}`;
const INSTEAD = "Save it as text or markdown and import that instead.";
/** What to do instead when a page's ClaimReviews could not be read. */
const PASTE_INSTEAD = "Paste its ClaimReview JSON-LD instead.";

/** What to tell the person when a page could not be extracted: its budget, or the page, never a stack trace. */
export function pageRefusal(
  error: unknown,
  limits: ParserLimits,
  instead = INSTEAD,
): PageNotExtracted | ServerBusy {
  const reason = error instanceof ParseFailure ? error.reason : "thrown";
  const cause = error instanceof ParseFailure ? error.cause : (error as Error);
  if (reason === "busy") return workersBusy();
  if (reason === "time")
    return new PageNotExtracted(
      `This page is too complex to extract within ${budgetInWords(limits)}. ${instead}`,
    );
  if (reason === "memory")
    return new PageNotExtracted(
      `This page needs more than ${limits.maxHeapMb} MB of memory to extract. ${instead}`,
    );
  if (cause?.name === "RangeError")
    return new PageNotExtracted(`This page's HTML is nested too deeply to extract. ${instead}`);
  console.error("Page extraction failed:", cause);
  return new PageNotExtracted(`This page could not be extracted. ${instead}`);
}

/** What to tell the person when JSON-LD could not be read within its budget. */
function jsonRefusal(error: unknown, limits: ParserLimits): ReviewInputError | ServerBusy {
  const reason = error instanceof ParseFailure ? error.reason : "thrown";
  if (reason === "busy") return workersBusy();
  if (reason === "time")
    return new ReviewInputError(
      `This JSON-LD takes longer than ${budgetInWords(limits)} to read. Split it into smaller files.`,
    );
  if (reason === "memory")
    return new ReviewInputError(
      `This JSON-LD needs more than ${limits.maxHeapMb} MB of memory to read. Split it into smaller files.`,
    );
  console.error("Reading JSON-LD failed:", error instanceof ParseFailure ? error.cause : error);
  return new ReviewInputError("This JSON-LD could not be read. Check that it is ClaimReview JSON-LD.");
}

/** The server's parser: one budget and one queue for every page and article. */
export const parser = createParser();
