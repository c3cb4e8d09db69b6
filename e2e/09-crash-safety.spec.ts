import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { PASSWORD } from "./helpers";

// Kills the real server (SIGKILL, no chance to clean up) in the middle of a burst of API writes,
// restarts it on the same SQLite file, and checks that every write it acknowledged is there and
// that the database is intact.

const PORT = 3199;
const DATABASE = "data/crash.db";
const BASE = `http://localhost:${PORT}`;
const env = {
  ...process.env,
  PORT: String(PORT),
  DATABASE_URL: `file:./${DATABASE}`,
  CLAIMDESK_SEED: "off",
  NODE_ENV: "production",
};

async function startServer(): Promise<ChildProcess> {
  const server = spawn("node", ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start in 30 s")), 30_000);
    server.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Claimdesk is running")) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  return server;
}

test("every acknowledged write survives the server being killed mid-burst", async () => {
  test.setTimeout(120_000);
  rmSync(DATABASE, { force: true });
  rmSync(`${DATABASE}-wal`, { force: true });
  rmSync(`${DATABASE}-shm`, { force: true });
  const cli = (script: string, args: string[]) =>
    execFileSync("npx", ["tsx", script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] })
      .toString()
      .trim();
  cli("scripts/user-create.ts", [
    "--email",
    "crash@desk.test",
    "--name",
    "Crash Tester",
    "--role",
    "editor",
    "--password",
    PASSWORD,
  ]);
  const token = cli("scripts/token-create.ts", ["--email", "crash@desk.test"]);
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };

  let server = await startServer();
  const article = await (
    await fetch(`${BASE}/api/v1/articles`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        title: "Crash target",
        markdown: "Acme shipped 4 million chips in 2025, up 40% on 2024.",
      }),
    })
  ).json();
  const claimId: number = article.claims[0].id;

  const acknowledgedEvidence: string[] = [];
  const acknowledgedArticles: Array<{ id: number; claims: number }> = [];
  let failures = 0;
  let stop = false;
  const worker = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const note = `burst ${w}-${i}`;
      try {
        if (i % 4 === 3) {
          const markdown = `Worker ${w} reports revenue of $${i}.5 billion in 2025, up ${i + 10}% on the year before, says Acme.\n\nShipments rose 12% to 3 million units.`;
          const response = await fetch(`${BASE}/api/v1/articles`, {
            method: "POST",
            headers,
            body: JSON.stringify({ title: `Burst ${w}-${i}`, markdown }),
          });
          if (response.status === 201) {
            const body = await response.json();
            acknowledgedArticles.push({ id: body.id, claims: body.claims.length });
          }
        } else {
          const response = await fetch(`${BASE}/api/v1/claims/${claimId}/evidence`, {
            method: "POST",
            headers,
            body: JSON.stringify({ url: `https://example.org/${w}/${i}`, stance: "context", note }),
          });
          if (response.status === 201) {
            await response.json();
            acknowledgedEvidence.push(note);
          }
        }
      } catch {
        failures++;
        if (failures > 200) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  const workers = Array.from({ length: 16 }, (_, w) => worker(w));
  while (acknowledgedEvidence.length + acknowledgedArticles.length < 150)
    await new Promise((r) => setTimeout(r, 5));
  server.kill("SIGKILL");
  await new Promise((r) => server.once("exit", r));
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  await Promise.all(workers);
  expect(failures, "requests in flight when the server died fail").toBeGreaterThan(0);

  server = await startServer();
  try {
    const claim = await (await fetch(`${BASE}/api/v1/claims/${claimId}`, { headers })).json();
    const stored = new Set(claim.evidence.map((e: { note: string }) => e.note));
    const missing = acknowledgedEvidence.filter((note) => !stored.has(note));
    expect(missing, `${acknowledgedEvidence.length} acknowledged evidence writes`).toEqual([]);
    for (const { id, claims } of acknowledgedArticles) {
      const stored = await (await fetch(`${BASE}/api/v1/articles/${id}`, { headers })).json();
      expect(stored.claims.length, `article ${id}`).toBe(claims);
    }
    const sqlite = new Database(DATABASE, { readonly: true });
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    // The claim's version counts every evidence write the database kept, acknowledged or not.
    const row = sqlite.prepare("SELECT version FROM Claim WHERE id = ?").get(claimId) as { version: number };
    expect(row.version - 1).toBe(claim.evidence.length);
    sqlite.close();
    console.log(
      `crash safety: killed after ${acknowledgedEvidence.length} evidence and ${acknowledgedArticles.length} article writes were acknowledged; ${failures} requests failed in flight; all acknowledged writes present, integrity_check ok`,
    );
  } finally {
    server.kill("SIGTERM");
  }
});
