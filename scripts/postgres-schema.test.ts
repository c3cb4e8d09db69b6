import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema, SQLITE_SCHEMA } from "./postgres-schema";

describe("PostgreSQL's schema", () => {
  it("is prisma/schema.prisma with only the provider and the client's output changed", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8"), "run npx tsx scripts/postgres-schema.ts").toBe(
      postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")),
    );
  });

  it("refuses a SQLite schema it cannot translate rather than writing a wrong one", () => {
    expect(() => postgresSchema('datasource db {\n  provider = "mysql"\n}')).toThrow(/provider/);
  });
});
