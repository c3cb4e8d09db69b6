import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { apiHandler } from "./testing.server";

// Real Requests through the API's handler, on a real migrated SQLite file.
await useFreshDatabase();
const handleApi = await apiHandler();
const { createUser, setActive } = await import("../auth/users.server");
const { createApiToken, revokeApiToken, listApiTokens } = await import("../auth/tokens.server");
const { db } = await import("../db/client.server");
const { loadReferenceIfEmpty } = await import("../reference/reference.server");
const { publishedPage } = await import("../publishing/publications.server");
// The hardware reference as start-up loads it (Epoch AI's dataset), for claims that name chips.
await loadReferenceIfEmpty();

const tokens: Record<string, string> = {};
let admin: { id: number; email: string; name: string; role: "admin" };

async function call(method: string, path: string, as?: string, body?: unknown, raw?: string) {
  const response = await handleApi(
    new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: {
        ...(as ? { Authorization: `Bearer ${tokens[as] ?? as}` } : {}),
        "Content-Type": "application/json",
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    }),
  );
  expect(response.headers.get("Content-Type")).toContain("application/json");
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

beforeAll(async () => {
  for (const role of ["viewer", "editor", "reviewer", "admin", "educator"] as const) {
    const user = await createUser({
      email: `${role}@api.test`,
      name: `${role} person`,
      role,
      password: "a long password",
    });
    tokens[role] = (await createApiToken(user.id, "test")).token;
    if (role === "admin") admin = { id: user.id, email: user.email, name: user.name, role };
  }
  const second = await createUser({
    email: "editor2@api.test",
    name: "Second Editor",
    role: "editor",
    password: "a long password",
  });
  tokens.editor2 = (await createApiToken(second.id, "test")).token;
});

const ARTICLE =
  "# Chip news\n\nAcme said its new chip is 40% faster than Nvidia's H20 and uses 30% less power.\n\nThe company will ship it in 2026, according to three people familiar with the plans.";

