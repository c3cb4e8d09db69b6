import pg from "pg";
import { expect, it } from "vitest";
import { project } from "../claims/projection";
import { useFreshDatabase } from "../db/testing.server";

// A correction on PostgreSQL while someone places a claim by hand: the correction checks the
// claims as it read them, then updates them. A hand placement committed between the two must
// not be overwritten: the correction is refused instead (409), and the placement kept.
const url = await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("./articles.server");
const { reviseArticle } = await import("./revise.server");
const { addClaim } = await import("./claims.server");

const TEXT = [
  "# Race",
  "",
  "Vantor's accelerator delivers 310 TOPS at 45 watts, the company said on Monday.",
  "",
  "Shares of Vantor rose 6% after the announcement in Shenzhen.",
].join("\n");

/** Until another connection waits for a row lock: the correction's UPDATE, behind the placement. */
async function someoneWaitsForALock(watcher: pg.Client) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await watcher.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("The correction never waited for the placement's lock.");
}

it("refuses a correction whose claim was placed by hand after its check, and keeps the placement", async () => {
  const user = await createUser({
    email: "ed@race.test",
    name: "Ed",
    role: "editor",
    password: "a long password",
  });
  const editor = { ...user, role: "editor" as const };
  const article = await importArticle(
    {
      title: "Race",
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source: TEXT,
    },
    editor.id,
  );
  const [claim] = await db().claim.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
  const { version } = await db().article.findUniqueOrThrow({ where: { id: article.id } });

  const placer = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await Promise.all([placer.connect(), watcher.connect()]);
  try {
    await placer.query("BEGIN");
    await placer.query(
      `UPDATE "Claim" SET "prefix" = 'placed by hand', "version" = "version" + 1 WHERE "id" = $1`,
      [claim!.id],
    );
    const correcting = reviseArticle(
      article.id,
      { markdown: `${TEXT}\n\nA new closing line.`, version },
      editor,
    );
    const outcome = correcting.then(
      () => "saved",
      (error: Error) => error.message,
    );
    await someoneWaitsForALock(watcher);
    await placer.query("COMMIT");
    expect(await outcome).toMatch(/The article changed since you opened it/);
  } finally {
    await Promise.all([placer.end(), watcher.end()]);
  }
  const after = await db().claim.findUniqueOrThrow({ where: { id: claim!.id } });
  expect(after.prefix).toBe("placed by hand");
  expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).version).toBe(version);
});

it("places a claim added during a correction in the corrected text", async () => {
  const user = await createUser({
    email: "add@race.test",
    name: "Ada",
    role: "editor",
    password: "a long password",
  });
  const editor = { ...user, role: "editor" as const };
  const article = await importArticle(
    {
      title: "Race 2",
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source: TEXT,
    },
    editor.id,
  );
  const corrected = `A new first line, which moves every passage after it.\n\n${TEXT}`;
  const corrector = new pg.Client({ connectionString: url });
  const watcher = new pg.Client({ connectionString: url });
  await Promise.all([corrector.connect(), watcher.connect()]);
  try {
    // A correction in progress: it holds the article and has written the new text, not yet committed.
    await corrector.query("BEGIN");
    await corrector.query(`SELECT 1 FROM "Article" WHERE "id" = $1 FOR UPDATE`, [article.id]);
    await corrector.query(`UPDATE "Article" SET "markdown" = $1, "version" = "version" + 1 WHERE "id" = $2`, [
      corrected,
      article.id,
    ]);
    const adding = addClaim(article.id, { quote: "Shares of Vantor rose 6%" }, editor);
    await someoneWaitsForALock(watcher);
    await corrector.query("COMMIT");
    const claim = await adding;
    const { text } = project(corrected);
    expect(text.slice(claim.start, claim.end)).toBe("Shares of Vantor rose 6%");
  } finally {
    await Promise.all([corrector.end(), watcher.end()]);
  }
});
