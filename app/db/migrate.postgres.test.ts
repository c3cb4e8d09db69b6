import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import internals from "@prisma/internals";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrate.server";
import { migratePostgres } from "./migrate-postgres.server";
import { createTestDatabase, MISSING_POSTGRES, runProbe } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/postgres/migrations");
const admin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
if (!admin) throw new Error(MISSING_POSTGRES);
const nothing = async () => undefined;

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const POSTGRES_TYPES: Record<string, string> = {
  Int: "integer",
  String: "text",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Float: "double precision",
  BigInt: "bigint",
};

describe("PostgreSQL's migrations", () => {
  it("apply once, are recorded as Prisma records them, and a second start applies nothing", async () => {
    const url = await createTestDatabase(admin);
    const first = await migratePostgres(url, MIGRATIONS, nothing);
    expect(first.applied).toEqual(readMigrations(MIGRATIONS).map((m) => m.name));
    expect((await migratePostgres(url, MIGRATIONS, nothing)).applied).toEqual([]);
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      readMigrations(MIGRATIONS).map((m) => ({
        migration_name: m.name,
        checksum: m.checksum,
        applied_steps_count: 1,
      })),
    );
  });

  it("produce exactly the tables, columns, keys and indexes prisma/postgres/schema.prisma describes", async () => {
    const url = await createTestDatabase(admin);
    await migratePostgres(url, MIGRATIONS, nothing);
    const dmmf = await internals.getDMMF({
      datamodel: readFileSync("prisma/postgres/schema.prisma", "utf8"),
    });
    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(dmmf.datamodel.models.map((m) => m.name).sort());
    const columns = await query<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
    }>(
      url,
      // Full-text columns (tsvector, generated) are the search index, which Prisma cannot model.
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type <> 'tsvector'`,
    );
    const keys = await query<{ table_name: string; column_name: string; constraint_type: string }>(
      url,
      `SELECT tc.table_name, kcu.column_name, tc.constraint_type FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
       WHERE tc.table_schema = 'public'`,
    );
    for (const model of dmmf.datamodel.models) {
      const scalars = model.fields.filter((f) => f.kind === "scalar");
      const own = columns.filter((c) => c.table_name === model.name);
      expect(own.map((c) => c.column_name).sort(), model.name).toEqual(scalars.map((f) => f.name).sort());
      for (const field of scalars) {
        const column = own.find((c) => c.column_name === field.name)!;
        const where = `${model.name}.${field.name}`;
        expect(column.data_type, where).toBe(POSTGRES_TYPES[field.type]);
        expect(column.is_nullable === "NO", where).toBe(field.isRequired);
        // Every default the schema declares is the database's, autoincrement included (a sequence).
        expect(column.column_default !== null, where).toBe(field.hasDefaultValue);
        const isPrimary = keys.some(
          (k) =>
            k.table_name === model.name &&
            k.column_name === field.name &&
            k.constraint_type === "PRIMARY KEY",
        );
        expect(isPrimary, `${where} primary key`).toBe(field.isId);
      }
      for (const relation of model.fields.filter((f) => (f.relationFromFields?.length ?? 0) > 0)) {
        const from = relation.relationFromFields![0]!;
        expect(
          keys.some(
            (k) =>
              k.table_name === model.name && k.column_name === from && k.constraint_type === "FOREIGN KEY",
          ),
          `${model.name}.${from} references ${relation.type}`,
        ).toBe(true);
      }
    }
    // The same indexes, by name, as SQLite's migrations make: the two folders stay in step.
    const sqliteFile = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-indexes-")), "db.sqlite");
    migrate(sqliteFile, path.resolve("prisma/migrations"));
    const sqlite = new Database(sqliteFile, { readonly: true });
    const sqliteIndexes = (
      sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
        .all() as Array<{ name: string }>
    ).map((row) => row.name);
    sqlite.close();
    const postgresIndexes = await query<{ indexname: string }>(
      url,
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexdef NOT LIKE '%USING gin%' ORDER BY indexname`,
    );
    expect(postgresIndexes.map((row) => row.indexname).sort()).toEqual(sqliteIndexes.sort());
  });

  it("leave the database as it was when a migration fails, and refuse an edited one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-pg-migrations-"));
    cpSync(MIGRATIONS, dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Nope" ADD COLUMN "x" TEXT;`,
    );
    const url = await createTestDatabase(admin);
    await migratePostgres(url, MIGRATIONS, nothing);
    await expect(migratePostgres(url, dir, nothing)).rejects.toThrow(MigrationError);
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);

    const [first] = readMigrations(MIGRATIONS);
    writeFileSync(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(migratePostgres(url, dir, nothing)).rejects.toThrow(/changed after it was applied/);
  });

  it("let three servers start on one new database at once: one migrates and seeds, the others wait", async () => {
    const url = await createTestDatabase(admin);
    const probe = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-start-")), "start.mts");
    const startAt = Date.now() + 4000;
    writeFileSync(
      probe,
      `const { prepareDatabase } = await import(${JSON.stringify(path.resolve("app/startup/prepare.server.ts"))});
       await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));
       console.log(JSON.stringify(await prepareDatabase()));
       process.exit(0);`,
    );
    const start = () =>
      runProbe<{ migrations: string[]; seeded: boolean }>(probe, { DATABASE_URL: url, CLAIMDESK_SEED: "on" });
    const started = await Promise.all([start(), start(), start()]);
    expect(started.flatMap((s) => s.migrations).sort()).toEqual(
      readMigrations(MIGRATIONS).map((m) => m.name),
    );
    expect(started.filter((s) => s.seeded)).toHaveLength(1);
    expect(await query(url, `SELECT count(*)::int AS n FROM "Article"`)).toEqual([{ n: 1 }]);
    // The seed publishes twice: version 1 as first published, version 2 with its figures.
    expect(await query(url, `SELECT count(*)::int AS n FROM "Publication"`)).toEqual([{ n: 2 }]);
  }, 90_000);
});