describe("the API workflow", () => {
  it("imports an article, edits, evidences, approves and publishes a claim", async () => {
    const created = await call("POST", "/articles", "editor", {
      title: "Chip news",
      markdown: ARTICLE,
      outlet: "Example Wire",
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: "chip-news", version: 1, language: "en" });
    expect(created.json.claims.length).toBeGreaterThanOrEqual(2);
    const claim = created.json.claims.find((c: { text: string }) => c.text.includes("40% faster"));
    expect(claim).toMatchObject({ status: "candidate", version: 1 });
    expect(ARTICLE).toContain(claim.text);
    expect(claim.reasons.length).toBeGreaterThan(0);
    // The claim's figures, with offsets in the same projection as the claim's own.
    expect(claim.quantities).toEqual([
      expect.objectContaining({
        text: "40%",
        value: 40,
        unit: "%",
        measure: "percent",
        comparedTo: "Nvidia's H20",
      }),
      expect.objectContaining({ text: "30%", value: 30, unit: "%", measure: "percent" }),
    ]);
    // The chip it names, with its reference figures: evidence beside the claim, never a verdict.
    expect(claim.references.length).toBeGreaterThan(0);
    expect(claim.references.map((r: { hardware: string }) => r.hardware)).toContain("NVIDIA HGX H20");
    const forty = claim.quantities[0];
    expect(forty.end - forty.start).toBe(3);
    expect(forty.start - claim.start).toBe(claim.text.indexOf("40%"));

    const fetched = await call("GET", `/articles/${created.json.id}`, "viewer");
    expect(fetched.status).toBe(200);
    expect(fetched.json.claims.map((c: { id: number }) => c.id)).toEqual(
      created.json.claims.map((c: { id: number }) => c.id),
    );

    const evidence = await call("POST", `/claims/${claim.id}/evidence`, "editor", {
      url: "https://example.org/bench",
      title: "Benchmarks",
      stance: "refutes",
      publishedAt: "2025-09",
    });
    expect(evidence.status).toBe(201);
    expect(evidence.json.evidence).toMatchObject({
      url: "https://example.org/bench",
      stance: "refutes",
      publishedAt: "2025-09",
    });
    const afterEvidence = evidence.json.claim.version;

    const patched = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: afterEvidence,
      verdict: "unsupported",
      rationale: "No benchmark was published.",
      status: "needs-review",
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      verdict: "unsupported",
      status: "needs-review",
      version: afterEvidence + 1,
    });

    const stale = await call("PATCH", `/claims/${claim.id}`, "editor2", {
      version: afterEvidence,
      rationale: "Overwrite attempt",
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toMatch(/version/);
    expect(stale.json.current.rationale).toBe("No benchmark was published.");
    expect(stale.json.current.evidence).toHaveLength(1);

    // A reviewer who read an older version is told so first, before any other check.
    const staleApproval = await call("POST", `/claims/${claim.id}/approve`, "reviewer", {
      version: afterEvidence,
    });
    expect(staleApproval.status).toBe(409);
    expect(staleApproval.json.current.version).toBe(afterEvidence + 1);

    const notYetApproved = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {});
    expect(notYetApproved.status).toBe(400);
    expect(notYetApproved.json.error).toMatch(/approve/);

    const approved = await call("POST", `/claims/${claim.id}/approve`, "reviewer");
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe("approved");

    const published = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", { note: "" });
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({ version: 1 });
    expect(published.json.url).toMatch(/\/fact-checks\/chip-news\/v\/1$/);

    const read = await call("GET", "/publications/chip-news", "viewer");
    expect(read.status).toBe(200);
    expect(read.json.claims).toHaveLength(1);
    expect(read.json.claims[0].verdict.key).toBe("unsupported");

    // A later version is a correction or an update, as the publisher says.
    const unknownKind = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {
      note: "Added a source.",
      kind: "tweak",
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.json.error).toContain('kind must be "correction" or "update"');
    // A version that reads exactly as the last one is refused: readers would see "Updated" for nothing.
    const unchanged = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {
      note: "Added a source.",
      kind: "update",
    });
    expect(unchanged.status).toBe(400);
    expect(unchanged.json.error).toMatch(/^Nothing changed since version 1: /);
    // What the reviewer approved since (set here directly: the workflow is tested above).
    const changed = (rationale: string) =>
      db().claim.updateMany({
        where: { articleId: created.json.id, status: "approved" },
        data: { rationale },
      });
    await changed("No benchmark was published; a source says so.");
    const updated = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {
      note: "Added a source.",
      kind: "update",
    });
    expect(updated.json).toMatchObject({ version: 2 });
    const page = (await publishedPage("chip-news"))!.body;
    expect(page).toMatch(/<strong id="correction-banner-heading">Updated /);

    // The log and the export say what each version did, not only the banner's version.
    // A NUL and half a surrogate pair in the note are dropped, not refused by PostgreSQL's JSON.
    await changed("No benchmark was published; the source's date is fixed.");
    // A later version says what it is: no default would tell readers "Corrected" for an update.
    const noKind = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {
      note: "Fixed a source's date.",
    });
    expect(noKind.status).toBe(400);
    expect(noKind.json.error).toBe(
      "Choose whether version 3 corrects something published or adds to it: readers see “Corrected” or “Updated”." +
        ' Send "kind": "correction" or "update". Nothing was published.',
    );
    const corrected = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {
      note: "Fixed a source's\u0000 date.\ud83d",
      kind: "correction",
    });
    expect(corrected.json).toMatchObject({ version: 3 });
    const third = (await publishedPage("chip-news"))!.body;
    expect(third).toMatch(/<strong id="correction-banner-heading">Corrected /);
    expect(third).toMatch(/Version 3<\/a>, corrected [^:]+: Fixed a source&#x27;s date\./);
    expect(third).toMatch(/Version 2<\/a>, updated [^:]+: Added a source\./);
    const exported = await call("GET", "/publications/chip-news", "viewer");
    expect(
      exported.json.corrections.map((c: { version: number; kind: string }) => [c.version, c.kind]),
    ).toEqual([
      [2, "update"],
      [3, "correction"],
    ]);
  });

  it("enforces the two-person rule and a required comment when sending back", async () => {
    const created = await call("POST", "/articles", "reviewer", { title: "Second", markdown: ARTICLE });
    const claim = created.json.claims[0];
    const patched = await call("PATCH", `/claims/${claim.id}`, "reviewer", {
      version: claim.version,
      verdict: "accurate",
      rationale: "Checked.",
      status: "needs-review",
    });
    expect(patched.status).toBe(200);
    const own = await call("POST", `/claims/${claim.id}/approve`, "reviewer", {
      version: patched.json.version,
    });
    expect(own.status).toBe(403);
    expect(own.json.error).toMatch(/two-person/);
    const noComment = await call("POST", `/claims/${claim.id}/send-back`, "admin", { comment: "  " });
    expect(noComment.status).toBe(400);
    const sentBack = await call("POST", `/claims/${claim.id}/send-back`, "admin", {
      comment: "Cite the spec sheet.",
    });
    expect(sentBack.json).toMatchObject({ status: "researching", reviewNote: "Cite the spec sheet." });
  });

  it("detects an imported article's language and proposes its claims in it", async () => {
    const created = await call("POST", "/articles", "editor", {
      title: "Chipmeldung",
      markdown:
        "Der Umsatz stieg am 3. Oktober 2025 auf 1.299,50 Millionen Euro, sagte Vorstandschef Jonas Berger.",
    });
    expect(created.status).toBe(201);
    expect(created.json.language).toBe("de");
    expect(created.json.claims.map((c: { text: string }) => c.text)).toEqual([
      "Der Umsatz stieg am 3. Oktober 2025 auf 1.299,50 Millionen Euro, sagte Vorstandschef Jonas Berger.",
    ]);
  });
});

