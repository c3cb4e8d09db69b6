// npx tsx scripts/bench-review-import.ts [COUNT]: imports COUNT (5,000) other fact-checkers'
// reviews into a fresh SQLite file (or DATABASE_URL when it is a postgresql:// URL), as
// POST /api/v1/external-reviews does, then again with every review changed, then twice at once.
// Prints each step's total time and the event loop's longest stall meanwhile (a 1 ms ticker's
// longest gap, which is what an unrelated request would have waited).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const count = Number(process.argv[2] ?? 5000);
if (!process.env.DATABASE_URL?.startsWith("postgres"))
  process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-bench-")), "bench.db")}`;
const { prepareDatabase } = await import("../app/startup/prepare.server");
const { importReviews } = await import("../app/reviews/reviews.server");
const { parseClaimReviewValue: reviewsFromValue } = await import("../app/importing/claim-review");
const { db } = await import("../app/db/client.server");
await prepareDatabase({ seeding: false });

const feed = (label: string) =>
  Array.from({ length: count }, (_, i) => ({
    "@type": "ClaimReview",
    url: `https://bench.example.org/reviews/${i}`,
    claimReviewed: `${label}: the chip number ${i} is said to be ${i % 97} percent faster than its rival`,
    author: { name: "Bench Fact Check", url: "https://bench.example.org/" },
    datePublished: "2026-11-01",
    reviewRating: { alternateName: `${label} rating`, ratingValue: 2, bestRating: 5, worstRating: 1 },
  }));

async function measure(step: string, work: () => Promise<unknown>) {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const result = await work();
  const total = performance.now() - started;
  clearInterval(ticker);
  longest = Math.max(longest, performance.now() - last);
  console.log(
    `${step.padEnd(34)} total ${total.toFixed(0).padStart(5)} ms   longest stall ${longest.toFixed(0).padStart(5)} ms   ${JSON.stringify(result, (k, v) => (k === "skipped" ? v.length : v))}`,
  );
}

// What the request does before any write: the body parsed, every review read and checked.
const parse = (label: string) =>
  reviewsFromValue(
    (JSON.parse(JSON.stringify({ claimReview: feed(label) })) as { claimReview: unknown }).claimReview,
  );
await measure(`reading and checking ${count}`, async () => parse("first").reviews.length);
const [first, second, third, fourth] = ["first", "second", "third", "fourth"].map(parse);
await measure(`first import of ${count}`, () => importReviews(first!, null));
await measure(`same ${count} again (nothing changed)`, () => importReviews(first!, null));
await measure(`${count} again, every one changed`, () => importReviews(second!, null));
await measure(`two changed imports at once`, () =>
  Promise.all([importReviews(third!, null), importReviews(fourth!, null)]),
);
await db().$disconnect();
