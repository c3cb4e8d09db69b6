import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { routeArgs } from "./testing.server";

// The desk's loader and assignment action on a real SQLite file, as server.js calls them. The
// Prisma client is the app's own, logging every statement it runs: a desk page must cost a few
// statements, whatever it shows.
const { statements } = vi.hoisted(() => ({ statements: [] as string[] }));
vi.mock("../db/client.server", async (importOriginal) =>
  (await import("../db/testing.server")).loggingClientModule(await importOriginal(), statements),
);

const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-desk-")), "desk.db");
const workspace = generateWorkspace(file, {
  articles: 80,
  claimsPerArticle: 6,
  published: 0,
  evidencePerThirdClaim: 2,
});
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
const { loader, action } = await import("./desk");
const { loader: rootLoader } = await import("../root");
const { countMatching, deskClaims, deskCounts, readDeskFilter, DESK_PAGE_SIZE, ARTICLE_CHOICES } =
  await import("../newsroom/desk.server");
const { QUICK_VIEWS, quickViewHref } = await import("../newsroom/desk");
const { listDeskMembers } = await import("../auth/users.server");
const { reviewClaim } = await import("../newsroom/claims.server");
const { sendBackClaim } = await import("../newsroom/approval.server");

const raw = new Database(file);
// Besides the workspace's editor and reviewer: an admin (on the desk), a viewer and a deactivated editor (not on it).
const addUser = raw.prepare(
  `INSERT INTO "User" (email, name, role, active, passwordHash, createdAt) VALUES (?, ?, ?, ?, 'x', '2026-01-01T00:00:00.000+00:00')`,
);
addUser.run("ada@desk.test", "Ada Admin", "admin", 1);
addUser.run("aaron@desk.test", "Aaron Viewer", "viewer", 1);
addUser.run("abe@desk.test", "Abe Gone", "editor", 0);
const cookie = `claimdesk_session=${workspace.sessionToken}`;

async function openDesk(search: string) {
  statements.length = 0;
  const request = new Request(`http://localhost/desk${search}`, { headers: { cookie } });
  // The loader answers with data() (404 past the list's end): its data is what the page reads.
  const { data } = await loader(routeArgs(request));
  return { data, statements: [...statements] };
}