describe("who made a claim, when, and where else it appeared", () => {
  it("is recorded through PATCH, keeps the approval, and is published", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Attributed", markdown: ARTICLE });
    const claim = created.json.claims[0];
    expect(claim).toMatchObject({ claimant: null, claimantType: null, claimDate: null, appearances: [] });
    const judged = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: claim.version,
      verdict: "unsupported",
      rationale: "No benchmark.",
      status: "needs-review",
    });
    const approved = await call("POST", `/claims/${claim.id}/approve`, "reviewer");
    expect(approved.json.status).toBe("approved");

    const untyped = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: approved.json.version,
      claimant: "Acme",
    });
    expect(untyped.status).toBe(400);
    expect(untyped.json.error).toMatch(/person or an organisation/);
    const badUrl = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: approved.json.version,
      appearances: ["https://example.com/a", "javascript:alert(1)"],
    });
    expect(badUrl.status).toBe(400);
    const badDate = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: approved.json.version,
      claimDate: "last spring",
    });
    expect(badDate.status).toBe(400);

    const attributed = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: approved.json.version,
      claimant: "Acme",
      claimantType: "organization",
      claimDate: "2025-09-02",
      appearances: ["https://example.com/press-release"],
    });
    expect(attributed.status).toBe(200);
    expect(attributed.json).toMatchObject({
      claimant: "Acme",
      claimantType: "organization",
      claimDate: "2025-09-02",
      appearances: ["https://example.com/press-release"],
      // Attribution is not judgement: the approval stands, the version moves on.
      status: "approved",
      version: approved.json.version + 1,
      verdict: judged.json.verdict,
    });
    const audited = await db().auditEvent.findFirst({
      where: { entityType: "claim", entityId: claim.id, action: "attributed" },
    });
    expect(JSON.parse(audited!.after!)).toMatchObject({ claimant: "Acme", claimantType: "organization" });

    const published = await call("POST", `/articles/${created.json.id}/publish`, "reviewer", {});
    expect(published.status).toBe(201);
    const read = await call("GET", `/publications/${created.json.slug}`, "viewer");
    expect(read.json.claims[0]).toMatchObject({
      claimant: { name: "Acme", type: "organization" },
      claimDate: "2025-09-02",
      appearances: ["https://example.com/press-release"],
    });
  });
});

describe("partial updates", () => {
  it("changes only the fields sent: a status change keeps the verdict and rationale", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Partial", markdown: ARTICLE });
    const claim = created.json.claims[0];
    const judged = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: claim.version,
      verdict: "mixed",
      rationale: "Half of it holds.",
    });
    expect(judged.json).toMatchObject({
      verdict: "mixed",
      rationale: "Half of it holds.",
      status: "candidate",
    });
    const moved = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: judged.json.version,
      status: "needs-review",
    });
    expect(moved.json).toMatchObject({
      verdict: "mixed",
      rationale: "Half of it holds.",
      status: "needs-review",
    });
    const cleared = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: moved.json.version,
      verdict: null,
    });
    expect(cleared.json).toMatchObject({ verdict: null, rationale: "Half of it holds." });
  });

  it("saves a verdict and an assignment together or not at all", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Together", markdown: ARTICLE });
    const claim = created.json.claims[0];
    const viewer = await db().user.findUniqueOrThrow({ where: { email: "viewer@api.test" } });
    const refused = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: claim.version,
      verdict: "accurate",
      rationale: "Confirmed by the maker.",
      assigneeId: viewer.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/assigned to active editors/);
    const unchanged = await call("GET", `/claims/${claim.id}`, "editor");
    expect(unchanged.json).toMatchObject({
      verdict: null,
      rationale: "",
      version: claim.version,
      assigneeId: null,
    });

    const editor = await db().user.findUniqueOrThrow({ where: { email: "editor@api.test" } });
    const both = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: claim.version,
      verdict: "accurate",
      rationale: "Confirmed by the maker.",
      assigneeId: editor.id,
    });
    expect(both.json).toMatchObject({
      verdict: "accurate",
      assigneeId: editor.id,
      version: claim.version + 1,
    });
  });
});

