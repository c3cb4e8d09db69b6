// npm run --silent match -- --text "CLAIM TEXT": earlier claims in the database at DATABASE_URL
// that may state the same thing, best first (app/matching), as one line of JSON:
// {"matches":[{"kind","id","text","verdict","publisher","url","score","relation","conflicts"}]}
import { parseArgs } from "node:util";
import { findMatches } from "../app/matching/match.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { MatchTextSchema } from "../app/matching/schemas";
import { matchJson } from "../app/matching/types";

const { values } = parseArgs({ options: { text: { type: "string" } }, strict: true });
if (values.text === undefined) {
  console.error('usage: npm run --silent match -- --text "CLAIM TEXT"');
  process.exit(2);
}
const parsed = MatchTextSchema.safeParse({ text: values.text });
if (!parsed.success) {
  console.error(`match: ${parsed.error.issues[0]!.message}`);
  process.exit(2);
}
const { text } = parsed.data;
await prepareDatabase({ seeding: false });
const matches = await findMatches(text);
console.log(JSON.stringify({ matches: matches.map(matchJson) }));
