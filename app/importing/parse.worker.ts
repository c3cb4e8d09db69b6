// Worker-thread entry for parsing untrusted input (see parser.server.ts). A worker lives on
// between jobs; each message is one job, answered with its result or with the error it threw.
import { parentPort } from "node:worker_threads";
import { extract } from "../claims/extract";
import { reanchorAll, type Anchor, type Placement } from "../claims/reanchor";
import type { LanguageCode } from "../claims/language";
import { extractPage, type ExtractedPage } from "./extract-page";
import { splitExercise, type ExerciseText } from "../claims/sentence-units";
import type { Span } from "../claims/segment";

export type ParseJob =
  | { kind: "page"; html: string; pageUrl: string }
  | { kind: "claims"; markdown: string; language?: LanguageCode | undefined }
  | { kind: "reanchor"; text: string; anchors: Anchor[] }
  | {
      kind: "exercise";
      markdown: string;
      counted: Span[];
      language?: string | undefined;
      sentences: boolean;
    };

/** What the claim engine found: the text projection, its language and the proposed claims (sentences stay here). */
export type ClaimExtraction = Pick<ReturnType<typeof extract>, "projection" | "language" | "claims">;

export type ParseAnswer =
  | { ok: true; result: ExtractedPage | ClaimExtraction | Placement[] | ExerciseText | null }
  | { ok: false; error: { name: string; message: string; code?: string } };

function run(job: ParseJob): ExtractedPage | ClaimExtraction | Placement[] | ExerciseText | null {
  if (job.kind === "page") return extractPage(job.html, job.pageUrl);
  if (job.kind === "reanchor") return reanchorAll(job.text, job.anchors);
  if (job.kind === "exercise") return splitExercise(job.markdown, job.counted, job.language, job.sentences);
  const { projection, language, claims } = extract(job.markdown, job.language);
  return { projection, language, claims };
}

parentPort!.on("message", (job: ParseJob) => {
  let answer: ParseAnswer;
  try {
    answer = { ok: true, result: run(job) };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    answer = {
      ok: false,
      error: { name: error.name, message: error.message, code: (error as { code?: string }).code },
    };
  }
  parentPort!.postMessage(answer);
});
