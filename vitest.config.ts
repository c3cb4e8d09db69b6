import { defineConfig } from "vitest/config";

// Unit and integration tests only: no React Router plugin, no browser. e2e/ is Playwright's.
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    // Shared CI machines can be slow to build a fresh database in beforeAll.
    hookTimeout: 60_000,
    pool: "forks",
  },
});
