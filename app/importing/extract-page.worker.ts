// Worker-thread entry for page extraction (see page-extractor.server.ts): extracts the page it
// is given and posts the result. Anything thrown reaches the main thread as the worker's error.
import { parentPort, workerData } from "node:worker_threads";
import { extractPage } from "./extract-page";

export interface ExtractionJob {
  html: string;
  pageUrl: string;
}

const { html, pageUrl } = workerData as ExtractionJob;
parentPort!.postMessage(extractPage(html, pageUrl));