describe("corrections through the API", () => {
  it("edits and removes evidence, changing only the fields sent", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Evidence edits", markdown: ARTICLE });
    const claim = created.json.claims[0];
    const added = await call("POST", `/claims/${claim.id}/evidence`, "editor", {
      url: "https://example.org/a",
      title: "First title",
      stance: "supports",
      note: "Keep me",
    });
    const evidenceId = added.json.evidence.id;
    const edited = await call("PATCH", `/evidence/${evidenceId}`, "editor", {
      stance: "refutes",
      publishedAt: "2025",
    });
    expect(edited.status).toBe(200);
    expect(edited.json.evidence).toMatchObject({
      url: "https://example.org/a",
      title: "First title",
      note: "Keep me",
      stance: "refutes",
      publishedAt: "2025",
    });
    const badUrl = await call("PATCH", `/evidence/${evidenceId}`, "editor", { url: "javascript:alert(1)" });
    expect(badUrl.status).toBe(400);
    const removed = await call("DELETE", `/evidence/${evidenceId}`, "editor");
    expect(removed.status).toBe(200);
    expect(removed.json.claim.evidence).toEqual([]);
    expect((await call("DELETE", `/evidence/${evidenceId}`, "editor")).status).toBe(404);
    expect((await call("DELETE", `/evidence/${evidenceId}`, "viewer")).status).toBe(403);
  });

  it("corrects an article's text, re-anchoring its claims, and refuses a stale version", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Revised", markdown: ARTICLE });
    const corrected = ARTICLE.replace("in 2026", "in early 2026");
    const revised = await call("PATCH", `/articles/${created.json.id}`, "editor", {
      version: created.json.version,
      markdown: corrected,
    });
    expect(revised.status).toBe(200);
    expect(revised.json.revision.orphaned).toBe(0);
    expect(revised.json.article.markdown).toBe(corrected);
    expect(revised.json.article.version).toBe(created.json.version + 1);
    const stale = await call("PATCH", `/articles/${created.json.id}`, "editor", {
      version: created.json.version,
      markdown: ARTICLE,
    });
    expect(stale.status).toBe(409);
    const empty = await call("PATCH", `/articles/${created.json.id}`, "editor", {
      version: revised.json.article.version,
      markdown: "  ",
    });
    expect(empty.status).toBe(400);
  });
});

describe("listing claims", () => {
  it("filters claims across articles like the desk, and refuses unknown filters", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Listing", markdown: ARTICLE });
    const [first] = created.json.claims;
    const me = await call("GET", "/me", "editor2");
    await call("PATCH", `/claims/${first.id}`, "editor", { version: first.version, assigneeId: me.json.id });
    const mine = await call("GET", "/claims?assignee=me&status=open", "editor2");
    expect(mine.status).toBe(200);
    expect(mine.json.claims.map((c: { id: number }) => c.id)).toEqual([first.id]);
    const ofArticle = await call("GET", `/claims?article=${created.json.id}`, "viewer");
    expect(ofArticle.json.total).toBe(created.json.claims.length);
    const typo = await call("GET", "/claims?stauts=open", "viewer");
    expect(typo.status).toBe(400);
    const badValue = await call("GET", "/claims?status=finished", "viewer");
    expect(badValue.status).toBe(400);
  });
});

