import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { migrate } from "./migrate.server";
import { conditionsFor, readDeskFilter, rowsStatement, statusesFor } from "../newsroom/desk.server";

// The list queries depend on their indexes and on the planner's statistics: both are checked
// on a real migrated file, and each list query's plan is read with EXPLAIN QUERY PLAN.
const internals = await import("@prisma/internals");
const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-indexes-")), "test.db");

describe("list indexes", () => {
  it("creates every @@index of schema.prisma, with its columns in order and sort direction", async () => {
    const file = tempFile();
    migrate(file, path.resolve("prisma/migrations"));
    const dmmf = await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
    const db = new Database(file, { readonly: true });
    const declared = dmmf.datamodel.indexes.filter((i) => i.type === "normal");
    expect(declared.length).toBeGreaterThan(5);
    for (const index of declared) {
      const name = `${index.model}_${index.fields.map((f) => f.name).join("_")}_idx`;
      const columns = db.pragma(`index_xinfo("${name}")`) as Array<{
        name: string | null;
        desc: number;
        key: number;
      }>;
      const keys = columns.filter((c) => c.key === 1).map((c) => `${c.name}${c.desc ? " desc" : ""}`);
      expect(keys, name).toEqual(
        index.fields.map((f) => `${f.name}${f.sortOrder === "desc" ? " desc" : ""}`),
      );
    }
    db.close();
  });

  it("gives the planner statistics at every start-up, so a bulk-loaded file is analysed too", () => {
    const { file } = generateWorkspace(tempFile(), { articles: 30, claimsPerArticle: 20, published: 10 });
    const db = new Database(file);
    db.exec(`DELETE FROM sqlite_stat1`);
    db.close();
    migrate(file, path.resolve("prisma/migrations"));
    const check = new Database(file, { readonly: true });
    const analysed = (
      check.prepare(`SELECT DISTINCT tbl FROM sqlite_stat1`).all() as Array<{ tbl: string }>
    ).map((r) => r.tbl);
    expect(analysed).toEqual(expect.arrayContaining(["Article", "Claim", "Evidence", "Publication"]));
    check.close();
  });

  it("reads each list's page in index order, without sorting or scanning a table", () => {
    const { file } = generateWorkspace(tempFile(), { articles: 200, claimsPerArticle: 30, published: 100 });
    const db = new Database(file, { readonly: true });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join("\n");
    const queries: Array<[string, RegExp]> = [
      [
        `SELECT id FROM "Claim" WHERE status = 'candidate' ORDER BY score DESC, id ASC LIMIT 51`,
        /Claim_status_score_id_idx/,
      ],
      [
        `SELECT id FROM "Claim" WHERE status = 'candidate' AND assigneeId IS NULL ORDER BY score DESC, id ASC LIMIT 51`,
        /Claim_status_assigneeId_score_id_idx/,
      ],
      [
        `SELECT id FROM "Claim" WHERE status = 'candidate' AND assigneeId = 1 ORDER BY score DESC, id ASC LIMIT 51`,
        /Claim_status_assigneeId_score_id_idx/,
      ],
      [
        `SELECT id FROM "Claim" WHERE status = 'researching' AND verdict IS NULL ORDER BY score DESC, id ASC LIMIT 51`,
        /Claim_status_verdict_score_id_idx/,
      ],
      [
        `SELECT id FROM "Claim" WHERE status = 'researching' AND articleId = 5 ORDER BY score DESC, id ASC LIMIT 51`,
        /Claim_articleId_status_score_id_idx/,
      ],
      [`SELECT id FROM "Article" ORDER BY updatedAt DESC, id DESC LIMIT 51`, /Article_updatedAt_id_idx/],
      // The desk's "For me to review" count, from the index alone; "My queue"'s sent-back half.
      [
        `SELECT COUNT(*) FROM (SELECT 1 FROM "Claim" WHERE status = 'needs-review' AND (verdictById IS NULL OR verdictById <> 1) LIMIT 1001)`,
        /COVERING INDEX Claim_status_verdictById_idx/,
      ],
      [
        `SELECT COUNT(*) FROM (SELECT 1 FROM "Claim" WHERE status = 'researching' AND verdictById = 1 LIMIT 1001)`,
        /Claim_status_verdictById_idx \(status=\? AND verdictById=\?\)/,
      ],
      [
        `SELECT p.id FROM "Publication" p WHERE NOT EXISTS (SELECT 1 FROM "Publication" n WHERE n.articleId = p.articleId AND n.number > p.number) ORDER BY p.publishedAt DESC, p.id DESC LIMIT 51`,
        /Publication_publishedAt_id_idx/,
      ],
    ];
    for (const [sql, index] of queries) {
      const detail = plan(sql);
      expect(detail, sql).toMatch(index);
      expect(detail, sql).not.toMatch(/TEMP B-TREE|SCAN (Claim|Publication)\b(?! USING)/);
    }
    db.close();
  });

  it("reads a desk page's rows from its claims out, never every article of the workspace", () => {
    const { file } = generateWorkspace(tempFile(), { articles: 500, claimsPerArticle: 20, published: 10 });
    migrate(file, path.resolve("prisma/migrations"));
    const db = new Database(file, { readonly: true });
    for (const query of ["", "queue=mine", "queue=review", "assignee=none", "status=any&verdict=false"]) {
      const filter = readDeskFilter(new URLSearchParams(query));
      const statement = rowsStatement(statusesFor(filter), conditionsFor(filter, 1), 0, 26);
      const detail = (
        db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.values) as Array<{
          detail: string;
        }>
      )
        .map((r) => r.detail)
        .join("\n");
      expect(detail, query).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
      expect(detail, query).not.toMatch(/SCAN a\b|AUTOMATIC/);
    }
    db.close();
  });
});
