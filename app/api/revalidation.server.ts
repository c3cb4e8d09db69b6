import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { databaseChanges } from "../db/changes.server";
import { databaseKind } from "../utils/config.server";

/**
 * What, besides the database, makes an answer: the running code. On PostgreSQL the change
 * counter is the cluster's snapshot, the same in every process and across restarts, so every
 * process of one release gives the same tags, and a new release gives new ones (its answers may
 * be written differently). On SQLite the counter starts again with each connection and another
 * process counts for itself, so each process marks its tags as its own.
 */
const RELEASE_MARK = createHash("sha256")
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest("hex")
  .slice(0, 16);
const PROCESS_MARK = randomBytes(8).toString("hex");
const sourceMark = () => (databaseKind() === "postgres" ? RELEASE_MARK : PROCESS_MARK);
/** Tags also change every hour: ranking "checked before?" matches weighs how old a claim is. */
const HOUR_MS = 3_600_000;

/**
 * A weak ETag for what a GET would answer this reader at this address now. It changes whenever
 * anything at all is committed, here or in another process (`databaseChanges`), so an equal tag
 * means the answer would be the same. Read it before the answer's own reads: a commit between the
 * two then gives the answer a tag that no later request is given.
 */
export async function answerTag(reader: string, address: string): Promise<string> {
  const changes = await databaseChanges();
  const hour = Math.floor(Date.now() / HOUR_MS);
  const digest = createHash("sha256")
    .update(`${sourceMark()}\n${changes}\n${hour}\n${reader}\n${address}`)
    .digest("base64url");
  return `W/"${digest.slice(0, 27)}"`;
}
