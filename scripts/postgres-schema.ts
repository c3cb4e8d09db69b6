// Writes prisma/postgres/schema.prisma from prisma/schema.prisma. Prisma's `provider` cannot come
// from the environment, so PostgreSQL has a schema of its own that differs only in the provider and
// where its client is generated; scripts/postgres-schema.test.ts fails when the two drift apart.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

const HEADER = `// GENERATED from prisma/schema.prisma by \`npx tsx scripts/postgres-schema.ts\`: edit that file, not this one.
// Only the provider and the client's output differ (docs/decisions/018-postgresql.md).
`;

export function postgresSchema(sqliteSchema: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text)) throw new Error(`${SQLITE_SCHEMA} no longer contains ${from}`);
    return text.replace(from, to);
  };
  let schema = replace(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = replace(
    schema,
    /output(\s+)= "\.\.\/app\/generated\/prisma"/,
    'output$1= "../../app/generated/prisma-postgres"',
  );
  return HEADER + schema;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  console.log(`Wrote ${POSTGRES_SCHEMA}`);
}
