// npm run bench: the text engine measured side by side with a peer in the same run.
// Reports throughput ratios, not absolute targets: machines differ, ratios travel.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import sbd from "sbd";
import { extract, toMarkdown } from "../app/claims/extract";
import { markdown } from "../app/claims/markdown";
import { project } from "../app/claims/projection";
import { segment } from "../app/claims/segment";
import {
  conformance,
  segmentAsImported,
  segmentWithIntl,
  type ConformanceCase,
} from "../app/claims/segment-conformance";
import { SHAPES } from "../app/claims/shapes";

const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Times two pieces of work in alternating rounds after a warm-up and returns each one's median in
 * milliseconds: on a shared machine a burst of load then falls on both, not on one of them.
 */
function timeSideBySide(first: () => unknown, second: () => unknown): [number, number] {
  first();
  second();
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < ROUNDS; i++) {
    for (const [k, work] of [first, second].entries()) {
      const start = performance.now();
      work();
      samples[k]!.push(performance.now() - start);
    }
  }
  return [median(samples[0]), median(samples[1])];
}

/** Runs `work` ROUNDS times after a warm-up and returns the median time in milliseconds. */
function time(work: () => unknown): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const seedSource = readFileSync("fixtures/alibaba-ai-chip.txt", "utf8");
const golden = JSON.parse(readFileSync("../shared/conformance/golden-rules-en.json", "utf8")) as {
  cases: Array<{ input: string; expected: string[] }>;
};

// About 1 MB of mixed article text: the seed article's prose, spec lines and Q&A, with the
// Golden Rules' abbreviations, quotes, lists and ellipses, one paragraph each, repeated.
const seedText = project(toMarkdown(seedSource, "markdown")).text;
const unit = [seedText, ...golden.cases.map((c) => c.input)].join("\n\n");
const corpus = unit.repeat(Math.ceil(1_000_000 / unit.length));
const megabytes = Buffer.byteLength(corpus, "utf8") / 1_000_000;

// Interleaved round by round, as the extract below: a burst of load on the shared machine falls on both.
const [ours, theirs] = timeSideBySide(
  () => segment(corpus),
  () => sbd.sentences(corpus, { newline_boundaries: true }),
);
const score = (split: (s: string) => string[]) =>
  golden.cases.filter((c) => JSON.stringify(split(c.input)) === JSON.stringify(c.expected)).length;

console.log(`Segmentation of ${megabytes.toFixed(2)} MB of mixed article text (median of ${ROUNDS} runs):`);
console.log(
  `  claimdesk  ${(megabytes / (ours / 1000)).toFixed(1).padStart(6)} MB/s   Golden Rules ${score((s) => segment(s).map((x) => x.text))}/48`,
);
console.log(
  `  sbd        ${(megabytes / (theirs / 1000)).toFixed(1).padStart(6)} MB/s   Golden Rules ${score((s) => sbd.sentences(s))}/48`,
);
console.log(`  ratio: claimdesk is ${(theirs / ours).toFixed(2)}x sbd's throughput`);

// pySBD's per-language cases (its own test suite, which pySBD passes in full), split by our
// segmenter and by Node's Intl.Segmenter in this same run.
const multilingual = JSON.parse(
  readFileSync("../shared/conformance/golden-rules-multilingual.json", "utf8"),
) as {
  languages: Record<string, ConformanceCase[]>;
};
console.log("Per-language cases from pySBD's test suite (pySBD passes all of its own cases):");
console.log("  language  cases  claimdesk  Intl.Segmenter  pySBD");
for (const [code, cases] of Object.entries(multilingual.languages)) {
  const ours = conformance(cases, (text) => segmentAsImported(text, code)).passing;
  const intl = conformance(cases, (text) => segmentWithIntl(text, code)).passing;
  console.log(
    `  ${code.padEnd(8)}  ${String(cases.length).padStart(5)}  ${String(ours).padStart(9)}  ${String(intl).padStart(14)}  ${String(cases.length).padStart(5)}`,
  );
}

const tenMegabytes = corpus.repeat(10);
const tenTime = time(() => segment(tenMegabytes));
console.log(
  `  linear time: 10 MB takes ${(tenTime / ours).toFixed(1)}x as long as 1 MB (${(tenTime / 1000).toFixed(2)} s)`,
);

const seedMarkdown = toMarkdown(seedSource, "markdown");
const bigMarkdown = seedMarkdown.repeat(Math.ceil(1_000_000 / seedMarkdown.length));
console.log(`Full extract (projection, segmentation, claims), median of ${ROUNDS} runs:`);
console.log(
  `  seed article (${(seedMarkdown.length / 1000).toFixed(1)} kB): ${time(() => extract(seedMarkdown)).toFixed(1)} ms`,
);
// The claim layer's cost as a multiple of parsing: markdown-it alone (the configuration the
// projection uses) on the same text, in the same run, in alternating rounds. The goal is under 5x.
const [bigExtract, bigParse] = timeSideBySide(
  () => extract(bigMarkdown),
  () => markdown.parse(bigMarkdown, {}),
);
console.log(
  `  1 MB article (${(bigMarkdown.length / 1_000_000).toFixed(2)} MB): ${bigExtract.toFixed(0)} ms; markdown-it alone parses it in ${bigParse.toFixed(0)} ms: extract is ${(bigExtract / bigParse).toFixed(1)}x the parse (goal < 5x)`,
);

// Linear in every shape of input: the extract's time at 4n against n, per shape of document
// (tables, lists, headings, code, long lines, clause joins…). Linear work gives about 4x; the
// deterministic check of the same growth is app/claims/scaling.test.ts (work counted, not timed).
const SHAPE_SIZE = 125_000;
const timeShape = (document: string) =>
  median(
    [0, 1, 2].map(() => {
      const start = performance.now();
      extract(document);
      return performance.now() - start;
    }),
  );
console.log(
  `Extract by shape of document, ${SHAPE_SIZE / 1000} kB and ${(4 * SHAPE_SIZE) / 1000} kB (median of 3 runs):`,
);
for (const [name, shape] of Object.entries(SHAPES)) {
  const small = timeShape(shape(SHAPE_SIZE));
  const large = timeShape(shape(4 * SHAPE_SIZE));
  console.log(
    `  ${name.padEnd(30)} ${small.toFixed(0).padStart(6)} ms ${large.toFixed(0).padStart(7)} ms   4n/n ${(large / Math.max(small, 0.1)).toFixed(1)}x`,
  );
}
