// npm run --silent reviews:import -- FILE_OR_URL: imports other fact-checkers' reviews
// (schema.org ClaimReview) into the configured database and prints {"imported","updated","skipped"}
// (app/reviews). A file is read as JSON-LD (up to 5 MB); a URL is a fact-check page fetched with
// the app's guard (CLAIMDESK_ALLOW_PRIVATE_FETCH=1 allows local servers), its ld+json blocks read.
// Each skipped review is named on stderr with its reason. Refusals exit 1, usage errors 2.
import { readFile, stat } from "node:fs/promises";
import { db } from "../app/db/client.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { MAX_INPUT_BYTES, MAX_INPUT_LABEL, parseClaimReviewJson } from "../app/importing/claim-review";
import { importReviews, reviewsFromPage } from "../app/reviews/reviews.server";
import { UserError } from "../app/utils/errors";

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error("usage: npm run --silent reviews:import -- FILE_OR_URL");
  process.exit(2);
}

async function fromFile(file: string) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UserError(`Cannot read ${file}: there is no such file.`);
  if (info.size > MAX_INPUT_BYTES) throw new UserError(`${file} is larger than ${MAX_INPUT_LABEL}.`);
  return parseClaimReviewJson(await readFile(file, "utf8"));
}

try {
  const parsed = /^https?:\/\//i.test(target) ? await reviewsFromPage(target) : await fromFile(target);
  await prepareDatabase({ seeding: false });
  const result = await importReviews(parsed, null);
  for (const { index, reason } of result.skipped) console.error(`Review ${index + 1} skipped: ${reason}`);
  console.log(
    JSON.stringify({ imported: result.imported, updated: result.updated, skipped: result.skipped.length }),
  );
} catch (error) {
  if (!(error instanceof UserError)) throw error;
  console.error(`reviews:import: ${error.message}`);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
}
