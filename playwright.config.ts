import { defineConfig } from "@playwright/test";
import { MISSING_POSTGRES } from "./app/db/testing.server";

// End-to-end stories run against the built production server (server.js) on a fresh database,
// in Debian's Chromium: Playwright's own browser download is not available offline. The
// "postgres" project runs the stories that matter most for a database again on PostgreSQL (the
// cluster `npm test` starts, scripts/test-postgres.ts), against a second server on PORT + 1.
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const POSTGRES_PORT = PORT + 1;
export const E2E_DATABASE = "data/e2e.db";

const postgresAdmin = process.env.CLAIMDESK_TEST_POSTGRES_URL;
const withoutPostgres = process.env.CLAIMDESK_TEST_POSTGRES === "off";
if (!postgresAdmin && !withoutPostgres) throw new Error(MISSING_POSTGRES);

/** The URL of the stories' PostgreSQL database `name` (claimdesk_e2e for data/e2e.db). */
export function postgresE2eUrl(name: string): string {
  if (!postgresAdmin) throw new Error(MISSING_POSTGRES);
  const url = new URL(postgresAdmin);
  url.pathname = `/claimdesk_${name.replace(/\W/g, "_")}`;
  return url.toString();
}

/** The stories run on both databases: the whole loop, integrity, publishing, the workflow, several servers, the static export, search, other fact-checkers' reviews. */
const ON_BOTH_DATABASES = [
  "01-newcomer.spec.ts",
  "02-checking.spec.ts",
  "03-integrity.spec.ts",
  "05-publishing.spec.ts",
  "07-classroom.spec.ts",
  "09-crash-safety.spec.ts",
  "10-newsroom-workflow.spec.ts",
  "14-two-servers.spec.ts",
  "16-site-export.spec.ts",
  "17-search.spec.ts",
  "18-matching.spec.ts",
  "19-external-reviews.spec.ts",
];

const serverEnv = (port: number, databaseUrl: string) => ({
  PORT: String(port),
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  // Web import stories fetch pages from a server the test starts on loopback: allowed explicitly.
  CLAIMDESK_ALLOW_PRIVATE_FETCH: "1",
});
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        ...(asRoot ? ["--no-sandbox"] : []),
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "sqlite", use: { baseURL: `http://localhost:${PORT}` } },
    ...(postgresAdmin
      ? [
          {
            name: "postgres",
            testMatch: ON_BOTH_DATABASES,
            use: { baseURL: `http://localhost:${POSTGRES_PORT}` },
          },
        ]
      : []),
  ],
  webServer: [
    {
      command: `rm -f ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm && node server.js`,
      env: serverEnv(PORT, `file:./${E2E_DATABASE}`),
      url: `http://localhost:${PORT}/methodology`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    ...(postgresAdmin
      ? [
          {
            command: `npx tsx scripts/test-postgres.ts create claimdesk_e2e > /dev/null && node server.js`,
            env: serverEnv(POSTGRES_PORT, postgresE2eUrl("e2e")),
            url: `http://localhost:${POSTGRES_PORT}/methodology`,
            reuseExistingServer: false,
            timeout: 60_000,
            stdout: "ignore" as const,
            stderr: "pipe" as const,
          },
        ]
      : []),
  ],
});
