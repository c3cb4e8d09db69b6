// npm run --silent match -- --text "CLAIM TEXT": earlier claims in the database at DATABASE_URL
// that may state the same thing, best first (app/matching), as one line of JSON:
// {"matches":[{"kind","id","text","verdict","publisher","url","score","relation","conflicts"}]}
import { parseArgs } from "node:util";
import { findMatches } from "../app/matching/match.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { MAX_QUERY_TEXT } from "../app/matching/limits";

const { values } = parseArgs({ options: { text: { type: "string" } }, strict: true });
const text = values.text?.trim();
if (!text) {
  console.error('usage: npm run --silent match -- --text "CLAIM TEXT"');
  process.exit(2);
}
if (text.length > MAX_QUERY_TEXT) {
  console.error(`match: the text is longer than ${MAX_QUERY_TEXT} characters; give one claim.`);
  process.exit(2);
}
await prepareDatabase({ seeding: false });
const matches = await findMatches(text);
console.log(
  JSON.stringify({
    matches: matches.map(({ kind, id, text, verdict, publisher, url, score, relation, conflicts }) => ({
      kind,
      id,
      text,
      verdict,
      publisher,
      url,
      score,
      relation,
      conflicts,
    })),
  }),
);
