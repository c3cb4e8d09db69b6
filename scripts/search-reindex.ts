// npm run search:reindex: rebuilds the full-text search index of the database at DATABASE_URL
// from its tables (after a restore from a raw file copy, say) and prints what it indexed. The
// database keeps the index in step by itself on every write (app/search/); this is the remedy if
// it was ever doubted.
import { rebuildSearchIndex } from "../app/search/search.server";
import { prepareDatabase } from "../app/startup/prepare.server";

await prepareDatabase({ seeding: false });
const started = Date.now();
const counts = await rebuildSearchIndex();
console.log(
  `Search index rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ")}.`,
);