describe("an article's claims, page by page", () => {
  // More claims than the largest page (200), so no single answer can hold them all.
  const MANY = Array.from(
    { length: 260 },
    (_, i) =>
      `Acme said its chip number ${i + 1} is ${10 + (i % 80)}% faster than Nvidia's H20, according to a company statement.`,
  ).join("\n\n");
  const ids = (json: Record<string, any>) => (json.claims as Array<{ id: number }>).map((c) => c.id);
  /** The API path of an absolute link the API gave. */
  const pathOf = (link: string) => {
    const url = new URL(link);
    return url.pathname.replace(/^\/api\/v1/, "") + url.search;
  };
  /** The article's claims, read as a client would: its first page, then each `next`. */
  async function followLinks(first: Record<string, any>) {
    const seen = ids(first);
    const pages = [first.claims.length];
    for (let next: string | null = first.claimsNext; next !== null;) {
      const page = await call("GET", pathOf(next), "viewer");
      expect(page.status, JSON.stringify(page.json)).toBe(200);
      expect(page.json.claimCount).toBe(first.claimCount);
      seen.push(...ids(page.json));
      pages.push(page.json.claims.length);
      next = page.json.next;
    }
    return { seen, pages };
  }
  let article: Record<string, any>;
  let readingOrder: number[];

  beforeAll(async () => {
    const created = await call("POST", "/articles", "editor", { title: "Many chips", markdown: MANY });
    expect(created.status).toBe(201);
    article = created.json;
    // A second claim on the same passage as the 50th: only their ids order them, across a page's edge.
    const fiftieth = await db().claim.findUniqueOrThrow({ where: { id: article.claims[49].id } });
    await db().claim.create({
      data: { articleId: article.id, start: fiftieth.start, end: fiftieth.end, quote: fiftieth.quote },
    });
    const stored = await db().claim.findMany({
      where: { articleId: article.id },
      orderBy: [{ start: "asc" }, { end: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    readingOrder = stored.map((c) => c.id);
    expect(readingOrder.length).toBeGreaterThan(250);
  });

  it("answers an import with its first 50 claims, their count and where the rest are", async () => {
    expect(article.claims).toHaveLength(50);
    expect(article.claimCount).toBe(readingOrder.length - 1);
    expect(article.claimsNext).toBe(`http://localhost:3000/api/v1/articles/${article.id}/claims?page=2`);
  });

  it("reads a bounded first page, and every claim exactly once, in reading order, by following the links", async () => {
    const fetched = await call("GET", `/articles/${article.id}`, "viewer");
    expect(fetched.status).toBe(200);
    expect(fetched.json.markdown).toBe(MANY);
    expect(fetched.json.claims).toHaveLength(50);
    expect(fetched.json.claimCount).toBe(readingOrder.length);
    const { seen, pages } = await followLinks(fetched.json);
    expect(seen).toEqual(readingOrder);
    expect(new Set(seen).size).toBe(readingOrder.length);
    expect(pages.slice(0, -1).every((n) => n === 50)).toBe(true);
    // The claims list's own first page is the article's claims, and knows no page before it.
    const list = await call("GET", `/articles/${article.id}/claims`, "viewer");
    expect(ids(list.json)).toEqual(ids(fetched.json));
    expect(list.json).toMatchObject({ page: 1, limit: 50, previous: null });
    expect(list.json.next).toBe(fetched.json.claimsNext);
    expect(list.json.claims[0]).toMatchObject({ articleId: article.id, status: "candidate" });
    expect(list.json.claims[0].quantities[0]).toMatchObject({ value: 10, unit: "%" });
  });

  it("holds up to 200 claims when asked, and its next link goes on from there", async () => {
    const fetched = await call("GET", `/articles/${article.id}?limit=200`, "viewer");
    expect(fetched.json.claims).toHaveLength(200);
    expect(fetched.json.claimsNext).toBe(
      `http://localhost:3000/api/v1/articles/${article.id}/claims?limit=200&page=2`,
    );
    const { seen, pages } = await followLinks(fetched.json);
    expect(seen).toEqual(readingOrder);
    expect(pages).toEqual([200, readingOrder.length - 200]);
    const last = await call("GET", pathOf(fetched.json.claimsNext), "viewer");
    expect(last.json.previous).toBe(
      `http://localhost:3000/api/v1/articles/${article.id}/claims?limit=200&page=1`,
    );
    expect(last.json.next).toBeNull();
    const past = await call("GET", `/articles/${article.id}/claims?page=99`, "viewer");
    expect(past.json).toMatchObject({ claims: [], next: null, claimCount: readingOrder.length });
  });

  it("says all the claims are there when they are", async () => {
    const small = await call("POST", "/articles", "editor", { title: "Few chips", markdown: ARTICLE });
    expect(small.json.claimCount).toBe(small.json.claims.length);
    expect(small.json.claimsNext).toBeNull();
    const revised = await call("PATCH", `/articles/${small.json.id}`, "editor", {
      version: small.json.version,
      markdown: ARTICLE.replace("in 2026", "in early 2026"),
    });
    expect(revised.json.article).toMatchObject({ claimCount: small.json.claimCount, claimsNext: null });
    const one = await call("GET", `/articles/${small.json.id}?limit=1`, "viewer");
    expect(one.json.claims).toHaveLength(1);
    expect(one.json.claimsNext).toContain(`/articles/${small.json.id}/claims?limit=1&page=2`);
  });

  it("refuses a page, a bad limit or an unknown parameter on the article, and an unknown article", async () => {
    for (const query of ["?page=2", "?limit=0", "?limit=201", "?limit=x", "?claims=all"]) {
      const answer = await call("GET", `/articles/${article.id}${query}`, "viewer");
      expect(answer.status, query).toBe(400);
      expect(answer.json.error, query).toMatch(/limit|Unknown query parameter/);
    }
    expect((await call("GET", `/articles/${article.id}?page=2`, "viewer")).json.error).toContain("/claims");
    expect((await call("GET", `/articles/${article.id}/claims?limit=201`, "viewer")).status).toBe(400);
    expect((await call("GET", "/articles/999999/claims", "viewer")).status).toBe(404);
    expect((await call("GET", `/articles/${article.id}/claims`, "educator")).status).toBe(403);
  });

  it("answers 304 to a page's tag while nothing was committed", async () => {
    for (const path of [`/articles/${article.id}?limit=10`, `/articles/${article.id}/claims?page=3`]) {
      let status = 0;
      // On PostgreSQL another test file's commit may come between the two requests: try again.
      for (let tries = 0; tries < 50 && status !== 304; tries++) {
        const first = await handleApi(
          new Request(`http://localhost/api/v1${path}`, {
            headers: { Authorization: `Bearer ${tokens.viewer}` },
          }),
        );
        expect(first.status).toBe(200);
        const again = await handleApi(
          new Request(`http://localhost/api/v1${path}`, {
            headers: {
              Authorization: `Bearer ${tokens.viewer}`,
              "If-None-Match": first.headers.get("ETag")!,
            },
          }),
        );
        status = again.status;
      }
      expect(status, path).toBe(304);
    }
  });
});

describe("polling with ETags", () => {
  const get = (path: string, as: string, ifNoneMatch?: string) =>
    handleApi(
      new Request(`http://localhost/api/v1${path}`, {
        headers: {
          Authorization: `Bearer ${tokens[as]}`,
          ...(ifNoneMatch ? { "If-None-Match": ifNoneMatch } : {}),
        },
      }),
    );

  it("answers 304 to a reader's tag until anything is committed, and never to another reader", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Polled", markdown: ARTICLE });
    const path = `/claims?article=${created.json.id}`;
    // PostgreSQL's counter is the cluster's: another test file's commit may come between two
    // requests, and changes every tag. So each request is sent with a tag the viewer was just
    // given, and tried again until that tag still holds after it: nothing was committed in
    // between (the counter never goes back), so its answer says what it was asked for.
    const quietly = async (request: (tag: string) => Promise<Response>) => {
      for (let tries = 0; tries < 50; tries++) {
        const first = await get(path, "viewer");
        const tag = first.headers.get("ETag")!;
        const answer = await request(tag);
        if ((await get(path, "viewer", tag)).status === 304) return { first, tag, answer };
      }
      throw new Error("Something else was committed during each of 50 tries.");
    };
    // Clients may send several tags; one of them is this answer's.
    const {
      first,
      tag,
      answer: unchanged,
    } = await quietly((tag) => get(path, "viewer", `W/"older", ${tag}`));
    expect(first.status).toBe(200);
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(first.headers.get("Cache-Control")).toBe("private, no-cache");
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("ETag")).toBe(tag);
    // The same address for another person, or another address, is another answer.
    expect((await quietly((tag) => get(path, "editor", tag))).answer.status).toBe(200);
    expect((await quietly((tag) => get(`${path}&page=1`, "viewer", tag))).answer.status).toBe(200);

    const [claim] = created.json.claims;
    await call("PATCH", `/claims/${claim.id}`, "editor", { version: claim.version, rationale: "Changed." });
    const changed = await get(path, "viewer", tag);
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(tag);
    const body = (await changed.json()) as { claims: { id: number; rationale: string }[] };
    expect(body.claims.find((c) => c.id === claim.id)?.rationale).toBe("Changed.");
  });

  it("keeps a poller's tag from one poll to the next five minutes later", async () => {
    // Reading a token wrote its last use once a minute, a commit that changed every tag.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      let answer: Response | undefined;
      for (let tries = 0; tries < 50 && answer?.status !== 304; tries++) {
        const first = Date.UTC(2030, 0, 1, 2 * tries, 10);
        vi.setSystemTime(first);
        const tag = (await get("/claims?status=open", "viewer")).headers.get("ETag")!;
        vi.setSystemTime(first + 5 * 60_000);
        answer = await get("/claims?status=open", "viewer", tag);
      }
      expect(answer!.status).toBe(304);
    } finally {
      vi.useRealTimers();
    }
  });

  it("tags no write and no refusal", async () => {
    const refused = await get("/claims?stauts=open", "viewer", "*");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("ETag")).toBeNull();
    expect((await get("/claims/999999", "viewer", "*")).status).toBe(404);
    expect((await get("/claims?status=open", "viewer", "*")).status).toBe(200);
    const created = await handleApi(
      new Request("http://localhost/api/v1/articles", {
        method: "POST",
        headers: {
          Authorization: `Bearer ${tokens.editor}`,
          "Content-Type": "application/json",
          "If-None-Match": "*",
        },
        body: JSON.stringify({ title: "Not polled", markdown: ARTICLE }),
      }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("ETag")).toBeNull();
  });
});

describe("other fact-checkers' reviews", () => {
  const claimReview = {
    "@type": "ClaimReview",
    url: "https://checks.example.org/api-review",
    claimReviewed: "Acme's chip is 40% faster than Nvidia's H20.",
    author: { name: "Example Checks" },
    reviewRating: { alternateName: "Unproven" },
  };

  it("imports ClaimReview JSON-LD with counts, updates on a second import, names what was skipped", async () => {
    const first = await call("POST", "/external-reviews", "editor", {
      claimReview: [claimReview, { "@type": "ClaimReview", claimReviewed: "No url" }],
    });
    expect(first).toEqual({
      status: 201,
      json: { imported: 1, updated: 0, skipped: 1, skippedReviews: [{ index: 1, reason: "It has no url." }] },
    });
    const again = await call("POST", "/external-reviews", "editor", { claimReview });
    expect(again.json).toMatchObject({ imported: 0, updated: 1, skipped: 0 });
    expect(await db().externalReview.count({ where: { url: claimReview.url } })).toBe(1);
    const found = await call("GET", "/search?q=acme%20faster&kind=external", "viewer");
    expect(found.json.results[0]).toMatchObject({
      kind: "external",
      url: claimReview.url,
      verdict: "Unproven",
    });
  });

  it("answers 400 with a sentence for anything it cannot read, 403 without edit", async () => {
    expect((await call("POST", "/external-reviews", "viewer", { claimReview })).status).toBe(403);
    for (const [payload, message] of [
      [{}, /Send either \{"url"/],
      [{ url: "https://x.example", claimReview }, /Send either \{"url"/],
      [{ claimReview: { "@type": "WebPage" } }, /no ClaimReview/],
      [{ claimReview: null }, /no ClaimReview/],
      [{ url: "javascript:alert(1)" }, /http or https/],
      [{ url: "http://127.0.0.1:1/" }, /Refused/],
      [{ url: 42 }, /url: Expected string/],
    ] as const) {
      const answer = await call("POST", "/external-reviews", "editor", payload);
      expect(answer.status, JSON.stringify(payload)).toBe(400);
      expect(answer.json.error, JSON.stringify(payload)).toMatch(message);
    }
  });
});

describe("API errors", () => {
  it("refuses a body of too many values or too deep before parsing it, with a sentence", async () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`k${i}`, 0]));
    const deep = JSON.parse("[".repeat(40) + "]".repeat(40));
    for (const payload of [manyKeys, { text: deep }]) {
      const answer = await call("POST", "/match", "viewer", payload);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toBe(
        "The request body holds more than 20,000 values or nests deeper than 32 levels. Nothing was saved.",
      );
    }
    // An article's text is one value, however long and however punctuated.
    const markdown = "Acme, Inc. said {x} [y], 40% faster. ".repeat(20_000);
    const created = await call("POST", "/articles", "editor", { title: "Punctuated", markdown });
    expect(created.status).toBe(201);
  });

  it("knows a record by one address only: 0x10 or 1e1 is no claim", async () => {
    for (const other of ["0x1", "1e0", "01", "2147483648"]) {
      const answer = await call("GET", `/claims/${other}`, "viewer");
      expect(answer.status, other).toBe(404);
      expect(answer.json.error, other).toBe(`There is no claim ${other}.`);
    }
    // Past the ids a table holds (PostgreSQL's integer), a filter is an unknown value, not a 500.
    for (const filter of ["article=2147483648", "assignee=99999999999"])
      expect((await call("GET", `/claims?${filter}`, "viewer")).status, filter).toBe(400);
  });

  it("refuses missing, wrong and revoked tokens with 401", async () => {
    expect((await call("GET", "/articles")).status).toBe(401);
    expect((await call("GET", "/articles", "cdk_not-a-real-token")).status).toBe(401);
    const user = await db().user.findUniqueOrThrow({ where: { email: "viewer@api.test" } });
    const { token, summary } = await createApiToken(user.id, "short-lived");
    expect((await call("GET", "/me", token)).status).toBe(200);
    await revokeApiToken(user.id, summary.id);
    expect((await call("GET", "/me", token)).status).toBe(401);
  });

  it("stops a deactivated user's tokens at once", async () => {
    const user = await createUser({
      email: "leaver@api.test",
      name: "Leaver",
      role: "editor",
      password: "a long password",
    });
    const { token } = await createApiToken(user.id, "laptop");
    expect((await call("GET", "/me", token)).status).toBe(200);
    await setActive(user.id, false, admin);
    expect((await call("GET", "/me", token)).status).toBe(401);
    expect(await listApiTokens(user.id)).toEqual([]);
  });

  it("answers 403 for roles without the permission", async () => {
    expect((await call("POST", "/articles", "viewer", { title: "x", markdown: "y" })).status).toBe(403);
    expect((await call("GET", "/articles", "educator")).status).toBe(403);
    expect((await call("POST", "/claims/1/approve", "editor")).status).toBe(403);
    expect((await call("POST", "/articles/1/publish", "editor", {})).status).toBe(403);
  });

  it("answers 400 with a message for malformed, misspelt and invalid bodies, and saves nothing", async () => {
    const before = await db().article.count();
    const malformed = await call("POST", "/articles", "editor", undefined, "{not json");
    expect(malformed).toEqual({ status: 400, json: { error: "The request body is not valid JSON." } });
    const misspelt = await call("POST", "/articles", "editor", {
      title: "T",
      markdown: "Some text here.",
      outlett: "typo",
    });
    expect(misspelt.status).toBe(400);
    expect(misspelt.json.error).toMatch(/outlett/);
    const empty = await call("POST", "/articles", "editor", { title: "", markdown: "" });
    expect(empty.status).toBe(400);
    expect(empty.json.error).toMatch(/title/);
    const huge = await call("POST", "/articles", "editor", {
      title: "Huge",
      markdown: "a".repeat(2 * 1024 * 1024 + 1),
    });
    expect(huge.status).toBe(400);
    expect(huge.json.error).toMatch(/2 MB/);
    expect(await db().article.count()).toBe(before);
    const impossibleDate = await call("POST", "/articles", "editor", {
      title: "Dated",
      markdown: "Some text here.",
      originalDate: "2023-02-30",
    });
    expect(impossibleDate.status).toBe(400);
    expect(impossibleDate.json.error).toMatch(/originalDate: 2023-02-30 is not a day of the calendar/);
    expect(await db().article.count()).toBe(before);
    const badVerdict = await call("PATCH", "/claims/1", "editor", { version: 1, verdict: "pants-on-fire" });
    expect(badVerdict.status).toBe(400);
    expect(badVerdict.json.error).toMatch(/verdict/);
  });

  it("takes a source's date as publishedOn, still accepts publishedAt, and refuses two different ones", async () => {
    const created = await call("POST", "/articles", "editor", { title: "Dated sources", markdown: ARTICLE });
    const claimId = created.json.claims[0].id;
    const named = await call("POST", `/claims/${claimId}/evidence`, "editor", {
      url: "https://example.org/a",
      stance: "supports",
      publishedOn: "2025-09-01",
    });
    expect(named.status).toBe(201);
    expect(named.json.evidence).toMatchObject({ publishedOn: "2025-09-01", publishedAt: "2025-09-01" });
    const older = await call("POST", `/claims/${claimId}/evidence`, "editor", {
      url: "https://example.org/b",
      stance: "supports",
      publishedAt: "2024",
    });
    expect(older.json.evidence.publishedOn).toBe("2024");
    const patched = await call("PATCH", `/evidence/${older.json.evidence.id}`, "editor", {
      publishedOn: "2024-02-29",
    });
    expect(patched.json.evidence.publishedOn).toBe("2024-02-29");
    const both = await call("POST", `/claims/${claimId}/evidence`, "editor", {
      url: "https://example.org/c",
      stance: "supports",
      publishedOn: "2024",
      publishedAt: "2023",
    });
    expect(both.status).toBe(400);
    expect(both.json.error).toMatch(/publishedOn/);
    const impossible = await call("PATCH", `/evidence/${older.json.evidence.id}`, "editor", {
      publishedOn: "2023-02-29",
    });
    expect(impossible.status).toBe(400);
    expect(impossible.json.error).toMatch(/not a day of the calendar/);
  });

  it("answers 404 and 405 as JSON", async () => {
    expect((await call("GET", "/claims/999999", "viewer")).status).toBe(404);
    expect((await call("GET", "/claims/abc", "viewer")).status).toBe(404);
    expect((await call("GET", "/nothing-here", "viewer")).status).toBe(404);
    const wrongMethod = await call("DELETE", "/articles", "admin");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error).toMatch(/GET, POST/);
  });
});

