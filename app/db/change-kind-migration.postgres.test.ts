import { cpSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { CHANGE_KIND_SNAPSHOTS, CHANGE_KINDS_EXPECTED } from "./change-kind-migration.fixture";
import { migratePostgres } from "./migrate-postgres.server";
import { createTestDatabase, MISSING_POSTGRES } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/postgres/migrations");
const MIGRATION = "20261129190000_publication_change_kind";
const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
if (!admin) throw new Error(MISSING_POSTGRES);
const nothing = async () => undefined;

it("backfills each publication's change kind from its snapshot, on PostgreSQL", async () => {
  const before = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-change-kind-")), "before");
  for (const name of readdirSync(MIGRATIONS).filter((n) => n < MIGRATION))
    cpSync(path.join(MIGRATIONS, name), path.join(before, name), { recursive: true });
  const url = await createTestDatabase(admin);
  await migratePostgres(url, before, nothing);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Article" ("id", "slug", "title", "markdown", "updatedAt") VALUES (1, 'a', 'A', 'Text.', now())`,
    );
    for (const [i, snapshot] of CHANGE_KIND_SNAPSHOTS.entries())
      await client.query(
        `INSERT INTO "Publication" ("id", "articleId", "number", "snapshot") VALUES ($1, 1, $1, $2)`,
        [i + 1, snapshot],
      );
    const { applied } = await migratePostgres(url, MIGRATIONS, nothing);
    expect(applied).toContain(MIGRATION);
    const { rows } = await client.query(`SELECT "changeKind" FROM "Publication" ORDER BY "id"`);
    expect(rows.map((r) => r.changeKind)).toEqual(CHANGE_KINDS_EXPECTED);
  } finally {
    await client.end();
  }
});
