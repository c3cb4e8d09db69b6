import { defineConfig } from "@playwright/test";

// End-to-end stories run against the built production server (server.js) on a fresh database,
// in Debian's Chromium: Playwright's own browser download is not available offline.
export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE = "data/e2e.db";
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
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
  webServer: {
    command: `rm -f ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm && node server.js`,
    // Web import stories fetch pages from a server the test starts on loopback: allowed explicitly.
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:./${E2E_DATABASE}`,
      NODE_ENV: "production",
      CLAIMDESK_ALLOW_PRIVATE_FETCH: "1",
    },
    url: `http://localhost:${PORT}/methodology`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