describe("the desk page", () => {
  it("reads a page in three statements: the session, the rows, and everything else", async () => {
    const { statements: run } = await openDesk("?status=open&assignee=any");
    expect(run).toHaveLength(3);
  });

  it("looks the session up once for the root's loader and the desk's, which run side by side", async () => {
    statements.length = 0;
    const request = new Request("http://localhost/desk?status=open&assignee=any", { headers: { cookie } });
    const args = routeArgs(request);
    const [root] = await Promise.all([rootLoader(args), loader(args)]);
    expect(root.user).toMatchObject({ id: workspace.editorId, role: "editor" });
    expect(statements.filter((sql) => /FROM "Session"/.test(sql))).toHaveLength(1);
    expect(statements).toHaveLength(3);
  });

  it("reads the page's address from url, not from a client-side navigation's .data request", async () => {
    // As React Router passes them through (react-router.config.ts): the request as it arrived, the page's address.
    const raw = "http://localhost/desk.data?status=open&assignee=none&_routes=routes%2Fdesk";
    const url = new URL("http://localhost/desk?status=open&assignee=none");
    const signedOut = await loader({ request: new Request(raw), url, params: {}, context: {} } as never).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(signedOut).toBeInstanceOf(Response);
    expect((signedOut as Response).headers.get("Location")).toBe(
      `/login?next=${encodeURIComponent("/desk?status=open&assignee=none")}`,
    );
    const request = new Request(raw, { headers: { cookie } });
    const { data } = await loader({ request, url, params: {}, context: {} } as never);
    expect(data.back).toBe("?status=open&assignee=none");
    expect(data.filter.assignee).toBe("none");
  });

  it("shows each claim's quote, article, sources, status, verdict and assignee, in the desk's order", async () => {
    const filter = {
      status: "open",
      verdict: "any",
      assignee: "any",
      article: "any",
      previous: "any",
      queue: "any",
    } as const;
    const { data } = await openDesk("?status=open&assignee=any&page=2");
    const expected = await deskClaims(filter, workspace.editorId, { page: 2, size: DESK_PAGE_SIZE });
    expect(data.claims).toHaveLength(DESK_PAGE_SIZE);
    expect(data.claims).toEqual(
      expected.items.map((c) => ({
        id: c.id,
        quote: c.quote,
        article: { id: c.articleId, title: c.article.title, language: c.article.language },
        status: c.status,
        verdict: c.verdict,
        score: c.score,
        evidence: c.evidence,
        assigneeId: c.assigneeId,
        reviewNote: c.reviewNote,
      })),
    );
    expect(data.claims.some((c) => c.evidence === 2)).toBe(true);
    expect(data.page).toEqual({ page: 2, size: DESK_PAGE_SIZE, hasPrevious: true, hasNext: true });
    expect(data.total).toBe(expected.total);
    expect(data.counts).toEqual(await deskCounts(workspace.editorId));
    expect(data.members).toEqual(await listDeskMembers());
    expect(data.members.map((m) => m.name)).toEqual(["Ada Admin", "Bench Editor", "Bench Reviewer"]);
  });

  it("totals a quick view by its count, as the filter itself counts", async () => {
    const totals = [];
    for (const view of QUICK_VIEWS.filter((q) => q.count)) {
      const search = quickViewHref(view).slice("/desk".length);
      const { data } = await openDesk(search);
      const filter = readDeskFilter(new URLSearchParams(search));
      expect(data.filter).toEqual(filter);
      expect(data.total, view.key).toBe(await countMatching(filter, workspace.editorId));
      expect(data.total, view.key).toBe(data.counts[view.count!]);
      totals.push(data.total);
    }
    expect(totals.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
  });

  it("offers the recently changed articles with open claims, and the chosen one first when it is older", async () => {
    const recent = raw
      .prepare(
        `SELECT id, title FROM "Article" a WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c.articleId = a.id AND c.status IN ('candidate', 'researching', 'needs-review')) ORDER BY updatedAt DESC, id DESC LIMIT ${ARTICLE_CHOICES}`,
      )
      .all() as Array<{ id: number; title: string }>;
    expect((await openDesk("?status=open&assignee=any")).data.articles).toEqual(recent);
    const older = raw
      .prepare(
        `SELECT id, title FROM "Article" WHERE id NOT IN (${recent.map((a) => a.id).join(",")}) ORDER BY id LIMIT 1`,
      )
      .get() as { id: number; title: string };
    const chosen = await openDesk(`?status=open&assignee=any&article=${older.id}`);
    expect(chosen.data.articles).toEqual([older, ...recent]);
    expect(chosen.data.claims.every((c) => c.article.id === older.id)).toBe(true);
    expect(chosen.statements).toHaveLength(3);
  });
});

describe("assigning from the desk", () => {
  it("assigns with a plain form post and goes back to the same view, at the claim's row", async () => {
    const claim = raw
      .prepare(`SELECT id FROM "Claim" WHERE status = 'candidate' AND assigneeId IS NULL LIMIT 1`)
      .get() as { id: number };
    const reviewer = raw.prepare(`SELECT id FROM "User" WHERE email = 'reviewer@bench.test'`).get() as {
      id: number;
    };
    const request = new Request("http://localhost/desk?status=open&assignee=none&page=2", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ claimId: String(claim.id), assigneeId: String(reviewer.id) }),
    });
    const response = (await action(routeArgs(request))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(
      `/desk?status=open&assignee=none&page=2#desk-claim-${claim.id}`,
    );
    expect(raw.prepare(`SELECT assigneeId FROM "Claim" WHERE id = ?`).get(claim.id)).toEqual({
      assigneeId: reviewer.id,
    });
  });

  it("answers an unknown claim with a message, not a redirect", async () => {
    const request = new Request("http://localhost/desk?status=open", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ claimId: "999999", assigneeId: "" }),
    });
    const result = (await action(routeArgs(request))) as unknown;
    expect(result).not.toBeInstanceOf(Response);
    expect((result as { data: { error: string } }).data.error).toMatch(/claim/i);
  });
});

