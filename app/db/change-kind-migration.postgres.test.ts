import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { CHANGE_KIND_ROWS, CHANGE_KINDS_EXPECTED, PAGES_EXPECTED } from "./change-kind-migration.fixture";
import { migratePostgres } from "./migrate-postgres.server";
import { MISSING_POSTGRES, postgresBefore } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/postgres/migrations");
const MIGRATION = "20261129190000_publication_change_kind";
const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
if (!admin) throw new Error(MISSING_POSTGRES);
const nothing = async () => undefined;

it("backfills each publication's change kind from its snapshot, and has later versions' pages rendered again, on PostgreSQL", async () => {
  const url = await postgresBefore(admin, MIGRATION);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Article" ("id", "slug", "title", "markdown", "updatedAt") VALUES (1, 'a', 'A', 'Text.', now())`,
    );
    for (const row of CHANGE_KIND_ROWS)
      await client.query(
        `INSERT INTO "Publication" ("id", "articleId", "number", "snapshot", "page", "archivedPage") VALUES ($1, 1, $1, $2, 'stored', 'archived')`,
        [row.number, row.snapshot],
      );
    const { applied } = await migratePostgres(url, MIGRATIONS, nothing);
    expect(applied).toContain(MIGRATION);
    const { rows } = await client.query(
      `SELECT "changeKind", "page", "archivedPage" FROM "Publication" ORDER BY "id"`,
    );
    expect(rows.map((r) => r.changeKind)).toEqual(CHANGE_KINDS_EXPECTED);
    expect(rows.map((r) => r.page)).toEqual(PAGES_EXPECTED);
    expect(rows.every((r) => r.archivedPage === "archived")).toBe(true);
  } finally {
    await client.end();
  }
});
