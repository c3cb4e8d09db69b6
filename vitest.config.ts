import { defineConfig } from "vitest/config";

/** The integration tests that also run on PostgreSQL: everything that reaches the database through the app. */
const ON_BOTH_DATABASES = [
  "app/api/v1.test.ts",
  "app/auth/users.test.ts",
  "app/backup/import-validation.test.ts",
  "app/classroom/late.test.ts",
  "app/classroom/own-article.test.ts",
  "app/classroom/teachers.test.ts",
  "app/db/attempts.test.ts",
  "app/db/changes.test.ts",
  "app/db/prisma-errors.test.ts",
  "app/newsroom/long-lists.test.ts",
  "app/newsroom/proposal-limit.test.ts",
  "app/newsroom/two-person.test.ts",
  "app/newsroom/workflow.test.ts",
  "app/publishing/formats.test.ts",
  "app/publishing/many-claims.test.ts",
  "app/publishing/xml-safe.test.ts",
  "app/routes/login.test.ts",
  "app/routes/student.test.ts",
  "app/search/search.test.ts",
  "app/routes/search.test.ts",
  "app/matching/matching.test.ts",
  "app/reviews/reviews.test.ts",
  "app/api/revalidation.test.ts",
];

const shared = {
  environment: "node",
  testTimeout: 20_000,
  // Shared CI machines can be slow to build a fresh database in beforeAll.
  hookTimeout: 60_000,
  pool: "forks",
} as const;

// Unit and integration tests only: no React Router plugin, no browser. e2e/ is Playwright's.
// The "postgres" project runs the database tests again on the PostgreSQL that `npm test` starts
// (scripts/test-postgres.ts), plus the ones only PostgreSQL has (*.postgres.test.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "sqlite",
          include: ["app/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.postgres.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          ...shared,
          name: "postgres",
          include: [...ON_BOTH_DATABASES, "app/**/*.postgres.test.ts"],
          env: { CLAIMDESK_TEST_DATABASE: "postgres" },
        },
      },
    ],
  },
});
