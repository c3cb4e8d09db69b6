import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here; migrations are applied by the app itself
// (app/db/migrate.server.ts), so no schema engine is needed.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/claimdesk.db" },
});
