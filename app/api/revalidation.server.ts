import { createHash, randomBytes } from "node:crypto";
import { databaseChanges } from "../db/changes.server";

/**
 * Part of every tag, so no tag outlives this process: SQLite's change counter starts again with
 * each connection, and another process's counter is another count.
 */
const PROCESS_MARK = randomBytes(8).toString("hex");
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
    .update(`${PROCESS_MARK}\n${changes}\n${hour}\n${reader}\n${address}`)
    .digest("base64url");
  return `W/"${digest.slice(0, 27)}"`;
}
