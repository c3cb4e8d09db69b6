import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { routeArgs } from "../routes/testing.server";
import { apiHandler } from "../api/testing.server";

// Comments on a claim through the claim page's action and the API, on a real SQLite file; the
// mentioned person's desk through its loader.
const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-comments-")), "comments.db");
const workspace = generateWorkspace(file, {
  articles: 3,
  claimsPerArticle: 3,
  published: 0,
  evidencePerThirdClaim: 0,
});
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
const { action, loader } = await import("../routes/claim");
const { loader: deskLoader } = await import("../routes/desk");
const handleApi = await apiHandler();

const raw = new Database(file);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const addUser = raw.prepare(
  `INSERT INTO "User" (email, name, role, active, passwordHash, createdAt) VALUES (?, ?, ?, 1, 'x', '2026-01-01T00:00:00.000+00:00')`,
);
const ada = Number(addUser.run("ada@paper.test", "Ada Lovelace", "reviewer").lastInsertRowid);
addUser.run("sam.lee@paper.test", "Sam Lee", "editor");
addUser.run("so@paper.test", "Sam Okafor", "editor");
raw
  .prepare(`INSERT INTO "Session" (id, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)`)
  .run(
    sha256("ada-session"),
    ada,
    "2026-01-01T00:00:00.000+00:00",
    new Date(Date.now() + 86_400_000).toISOString(),
  );
const editorCookie = `claimdesk_session=${workspace.sessionToken}`;

const claim = raw.prepare(`SELECT id, articleId FROM "Claim" ORDER BY id LIMIT 1`).get() as {
  id: number;
  articleId: number;
};
const here = `/articles/${claim.articleId}/claims/${claim.id}`;
const params = { id: String(claim.articleId), claimId: String(claim.id) };

async function comment(fields: Record<string, string>) {
  const request = new Request(`http://localhost${here}`, {
    method: "POST",
    headers: { cookie: editorCookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "comment", ...fields }),
  });
  return (await action(routeArgs(request, params))) as unknown;
}

const comments = () =>
  raw.prepare(`SELECT id, body FROM "ClaimComment" WHERE claimId = ? ORDER BY id`).all(claim.id) as Array<{
    id: number;
    body: string;
  }>;

async function adasDesk(search = "") {
  const request = new Request(`http://localhost/desk${search}`, {
    headers: { cookie: "claimdesk_session=ada-session" },
  });
  return (await deskLoader(routeArgs(request))).data;
}

describe("comments on a claim", () => {
  it("adds a Markdown comment, puts the claim in the mentioned person's Mentions, and audits it", async () => {
    expect((await adasDesk()).counts.mentions).toBe(0);
    const answer = await comment({
      submission: "seed.«c1»",
      body: "**@ada**, can you check the 2024 figure? <script>alert(1)</script> cc @sam, @nobody",
    });
    expect(answer).toBeInstanceOf(Response);
    const [added] = comments();
    expect((answer as Response).headers.get("Location")).toBe(`${here}?saved=comment#comment-${added!.id}`);

    const page = (await loader(
      routeArgs(new Request(`http://localhost${here}`, { headers: { cookie: editorCookie } }), params),
    )) as {
      comments: Array<{ html: string; author: { name: string }; mentions: Array<{ name: string }> }>;
    };
    expect(page.comments).toHaveLength(1);
    expect(page.comments[0]!.author.name).toBe("Bench Editor");
    // HTML is off: the script is text. "@sam" is two people and "@nobody" nobody: both stay text.
    expect(page.comments[0]!.html).toContain("<strong>@ada</strong>");
    expect(page.comments[0]!.html).toContain("&lt;script&gt;");
    expect(page.comments[0]!.mentions.map((m) => m.name)).toEqual(["Ada Lovelace"]);

    const desk = await adasDesk();
    expect(desk.counts.mentions).toBe(1);
    const mentions = await adasDesk("?queue=mentions&status=any&assignee=any");
    expect(mentions.claims.map((c) => c.id)).toEqual([claim.id]);

    const audited = raw
      .prepare(
        `SELECT after FROM "AuditEvent" WHERE entityType = 'claim' AND entityId = ? AND action = 'commented'`,
      )
      .all(claim.id) as Array<{ after: string }>;
    expect(audited.map((a) => JSON.parse(a.after))).toEqual([
      { comment: expect.stringContaining("can you check"), mentioned: "Ada Lovelace" },
    ]);
  });

  it("adds a comment once when the same submission comes twice", async () => {
    const before = comments().length;
    const first = await comment({ submission: "seed.«c2»", body: "Sent twice." });
    const second = await comment({ submission: "seed.«c2»", body: "Sent twice." });
    expect(comments().length).toBe(before + 1);
    expect((second as Response).headers.get("Location")).toBe((first as Response).headers.get("Location"));
  });

  it("refuses an empty or too long comment with a message beside the box, saving nothing", async () => {
    const before = comments().length;
    const empty = (await comment({ body: "   " })) as { data: { fields: Record<string, string> } };
    expect(empty.data.fields.body).toBe("Write a comment first.");
    const long = (await comment({ body: "x".repeat(5_001) })) as { data: { fields: Record<string, string> } };
    expect(long.data.fields.body).toBe("Keep a comment under 5,000 characters.");
    expect(comments().length).toBe(before);
  });

  it("reads and adds comments through the API", async () => {
    const api = (method: string, body?: unknown) =>
      handleApi(
        new Request(`http://localhost/api/v1/claims/${claim.id}/comments`, {
          method,
          headers: { Authorization: `Bearer ${workspace.apiToken}`, "Content-Type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const posted = await api("POST", { body: "From the API, @ada.lovelace." });
    expect(posted.status).toBe(201);
    const json = (await posted.json()) as {
      comment: { mentions: Array<{ name: string }> };
      unresolvedMentions: unknown[];
    };
    expect(json.comment.mentions.map((m) => m.name)).toEqual(["Ada Lovelace"]);
    expect(json.unresolvedMentions).toEqual([]);
    const listed = (await (await api("GET")).json()) as { comments: Array<{ body: string }> };
    expect(listed.comments.at(-1)!.body).toBe("From the API, @ada.lovelace.");
    expect(listed.comments).toHaveLength(comments().length);
    const refused = await api("POST", { body: "" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/Write a comment first/);
    const missing = await handleApi(
      new Request(`http://localhost/api/v1/claims/999999/comments`, {
        headers: { Authorization: `Bearer ${workspace.apiToken}` },
      }),
    );
    expect(missing.status).toBe(404);
  });
});