describe("queues and comments through the API", () => {
  it("routes a verdict to a reviewer, back to its editor, and a claim to the person a comment mentions", async () => {
    const { deskCounts } = await import("../newsroom/desk.server");
    const ids = (json: Record<string, any>) => (json.claims as Array<{ id: number }>).map((c) => c.id);
    const created = await call("POST", "/articles", "editor", { title: "Queue news", markdown: ARTICLE });
    const claim = created.json.claims[0];
    const reviewer = (await call("GET", "/me", "reviewer")).json;
    const editor = (await call("GET", "/me", "editor")).json;
    const written = await call("PATCH", `/claims/${claim.id}`, "editor", {
      version: claim.version,
      verdict: "misleading",
      rationale: "Acme's own test only.",
      status: "needs-review",
    });
    expect(ids((await call("GET", "/claims?queue=review&limit=200", "reviewer")).json)).toContain(claim.id);
    expect(ids((await call("GET", "/claims?queue=review&limit=200", "editor")).json)).not.toContain(claim.id);
    const reviewerCounts = await deskCounts(reviewer.id);
    expect(reviewerCounts.toReview).toBeGreaterThan(0);

    const mineBefore = (await deskCounts(editor.id)).mine;
    await call("POST", `/claims/${claim.id}/send-back`, "reviewer", {
      version: written.json.version,
      comment: "Which test?",
    });
    expect(ids((await call("GET", "/claims?queue=mine&status=open", "editor")).json)).toContain(claim.id);
    expect((await deskCounts(editor.id)).mine).toBe(mineBefore + 1);

    const posted = await call("POST", `/claims/${claim.id}/comments`, "editor", {
      body: "@reviewer, the test is in the footnote. @nobody",
    });
    expect(posted.status).toBe(201);
    expect(posted.json.comment.mentions).toEqual([{ id: reviewer.id, name: reviewer.name }]);
    expect(posted.json.unresolvedMentions).toEqual([{ handle: "nobody", matches: 0 }]);
    expect(ids((await call("GET", "/claims?queue=mentions", "reviewer")).json)).toEqual([claim.id]);
    expect((await deskCounts(reviewer.id)).mentions).toBe(1);
    const thread = await call("GET", `/claims/${claim.id}/comments`, "viewer");
    expect(thread.json.comments.map((c: { body: string }) => c.body)).toEqual([
      "@reviewer, the test is in the footnote. @nobody",
    ]);
    expect((await call("POST", `/claims/${claim.id}/comments`, "viewer", { body: "Hi" })).status).toBe(403);
  });
});
