import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import internals from "@prisma/internals";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "./migrate.server";
import { runProbe } from "./testing.server";

const MIGRATIONS = path.resolve("prisma/migrations");
const tempDb = () => path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-migrate-")), "db.sqlite");

const SQLITE_TYPES: Record<string, string> = {
  Int: "INTEGER",
  String: "TEXT",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Float: "REAL",
  BigInt: "BIGINT",
};

describe("the app's own migrator", () => {
  it("applies every migration once and records it as Prisma does", () => {
    const file = tempDb();
    const applied = migrate(file, MIGRATIONS);
    expect(applied.length).toBeGreaterThan(0);
    expect(migrate(file, MIGRATIONS)).toEqual([]);
    const db = new Database(file, { readonly: true });
    const rows = db
      .prepare(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      )
      .all() as Array<{
      migration_name: string;
      checksum: string;
      finished_at: string;
      applied_steps_count: number;
    }>;
    expect(rows.map((r) => r.migration_name)).toEqual(applied);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeTruthy();
      expect(row.applied_steps_count).toBe(1);
    }
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("produces exactly the tables and columns that schema.prisma describes", async () => {
    const file = tempDb();
    migrate(file, MIGRATIONS);
    const dmmf = await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
    const db = new Database(file, { readonly: true });
    const all = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
      )
      .all() as Array<{ name: string; sql: string }>;
    // Full-text indexes are virtual tables Prisma cannot model, with shadow tables of their own.
    const virtual = all.filter((t) => t.sql.startsWith("CREATE VIRTUAL TABLE")).map((t) => t.name);
    expect(virtual.sort()).toEqual([
      "ArticleSearch",
      "ClaimSearch",
      "EvidenceSearch",
      "ExternalReviewSearch",
      "PublicationSearch",
    ]);
    const tables = all
      .map((t) => t.name)
      .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
    expect(tables).toEqual(dmmf.datamodel.models.map((m) => m.dbName ?? m.name).sort());
    for (const model of dmmf.datamodel.models) {
      const columns = db.pragma(`table_info("${model.name}")`) as Array<{
        name: string;
        type: string;
        notnull: number;
        pk: number;
        dflt_value: string | null;
      }>;
      const scalars = model.fields.filter((f) => f.kind === "scalar");
      expect(columns.map((c) => c.name).sort(), model.name).toEqual(
        scalars.map((f) => f.dbName ?? f.name).sort(),
      );
      for (const field of scalars) {
        const column = columns.find((c) => c.name === field.name)!;
        const where = `${model.name}.${field.name}`;
        expect(column.type, where).toBe(SQLITE_TYPES[field.type]);
        expect(column.notnull === 1 || column.pk === 1, where).toBe(field.isRequired);
        expect(column.pk === 1, where).toBe(field.isId);
        const hasDbDefault =
          field.hasDefaultValue &&
          !(
            typeof field.default === "object" &&
            field.default !== null &&
            "name" in field.default &&
            field.default.name === "autoincrement"
          );
        expect(column.dflt_value !== null, where).toBe(hasDbDefault);
      }
      const indexes = db.pragma(`index_list("${model.name}")`) as Array<{
        name: string;
        unique: number;
        origin: string;
      }>;
      for (const field of scalars.filter((f) => f.isUnique)) {
        expect(
          indexes.some((i) => i.unique === 1 && i.name === `${model.name}_${field.name}_key`),
          `${model.name}.${field.name} unique`,
        ).toBe(true);
      }
      const foreignKeys = db.pragma(`foreign_key_list("${model.name}")`) as Array<{
        table: string;
        from: string;
      }>;
      for (const relation of model.fields.filter(
        (f) => f.kind === "object" && (f.relationFromFields?.length ?? 0) > 0,
      )) {
        expect(
          foreignKeys.some((fk) => fk.table === relation.type && fk.from === relation.relationFromFields![0]),
          `${model.name}.${relation.name}`,
        ).toBe(true);
      }
    }
    db.close();
  });

  it("leaves the database as it was when a migration fails", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-migrations-"));
    cpSync(MIGRATIONS, dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      `CREATE TABLE "Half" ("id" INTEGER);\nALTER TABLE "Nope" ADD COLUMN "x" TEXT;`,
    );
    const file = tempDb();
    migrate(file, MIGRATIONS);
    expect(() => migrate(file, dir)).toThrow(MigrationError);
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).get()).toBeUndefined();
    expect(
      db.prepare(`SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name LIKE '%broken'`).get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it("refuses to run when an applied migration was edited afterwards", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-migrations-"));
    cpSync(MIGRATIONS, dir, { recursive: true });
    const file = tempDb();
    migrate(file, dir);
    const first = readFileSync(path.join(MIGRATIONS, "20261128150000_init", "migration.sql"), "utf8");
    writeFileSync(path.join(dir, "20261128150000_init", "migration.sql"), first + "\n-- edited\n");
    expect(() => migrate(file, dir)).toThrow(/changed after it was applied/);
  });

  it("lets several processes start on one new file at once: each migration is applied exactly once", async () => {
    const file = tempDb();
    const probe = path.join(path.dirname(file), "migrate-probe.mts");
    const startAt = Date.now() + 3000;
    writeFileSync(
      probe,
      `const { migrate } = await import(${JSON.stringify(path.resolve("app/db/migrate.server.ts"))});
       // All three start migrating at the same moment, as servers restarted together do.
       await new Promise((resolve) => setTimeout(resolve, ${startAt} - Date.now()));
       console.log(JSON.stringify(migrate(${JSON.stringify(file)}, ${JSON.stringify(MIGRATIONS)})));`,
    );
    const run = () => runProbe<string[]>(probe, {});
    const applied = await Promise.all([run(), run(), run()]);
    const all = readMigrations(MIGRATIONS).map((m) => m.name);
    expect(applied.flat().sort()).toEqual([...all].sort());
    const db = new Database(file, { readonly: true });
    const rows = db.prepare(`SELECT migration_name FROM "_prisma_migrations"`).all();
    db.close();
    expect(rows).toHaveLength(all.length);
  });
});
