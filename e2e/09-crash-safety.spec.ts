import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { createToken, createUser, databaseUrl, onPostgres, startOwnServer } from "./helpers";

// Kills the real server (SIGKILL, no chance to clean up) in the middle of a burst of API writes,
// restarts it on the same database, and checks that every write it acknowledged is there and
// that the database is intact. Runs on SQLite and on PostgreSQL.

const DATABASE = "data/crash.db";

/** The claim's version as stored, read beside the server. */
async function storedVersion(claimId: number): Promise<number> {
  if (onPostgres()) {
    const client = new pg.Client({ connectionString: databaseUrl(DATABASE) });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT version FROM "Claim" WHERE id = $1`, [claimId]);
      return rows[0].version;
    } finally {
      await client.end();
    }
  }
  const sqlite = new Database(DATABASE, { readonly: true });
  try {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    return (sqlite.prepare("SELECT version FROM Claim WHERE id = ?").get(claimId) as { version: number })
      .version;
  } finally {
    sqlite.close();
  }
}

test("every acknowledged write survives the server being killed mid-burst", async () => {
  test.setTimeout(120_000);
  let server: { base: string; child: ChildProcess } = await startOwnServer(DATABASE, {
    CLAIMDESK_SEED: "off",
    NODE_ENV: "production",
  });
  createUser("crash@desk.test", "Crash Tester", "editor", DATABASE);
  const token = createToken("crash@desk.test", DATABASE);
  const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  let BASE = server.base;

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
            acknowledgedArticles.push({ id: body.id, claims: body.claimCount });
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
  server.child.kill("SIGKILL");
  await new Promise((r) => server.child.once("exit", r));
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  await Promise.all(workers);
  expect(failures, "requests in flight when the server died fail").toBeGreaterThan(0);

  server = await startOwnServer(
    DATABASE,
    { CLAIMDESK_SEED: "off", NODE_ENV: "production" },
    { shared: true },
  );
  BASE = server.base;
  try {
    const claim = await (await fetch(`${BASE}/api/v1/claims/${claimId}`, { headers })).json();
    const stored = new Set(claim.evidence.map((e: { note: string }) => e.note));
    const missing = acknowledgedEvidence.filter((note) => !stored.has(note));
    expect(missing, `${acknowledgedEvidence.length} acknowledged evidence writes`).toEqual([]);
    for (const { id, claims } of acknowledgedArticles) {
      const stored = await (await fetch(`${BASE}/api/v1/articles/${id}`, { headers })).json();
      expect(stored.claimCount, `article ${id}`).toBe(claims);
    }
    // The claim's version counts every evidence write the database kept, acknowledged or not.
    expect((await storedVersion(claimId)) - 1).toBe(claim.evidence.length);
    console.log(
      `crash safety: killed after ${acknowledgedEvidence.length} evidence and ${acknowledgedArticles.length} article writes were acknowledged; ${failures} requests failed in flight; all acknowledged writes present`,
    );
  } finally {
    server.child.kill("SIGTERM");
  }
});
