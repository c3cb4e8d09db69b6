import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratePostgres } from "./migrate-postgres.server";
import { MISSING_POSTGRES, postgresBefore } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/postgres/migrations");
const SUMMARY = "20261129112000_publication_summary";
const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
if (!admin) throw new Error(MISSING_POSTGRES);
const nothing = async () => undefined;

const SNAPSHOT = JSON.stringify({
  article: { title: "Chip “news”", outlet: "Wire" },
  claims: [{ verdict: "unsupported" }, { verdict: "accurate" }, { verdict: "unsupported" }],
});

describe(`PostgreSQL migration ${SUMMARY}`, () => {
  it("fills each existing publication's title, outlet and verdicts (in reading order) from its snapshot", async () => {
    const url = await postgresBefore(admin, SUMMARY);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "Article" ("id", "slug", "title", "markdown", "updatedAt") VALUES (3, 'a', 'A', 'Text.', now())`,
      );
      await client.query(
        `INSERT INTO "Publication" ("id", "articleId", "number", "snapshot") VALUES (5, 3, 1, $1), (6, 3, 2, '{"article":{},"claims":[]}')`,
        [SNAPSHOT],
      );
      const { applied } = await migratePostgres(url, MIGRATIONS, nothing);
      expect(applied).toContain(SUMMARY);
      const { rows } = await client.query(
        `SELECT "id", "title", "outlet", "verdicts" FROM "Publication" ORDER BY "id"`,
      );
      expect(rows.map((r) => ({ ...r, verdicts: JSON.parse(r.verdicts as string) }))).toEqual([
        { id: 5, title: "Chip “news”", outlet: "Wire", verdicts: ["unsupported", "accurate", "unsupported"] },
        { id: 6, title: "", outlet: "", verdicts: [] },
      ]);
    } finally {
      await client.end();
    }
  });
});
