// npm run --silent token:create -- --email E [--name N]
// Prints a new personal API token for that user (and nothing else on stdout), for operations and tests.
import { parseArgs } from "node:util";
import { createApiToken } from "../app/auth/tokens.server";
import { prepareDatabase } from "../app/startup/prepare.server";
import { db } from "../app/db/client.server";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error("usage: npm run --silent token:create -- --email E [--name N]");
  process.exit(2);
}
await prepareDatabase();
const user = await db().user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
if (!user || !user.active) {
  console.error(`token:create: there is no active user with the e-mail ${values.email}.`);
  process.exit(1);
}
const { token } = await createApiToken(user.id, values.name?.trim() || "Made with token:create");
console.log(token);
