import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { claimsOfArticle, createToken, createUser, onPostgres, PASSWORD, startOwnServer } from "./helpers";

// Two server processes on one database, as a newsroom runs them behind a load balancer. What one
// process publishes or counts, the other must see at once: nothing of it may live only in memory.

const DATABASE = "data/e2e-two-servers.db";
const SLUG = "alibaba-ai-chip";

let first: { base: string; child: ChildProcess };
let second: { base: string; child: ChildProcess };
let token = "";

test.beforeAll(async () => {
  first = await startOwnServer(DATABASE, {});
  second = await startOwnServer(DATABASE, {}, { shared: true });
  createUser("two-servers-reviewer@desk.test", "Two Servers Reviewer", "reviewer", DATABASE);
  createUser("two-servers-victim@desk.test", "Two Servers Victim", "editor", DATABASE);
  token = createToken("two-servers-reviewer@desk.test", DATABASE);
});

test.afterAll(() => {
  first?.child.kill();
  second?.child.kill();
});

const latestPage = async (base: string) => (await fetch(`${base}/fact-checks/${SLUG}`)).text();

test("a version published through one server is what the other serves at once", async () => {
  // Both servers have read (and keep) the latest page before the new version exists: the seed
  // is published as versions 1 and 2.
  for (const server of [first, second])
    expect(await latestPage(server.base)).toContain("Fact-check version 2, published");

  const articles = await fetch(`${first.base}/api/v1/articles`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const seed = (await articles.json()).articles.find((a: { slug: string }) => a.slug === SLUG);
  // A version must change something readers see: a source added to an approved claim.
  const claims = await claimsOfArticle(first.base, token, seed.id);
  const approved = claims.find((c: { status: string }) => c.status === "approved");
  const source = await fetch(`${first.base}/api/v1/claims/${approved.id}/evidence`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      url: "https://example.org/two-servers",
      title: "A later source",
      stance: "context",
    }),
  });
  expect(source.status).toBe(201);
  const published = await fetch(`${first.base}/api/v1/articles/${seed.id}/publish`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ note: "A later source, added through the first server.", kind: "update" }),
  });
  expect(published.status).toBe(201);
  expect((await published.json()).version).toBe(3);

  expect(await latestPage(second.base)).toContain("Fact-check version 3, published");
  expect(await latestPage(first.base)).toContain("Fact-check version 3, published");
});

test("an API poller's tag is answered 304 by either server on PostgreSQL, by its own on SQLite", async () => {
  const poll = (base: string, tag?: string) =>
    fetch(`${base}/api/v1/claims?status=open`, {
      headers: { Authorization: `Bearer ${token}`, ...(tag ? { "If-None-Match": tag } : {}) },
    });
  // Other stories commit meanwhile (on PostgreSQL, in any database of the cluster): asked again
  // until the tag held on its own server from before to after the other's answer.
  let statuses: number[] = [];
  for (let tries = 0; tries < 30; tries++) {
    const tag = (await poll(first.base)).headers.get("ETag")!;
    const own = (await poll(first.base, tag)).status;
    const other = (await poll(second.base, tag)).status;
    statuses = [own, other];
    if (own === 304 && (await poll(first.base, tag)).status === 304) break;
  }
  // SQLite's change counter is each process's own count, so each server's tags are its own.
  expect(statuses).toEqual(onPostgres() ? [304, 304] : [304, 200]);
});

test("wrong passwords sent to both servers are counted together", async () => {
  const attempt = (base: string, password: string) =>
    fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ email: "two-servers-victim@desk.test", password }),
      headers: { Origin: base },
    });
  // Five failures per account from one address in 15 minutes: three through one server, two
  // through the other.
  const statuses: number[] = [];
  for (const base of [first.base, second.base, first.base, second.base, first.base])
    statuses.push((await attempt(base, "not the password")).status);
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  expect((await attempt(second.base, "still not it")).status).toBe(429);
  // The right password is refused too from this address while it is paused, on either server.
  expect((await attempt(second.base, PASSWORD)).status).toBe(429);
  expect((await attempt(first.base, PASSWORD)).status).toBe(429);
});

test("edits of one claim sent at once through both servers: one is saved, every other is a 409", async () => {
  const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
  const listed = await (await fetch(`${first.base}/api/v1/claims?limit=1`, { headers: auth })).json();
  const claim = await (
    await fetch(`${first.base}/api/v1/claims/${listed.claims[0].id}`, { headers: auth })
  ).json();
  const edits = Array.from({ length: 12 }, (_, i) =>
    fetch(`${(i % 2 ? second : first).base}/api/v1/claims/${claim.id}`, {
      method: "PATCH",
      headers: auth,
      body: JSON.stringify({ version: claim.version, rationale: `Edit number ${i}, sent with the others.` }),
    }),
  );
  const statuses = (await Promise.all(edits)).map((response) => response.status).sort();
  expect(statuses).toEqual([200, ...Array(11).fill(409)]);
  const saved = await (await fetch(`${second.base}/api/v1/claims/${claim.id}`, { headers: auth })).json();
  expect(saved.version).toBe(claim.version + 1);
});

test("CLAIMDESK_PROCESSES runs several processes on one port, and a bad value is refused with a sentence", async () => {
  const cluster = await startOwnServer("data/e2e-processes.db", { CLAIMDESK_PROCESSES: "2" });
  try {
    const workers = () =>
      readdirSync("/proc")
        .filter((name) => /^\d+$/.test(name))
        .filter((name) => {
          try {
            return (
              readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1] ===
              String(cluster.child.pid)
            );
          } catch {
            return false;
          }
        });
    await expect.poll(() => workers().length).toBe(2);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => fetch(`${cluster.base}/fact-checks/${SLUG}`).then((r) => r.status)),
    );
    expect(answers).toEqual(Array(10).fill(200));
  } finally {
    cluster.child.kill();
  }
  await expect(startOwnServer("data/e2e-processes.db", { CLAIMDESK_PROCESSES: "lots" })).rejects.toThrow(
    'CLAIMDESK_PROCESSES must be a whole number from 1 to 64 (it is "lots").',
  );
});