describe("the desk routes work to whoever can act on it", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const editor = {
    id: workspace.editorId,
    email: "editor@bench.test",
    name: "Bench Editor",
    role: "editor" as const,
  };
  const reviewerId = (
    raw.prepare(`SELECT id FROM "User" WHERE email = 'reviewer@bench.test'`).get() as { id: number }
  ).id;
  const reviewer = {
    id: reviewerId,
    email: "reviewer@bench.test",
    name: "Bench Reviewer",
    role: "reviewer" as const,
  };

  /** A signed-in person's desk, as the loader shows it. */
  async function deskOf(token: string, search = "") {
    const request = new Request(`http://localhost/desk${search}`, {
      headers: { cookie: `claimdesk_session=${token}` },
    });
    return (await loader(routeArgs(request))).data;
  }

  /** A new account with a session: its cookie token and its id. */
  function signedIn(email: string, name: string, role: string) {
    const id = Number(addUser.run(email, name, role, 1).lastInsertRowid);
    const token = `desk-test-${email}`;
    raw
      .prepare(`INSERT INTO "Session" (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)`)
      .run(
        sha256(token),
        id,
        "2026-01-01T00:00:00.000+00:00",
        new Date(Date.now() + 86_400_000).toISOString(),
      );
    return { id, token };
  }

  const unassignedCandidate = () =>
    raw
      .prepare(`SELECT id, version FROM "Claim" WHERE status = 'candidate' AND assigneeId IS NULL LIMIT 1`)
      .get() as {
      id: number;
      version: number;
    };

  it("puts a claim sent back to its editor in the editor's queue, which their desk opens on", async () => {
    const claim = unassignedCandidate();
    const written = await reviewClaim(
      claim.id,
      {
        version: claim.version,
        verdict: "misleading",
        rationale: "The chart leaves out 2020.",
        status: "needs-review",
      },
      editor,
    );
    const before = (await deskOf(workspace.sessionToken)).counts.mine;
    await sendBackClaim(claim.id, written.version, "Which source says 40%?", reviewer);
    const desk = await deskOf(workspace.sessionToken);
    expect(desk.filter).toMatchObject({ queue: "mine", status: "open" });
    expect(desk.counts.mine).toBe(before + 1);
    const article = (
      raw.prepare(`SELECT articleId FROM "Claim" WHERE id = ?`).get(claim.id) as { articleId: number }
    ).articleId;
    const queue = await deskOf(
      workspace.sessionToken,
      `?queue=mine&status=open&assignee=any&article=${article}`,
    );
    expect(queue.claims.map((c) => c.id)).toContain(claim.id);
    // Not in the reviewer's queue: they sent it back and did not write it.
    const theirs = await deskOf(workspace.sessionToken, `?queue=mine&status=open&assignee=${reviewerId}`);
    expect(theirs.claims.map((c) => c.id)).not.toContain(claim.id);
  });

  it("opens a reviewer with an empty queue on the verdicts others wrote that wait for them, with counts", async () => {
    const rita = signedIn("rita@desk.test", "Rita Reviewer", "reviewer");
    const own = unassignedCandidate();
    await reviewClaim(
      own.id,
      { version: own.version, verdict: "accurate", rationale: "Matches the filing.", status: "needs-review" },
      { id: rita.id, email: "rita@desk.test", name: "Rita Reviewer", role: "reviewer" },
    );
    const desk = await deskOf(rita.token);
    const waiting = raw
      .prepare(
        `SELECT count(*) AS n FROM "Claim" WHERE status = 'needs-review' AND (verdictById IS NULL OR verdictById <> ?)`,
      )
      .get(rita.id) as { n: number };
    expect(desk.counts.mine).toBe(0);
    expect(desk.counts.toReview).toBe(waiting.n);
    expect(waiting.n).toBeGreaterThan(0);
    expect(desk.filter).toMatchObject({ queue: "review", status: "needs-review" });
    expect(desk.total).toBe(waiting.n);
    expect(desk.claims.length).toBeGreaterThan(0);
    expect(desk.claims.every((c) => c.status === "needs-review")).toBe(true);
    // Her own verdict waits for someone else.
    expect(desk.claims.map((c) => c.id)).not.toContain(own.id);
  });

  it("opens a viewer, who checks nothing, on all open claims", async () => {
    const viewer = signedIn("vera@desk.test", "Vera Viewer", "viewer");
    const desk = await deskOf(viewer.token);
    expect(desk.filter).toMatchObject({ queue: "any", status: "open", assignee: "any" });
    expect(desk.claims.length).toBeGreaterThan(0);
  });
});

