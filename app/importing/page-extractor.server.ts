import { Worker, type WorkerOptions } from "node:worker_threads";
import type { ExtractedPage } from "./extract-page";
import type { ExtractionJob } from "./extract-page.worker";
import { FetchRefused } from "./safe-fetch.server";

/**
 * A page that could not be extracted within its budget, or that is waiting behind too many
 * others. A FetchRefused, so every place that shows why a page could not be imported shows this.
 */
export class PageNotExtracted extends FetchRefused {}

export interface ExtractorLimits {
  /** Wall-clock budget of one extraction, from starting its worker. */
  timeoutMs: number;
  /** Heap budget of one extraction's worker. */
  maxHeapMb: number;
  /** Extractions running at once (one worker each). */
  concurrency: number;
  /** Extractions allowed to wait for a free worker; more are refused at once. */
  maxWaiting: number;
}

export const DEFAULT_EXTRACTOR_LIMITS: ExtractorLimits = { timeoutMs: 10_000, maxHeapMb: 512, concurrency: 2, maxWaiting: 8 };

const INSTEAD = "Save it as text or markdown and import that instead.";

/**
 * Where the worker's code is. The production build bundles extract-page.worker.ts into
 * build/server/extract-page.worker.js beside the server bundle (vite.config.ts); from the
 * TypeScript sources (vitest, tsx scripts, react-router dev) the .ts entry runs through tsx.
 */
function workerEntry(): { file: URL; options: WorkerOptions } {
  if (!/\.tsx?$/.test(new URL(import.meta.url).pathname)) return { file: new URL("./extract-page.worker.js", import.meta.url), options: {} };
  return { file: new URL("./run-typescript-worker.mjs", import.meta.url), options: { argv: [new URL("./extract-page.worker.ts", import.meta.url).href] } };
}

/** What to tell the person when the worker failed: its budget, or the page, never a stack trace. */
export function refusalFor(error: Error & { code?: string }, limits: ExtractorLimits): PageNotExtracted {
  if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new PageNotExtracted(`This page needs more than ${limits.maxHeapMb} MB of memory to extract. ${INSTEAD}`);
  }
  if (error instanceof RangeError || error.name === "RangeError") {
    return new PageNotExtracted(`This page's HTML is nested too deeply to extract. ${INSTEAD}`);
  }
  console.error("Page extraction failed:", error);
  return new PageNotExtracted(`This page could not be extracted. ${INSTEAD}`);
}

function extractInWorker(job: ExtractionJob, limits: ExtractorLimits): Promise<ExtractedPage> {
  const entry = workerEntry();
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, {
      ...entry.options,
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const seconds = limits.timeoutMs / 1000;
    const timer = setTimeout(
      () => settle(() => reject(new PageNotExtracted(`This page is too complex to extract within ${seconds} second${seconds === 1 ? "" : "s"}. ${INSTEAD}`))),
      limits.timeoutMs,
    );
    worker.once("message", (page: ExtractedPage) => settle(() => resolve(page)));
    worker.once("error", (error) => settle(() => reject(refusalFor(error, limits))));
    worker.once("exit", (code) => settle(() => reject(refusalFor(new Error(`the extraction worker exited with code ${code}`), limits))));
  });
}

/**
 * Extracts pages in worker threads, so a hostile page costs one worker its budget instead of
 * freezing every request: at most `concurrency` at once, at most `maxWaiting` queued behind them.
 */
export function createPageExtractor(limits: ExtractorLimits = DEFAULT_EXTRACTOR_LIMITS) {
  let running = 0;
  const waiting: Array<() => void> = [];

  async function takeTurn(): Promise<void> {
    if (running < limits.concurrency) {
      running++;
      return;
    }
    if (waiting.length >= limits.maxWaiting) {
      throw new PageNotExtracted("Claimdesk is extracting too many pages right now. Try again in a minute.");
    }
    // The finishing extraction hands its turn over, so `running` stays counted.
    await new Promise<void>((start) => waiting.push(start));
  }

  function endTurn() {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  return async function extract(html: string, pageUrl: string): Promise<ExtractedPage> {
    await takeTurn();
    try {
      return await extractInWorker({ html, pageUrl }, limits);
    } finally {
      endTurn();
    }
  };
}

/** The server's extractor: one budget and one queue for every import. */
export const extractPageOffThread = createPageExtractor();