describe("bulk triage from the desk", () => {
  async function bulk(fields: Array<[string, string]>) {
    const request = new Request("http://localhost/desk?status=open&assignee=any", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([["intent", "bulk"], ...fields]),
    });
    const result = (await action(routeArgs(request))) as {
      data: {
        ok: boolean;
        notice?: string;
        error?: string;
        refused?: Array<{ claimId: number; reason: string }>;
      };
    };
    return result.data;
  }
  const candidates = (n: number) =>
    (
      raw
        .prepare(`SELECT id FROM "Claim" WHERE status = 'candidate' ORDER BY id DESC LIMIT ?`)
        .all(n) as Array<{
        id: number;
      }>
    ).map((c) => c.id);
  const statusOf = (id: number) =>
    (raw.prepare(`SELECT status FROM "Claim" WHERE id = ?`).get(id) as { status: string }).status;
  const audited = (id: number, action: string) =>
    (
      raw
        .prepare(
          `SELECT count(*) AS n FROM "AuditEvent" WHERE entityType = 'claim' AND entityId = ? AND action = ?`,
        )
        .get(id, action) as { n: number }
    ).n;

  it("dismisses the selected claims one by one, each audited, and says which it refused and why", async () => {
    const [a, b, c] = candidates(3) as [number, number, number];
    raw.prepare(`UPDATE "Claim" SET status = 'dismissed' WHERE id = ?`).run(c);
    const answer = await bulk([
      ["operation", "dismiss"],
      ["claimIds", String(a)],
      ["claimIds", String(b)],
      ["claimIds", String(c)],
      ["claimIds", "999999"],
    ]);
    expect(answer.ok).toBe(true);
    expect(answer.notice).toBe("2 claims dismissed. 2 claims refused (below).");
    expect(answer.refused).toEqual([
      { claimId: c, reason: "It is dismissed already." },
      { claimId: 999999, reason: expect.stringMatching(/no longer exists/) },
    ]);
    expect([statusOf(a), statusOf(b)]).toEqual(["dismissed", "dismissed"]);
    expect([audited(a, "dismissed"), audited(b, "dismissed")]).toEqual([1, 1]);

    const restored = await bulk([
      ["operation", "restore"],
      ["claimIds", String(a)],
      ["claimIds", String(b)],
    ]);
    expect(restored.notice).toBe("2 claims restored.");
    expect([statusOf(a), statusOf(b)]).toEqual(["candidate", "candidate"]);
  });

  it("assigns and sets the status of the selected claims in one step", async () => {
    const [a, b] = candidates(2) as [number, number];
    const selected: Array<[string, string]> = [
      ["claimIds", String(a)],
      ["claimIds", String(b)],
    ];
    const assigned = await bulk([
      ["operation", "assign"],
      ["assigneeId", String(workspace.editorId)],
      ...selected,
    ]);
    expect(assigned.notice).toBe("2 claims assigned to Bench Editor.");
    expect(audited(a, "assigned")).toBeGreaterThan(0);
    const researching = await bulk([["operation", "status-researching"], ...selected]);
    expect(researching.notice).toBe("2 claims set to Researching.");
    expect([statusOf(a), statusOf(b)]).toEqual(["researching", "researching"]);
    const again = await bulk([["operation", "status-researching"], ...selected]);
    expect(again.notice).toBe("0 claims set to Researching. 2 claims refused (below).");
    expect(again.refused![0]!.reason).toBe("It is researching already.");
  });

  it("refuses more than 200 claims, no choice and an empty selection with a message, changing nothing", async () => {
    const many = Array.from({ length: 201 }, (_, i): [string, string] => ["claimIds", String(i + 1)]);
    expect(await bulk([["operation", "dismiss"], ...many])).toMatchObject({
      ok: false,
      error: "Select at most 200 claims at a time.",
    });
    expect(await bulk([["claimIds", "1"]])).toMatchObject({
      ok: false,
      error: "Choose what to do with the selected claims.",
    });
    expect(await bulk([["operation", "dismiss"]])).toMatchObject({
      ok: false,
      error: "Select at least one claim.",
    });
  });
});
