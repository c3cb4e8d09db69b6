import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";
import { PORT } from "../playwright.config";
import { claimsOfArticle, createToken, createUser, PASSWORD } from "./helpers";

// The permission matrix: every page, form action and API operation, for anonymous visitors and
// each role, over HTTP against the real server. Expectations are written out, not derived from
// app/auth/roles.ts, so a change to the rules has to change this table too.

const BASE = `http://localhost:${PORT}`;
const ROLES = ["viewer", "educator", "editor", "reviewer", "admin"] as const;
type Who = "anonymous" | (typeof ROLES)[number];
const EVERYONE: Who[] = ["anonymous", ...ROLES];
const SIGNED_IN: Who[] = [...ROLES];
const DESK: Who[] = ["viewer", "editor", "reviewer", "admin"];
const EDITORS: Who[] = ["editor", "reviewer", "admin"];
const REVIEWERS: Who[] = ["reviewer", "admin"];
const TEACHERS: Who[] = ["educator", "editor", "reviewer", "admin"];
const ADMINS: Who[] = ["admin"];
// The matrix's exercise is the educator's; they added the editor as co-teacher. The reviewer can
// teach too, but not this class: exercises belong to their teachers, and admins see all.
const EXERCISE_TEAM: Who[] = ["educator", "editor", "admin"];

const clients = new Map<Who, APIRequestContext>();
const tokens = new Map<Who, string>();
let ids: {
  article: number;
  approvedClaim: number;
  candidateClaim: number;
  draftArticle: number;
  draftSlug: string;
  draftClaim: number;
  exercise: number;
};

async function client(who: Who): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: BASE, extraHTTPHeaders: { Origin: BASE } });
  if (who !== "anonymous") {
    const email = `${who}@matrix.test`;
    createUser(email, `Matrix ${who}`, who);
    const response = await context.post("/login", {
      form: { email, password: PASSWORD, next: "/" },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in as ${who}`).toBe(302);
    tokens.set(who, createToken(email));
  }
  return context;
}

test.beforeAll(async () => {
  for (const who of EVERYONE) clients.set(who, await client(who));
  const api = (path: string, init?: { method?: string; data?: unknown }) =>
    clients.get("admin")!.fetch(`/api/v1${path}`, {
      method: init?.method ?? "GET",
      data: init?.data,
      headers: { Authorization: `Bearer ${tokens.get("admin")}` },
    });
  const seed = await (await api("/articles/1")).json();
  const seedClaims = await claimsOfArticle(BASE, tokens.get("admin")!, seed.id);
  const draft = await (
    await api("/articles", {
      method: "POST",
      data: {
        title: "Confidential draft",
        markdown:
          "Zebra Systems will announce 7 secret chips at its March event, according to an internal memo.",
      },
    })
  ).json();
  ids = {
    article: seed.id,
    approvedClaim: seedClaims.find((c: { status: string }) => c.status === "approved").id,
    candidateClaim: seedClaims.find((c: { status: string }) => c.status === "candidate").id,
    draftArticle: draft.id,
    draftSlug: draft.slug,
    draftClaim: draft.claims[0].id,
    exercise: 0,
  };
  const exercise = await clients.get("educator")!.post("/exercises/new?slug=alibaba-ai-chip", {
    form: {
      slug: "alibaba-ai-chip",
      title: "Matrix exercise",
      mode: "marked",
      claimIds: String(ids.approvedClaim),
    },
    maxRedirects: 0,
  });
  ids.exercise = Number(/\/exercises\/(\d+)/.exec(exercise.headers().location ?? "")?.[1]);
  expect(ids.exercise, "exercise made for the matrix").toBeGreaterThan(0);
  const coTeacher = await clients.get("educator")!.post(`/exercises/${ids.exercise}`, {
    form: { intent: "add-teacher", email: "editor@matrix.test" },
    maxRedirects: 0,
  });
  expect(coTeacher.headers().location, "editor added as co-teacher").toContain("done=teacher-added");
});

test.afterAll(async () => {
  for (const c of clients.values()) await c.dispose();
});

/** "allowed", or how the refusal looked: a redirect to sign in, or 403. */
function outcome(
  status: number,
  location: string | undefined,
): "allowed" | "sign-in" | "forbidden" | `status ${number}` {
  if ((status === 302 || status === 303) && location?.startsWith("/login")) return "sign-in";
  if (status === 403) return "forbidden";
  if (status === 401) return "sign-in";
  return status < 500 ? "allowed" : `status ${status}`;
}

const refusal = (who: Who) => (who === "anonymous" ? "sign-in" : "forbidden");

interface PageCase {
  path: () => string;
  allowed: Who[];
}

const PAGES: Record<string, PageCase> = {
  "published fact-checks": { path: () => "/fact-checks", allowed: EVERYONE },
  "a published fact-check": { path: () => "/fact-checks/alibaba-ai-chip", allowed: EVERYONE },
  methodology: { path: () => "/methodology", allowed: EVERYONE },
  "API guide": { path: () => "/docs/api", allowed: EVERYONE },
  "Atom feed": { path: () => "/fact-checks.atom", allowed: EVERYONE },
  "a published version": { path: () => "/fact-checks/alibaba-ai-chip/v/1", allowed: EVERYONE },
  "JSON export": { path: () => "/fact-checks/alibaba-ai-chip/export.json", allowed: EVERYONE },
  "Web Annotations": { path: () => "/fact-checks/alibaba-ai-chip/annotations.jsonld", allowed: EVERYONE },
  "an embedded claim card": { path: () => `/embed/claims/${ids.approvedClaim}`, allowed: EVERYONE },
  "the student entry page": { path: () => "/x", allowed: EVERYONE },
  workbench: { path: () => "/articles", allowed: DESK },
  "an article": { path: () => `/articles/${ids.article}`, allowed: DESK },
  "an article's history": { path: () => `/articles/${ids.article}/history`, allowed: DESK },
  "a claim": { path: () => `/articles/${ids.article}/claims/${ids.candidateClaim}`, allowed: DESK },
  "the desk": { path: () => "/desk", allowed: DESK },
  "workspace search": { path: () => "/search?q=Zebra", allowed: DESK },
  "readers' search": { path: () => "/fact-checks?q=Alibaba", allowed: EVERYONE },
  "other fact-checkers' reviews": { path: () => "/reviews", allowed: DESK },
  "import form": { path: () => "/articles/new", allowed: EDITORS },
  "article edit": { path: () => `/articles/${ids.article}/edit`, allowed: EDITORS },
  classroom: { path: () => "/exercises", allowed: TEACHERS },
  "an exercise's results": { path: () => `/exercises/${ids.exercise}`, allowed: EXERCISE_TEAM },
  "an exercise's CSV": { path: () => `/exercises/${ids.exercise}/results.csv`, allowed: EXERCISE_TEAM },
  "an exercise's CSV per student": {
    path: () => `/exercises/${ids.exercise}/students.csv`,
    allowed: EXERCISE_TEAM,
  },
  "new exercise": { path: () => "/exercises/new?slug=alibaba-ai-chip", allowed: TEACHERS },
  "new exercise from an own article": { path: () => "/exercises/own", allowed: TEACHERS },
  settings: { path: () => "/settings", allowed: SIGNED_IN },
  "user administration": { path: () => "/settings/users", allowed: ADMINS },
};

// Each form is sent with input that fails validation: allowed roles get 400 and nothing changes.
const ACTIONS: Record<string, PageCase & { form: Record<string, string> }> = {
  "import an article": { path: () => "/articles/new", form: { title: "" }, allowed: EDITORS },
  "add a claim": {
    path: () => `/articles/${ids.article}`,
    form: { intent: "add-claim", quote: "" },
    allowed: EDITORS,
  },
  publish: {
    path: () => `/articles/${ids.article}`,
    form: { intent: "publish", articleVersion: "x" },
    allowed: REVIEWERS,
  },
  "revise an article": {
    path: () => `/articles/${ids.article}/edit`,
    form: { markdown: "", version: "x" },
    allowed: EDITORS,
  },
  "save a verdict": {
    path: () => `/articles/${ids.article}/claims/${ids.candidateClaim}`,
    form: { intent: "review", version: "x" },
    allowed: EDITORS,
  },
  approve: {
    path: () => `/articles/${ids.article}/claims/${ids.candidateClaim}`,
    form: { intent: "approve", version: "x" },
    allowed: REVIEWERS,
  },
  "send back": {
    path: () => `/articles/${ids.article}/claims/${ids.candidateClaim}`,
    form: { intent: "send-back", version: "x", comment: "" },
    allowed: REVIEWERS,
  },
  "import other fact-checkers' reviews": {
    path: () => "/reviews",
    form: { url: "", json: "" },
    allowed: EDITORS,
  },
  "assign on the desk": { path: () => "/desk", form: { claimId: "1", assigneeId: "abc" }, allowed: EDITORS },
  "triage claims in bulk on the desk": { path: () => "/desk", form: { intent: "bulk" }, allowed: EDITORS },
  "comment on a claim": {
    path: () => `/articles/${ids.article}/claims/${ids.candidateClaim}`,
    form: { intent: "comment", body: "" },
    allowed: EDITORS,
  },
  "manage an exercise": {
    path: () => `/exercises/${ids.exercise}`,
    form: { intent: "delete-answers" },
    allowed: EXERCISE_TEAM,
  },
  "add a co-teacher": {
    path: () => `/exercises/${ids.exercise}`,
    form: { intent: "add-teacher", email: "" },
    allowed: EXERCISE_TEAM,
  },
  "make an exercise": {
    path: () => "/exercises/new?slug=alibaba-ai-chip",
    form: { slug: "alibaba-ai-chip", title: "" },
    allowed: TEACHERS,
  },
  "make an exercise from an own article": {
    path: () => "/exercises/own",
    form: { intent: "read", articleTitle: "", text: "" },
    allowed: TEACHERS,
  },
  "make an API token": {
    path: () => "/settings",
    form: { intent: "create-token", name: "" },
    allowed: SIGNED_IN,
  },
  "invite a user": {
    path: () => "/settings/users",
    form: { intent: "invite", email: "not an address" },
    allowed: ADMINS,
  },
};

// API operations with invalid bodies where they write: allowed roles get 200 (reads) or 400.
const API: Record<
  string,
  { method: string; path: () => string; data?: unknown; allowed: Who[]; allowedStatus?: number }
> = {
  "GET /me": { method: "GET", path: () => "/me", allowed: SIGNED_IN },
  "GET /publications": { method: "GET", path: () => "/publications", allowed: SIGNED_IN },
  "GET /publications/:slug": {
    method: "GET",
    path: () => "/publications/alibaba-ai-chip",
    allowed: SIGNED_IN,
  },
  "GET /articles": { method: "GET", path: () => "/articles", allowed: DESK },
  "GET /articles/:id": { method: "GET", path: () => `/articles/${ids.article}`, allowed: DESK },
  "GET /articles/:id/claims": { method: "GET", path: () => `/articles/${ids.article}/claims`, allowed: DESK },
  "GET /claims": { method: "GET", path: () => "/claims?status=open", allowed: DESK },
  "GET /search": { method: "GET", path: () => "/search?q=chip&kind=claim", allowed: DESK },
  "GET /claims/:id/matches": {
    method: "GET",
    path: () => `/claims/${ids.candidateClaim}/matches`,
    allowed: DESK,
  },
  "POST /match": {
    method: "POST",
    path: () => "/match",
    data: { text: "Alibaba's chip delivers 12 TOPS" },
    allowed: DESK,
    allowedStatus: 200,
  },
  "GET /claims/:id": { method: "GET", path: () => `/claims/${ids.candidateClaim}`, allowed: DESK },
  "POST /articles": { method: "POST", path: () => "/articles", data: { title: "" }, allowed: EDITORS },
  "POST /external-reviews": {
    method: "POST",
    path: () => "/external-reviews",
    data: { claimReview: { "@type": "WebPage" } },
    allowed: EDITORS,
  },
  "PATCH /claims/:id": {
    method: "PATCH",
    path: () => `/claims/${ids.candidateClaim}`,
    data: { verdict: "true" },
    allowed: EDITORS,
  },
  "GET /claims/:id/comments": {
    method: "GET",
    path: () => `/claims/${ids.candidateClaim}/comments`,
    allowed: DESK,
  },
  "POST /claims/:id/comments": {
    method: "POST",
    path: () => `/claims/${ids.candidateClaim}/comments`,
    data: { body: "" },
    allowed: EDITORS,
  },
  "POST /claims/:id/evidence": {
    method: "POST",
    path: () => `/claims/${ids.candidateClaim}/evidence`,
    data: { url: "javascript:alert(1)" },
    allowed: EDITORS,
  },
  "PATCH /articles/:id": {
    method: "PATCH",
    path: () => `/articles/${ids.article}`,
    data: { version: 1, markdown: "" },
    allowed: EDITORS,
  },
  "PATCH /evidence/:id": {
    method: "PATCH",
    path: () => "/evidence/1",
    data: { stance: "maybe" },
    allowed: EDITORS,
  },
  "DELETE /evidence/:id": {
    method: "DELETE",
    path: () => "/evidence/999999",
    allowed: EDITORS,
    allowedStatus: 404,
  },
  "POST /claims/:id/approve": {
    method: "POST",
    path: () => `/claims/${ids.candidateClaim}/approve`,
    data: { version: "x" },
    allowed: REVIEWERS,
  },
  "POST /claims/:id/send-back": {
    method: "POST",
    path: () => `/claims/${ids.candidateClaim}/send-back`,
    data: { comment: "" },
    allowed: REVIEWERS,
  },
  "POST /articles/:id/publish": {
    method: "POST",
    path: () => `/articles/${ids.article}/publish`,
    data: { note: 5 },
    allowed: REVIEWERS,
  },
};

test.describe("permission matrix", () => {
  for (const [name, page] of Object.entries(PAGES)) {
    test(`page: ${name}`, async () => {
      for (const who of EVERYONE) {
        const response = await clients.get(who)!.get(page.path(), { maxRedirects: 0 });
        const expected = page.allowed.includes(who) ? "allowed" : refusal(who);
        expect(outcome(response.status(), response.headers().location), `${who} GET ${page.path()}`).toBe(
          expected,
        );
        if (expected === "allowed") expect(response.status(), `${who} GET ${page.path()}`).toBe(200);
      }
    });
  }

  for (const [name, action] of Object.entries(ACTIONS)) {
    test(`form: ${name}`, async () => {
      for (const who of EVERYONE) {
        const response = await clients.get(who)!.post(action.path(), { form: action.form, maxRedirects: 0 });
        const expected = action.allowed.includes(who) ? "allowed" : refusal(who);
        expect(outcome(response.status(), response.headers().location), `${who} POST ${action.path()}`).toBe(
          expected,
        );
        if (expected === "allowed")
          expect(response.status(), `${who} POST ${action.path()} with invalid input`).toBe(400);
      }
    });
  }

  for (const [name, op] of Object.entries(API)) {
    test(`API: ${name}`, async () => {
      for (const who of EVERYONE) {
        const headers: Record<string, string> =
          who === "anonymous" ? {} : { Authorization: `Bearer ${tokens.get(who)}` };
        const response = await clients
          .get(who)!
          .fetch(`/api/v1${op.path()}`, { method: op.method, data: op.data, headers });
        const status = response.status();
        if (!op.allowed.includes(who)) expect(status, `${who} ${name}`).toBe(who === "anonymous" ? 401 : 403);
        else expect(status, `${who} ${name}`).toBe(op.allowedStatus ?? (op.method === "GET" ? 200 : 400));
        expect(response.headers()["content-type"]).toContain("application/json");
      }
    });
  }
});

test.describe("drafts never reach anonymous readers", () => {
  test("not by page, export, feed, embed, API or guessable URL", async () => {
    const anonymous = clients.get("anonymous")!;
    const addresses = [
      `/fact-checks/${ids.draftSlug}`,
      `/fact-checks/${ids.draftSlug}/v/1`,
      `/fact-checks/${ids.draftSlug}/export.json`,
      `/fact-checks/${ids.draftSlug}/export.md`,
      `/fact-checks/${ids.draftSlug}/annotations.jsonld`,
      `/embed/claims/${ids.draftClaim}`,
      `/embed/claims/${ids.candidateClaim}`,
      `/articles/${ids.draftArticle}`,
      `/articles/${ids.draftArticle}/history`,
      `/articles/${ids.draftArticle}/claims/${ids.draftClaim}`,
      `/api/v1/articles/${ids.draftArticle}`,
      `/api/v1/articles/${ids.draftArticle}/claims`,
      `/api/v1/claims/${ids.draftClaim}`,
      `/api/v1/publications/${ids.draftSlug}`,
      "/fact-checks",
      "/fact-checks.atom",
      "/desk?status=any&assignee=any",
      "/search?q=Zebra",
      "/fact-checks?q=Zebra",
      "/fact-checks?q=Confidential",
      "/api/v1/search?q=Zebra",
    ];
    for (const address of addresses) {
      const response = await anonymous.get(address, { maxRedirects: 0 });
      expect([200, 302, 401, 404], address).toContain(response.status());
      const body = await response.text();
      expect(body, address).not.toContain("Zebra Systems");
      expect(body, address).not.toContain("Confidential draft");
    }
    // With a token the API does show the draft, so the absence above is the rule working.
    const desk = await clients.get("viewer")!.get(`/api/v1/articles/${ids.draftArticle}`, {
      headers: { Authorization: `Bearer ${tokens.get("viewer")}` },
    });
    expect(await desk.text()).toContain("Zebra Systems");
    // The workspace search finds the draft for the desk; readers' search never does.
    const found = await clients.get("viewer")!.get("/search?q=Zebra");
    expect(await found.text()).toContain("Zebra");
    const searched = await clients.get("viewer")!.get("/api/v1/search?q=Zebra&kind=article", {
      headers: { Authorization: `Bearer ${tokens.get("viewer")}` },
    });
    expect((await searched.json()).total).toBeGreaterThan(0);
  });
});

test.describe("cross-site requests", () => {
  test("a state-changing form post with a foreign or missing Origin is refused and changes nothing", async () => {
    const editorCookies = await clients.get("editor")!.storageState();
    for (const origin of ["https://evil.example", null]) {
      const context = await playwrightRequest.newContext({
        baseURL: BASE,
        storageState: editorCookies,
        extraHTTPHeaders: origin ? { Origin: origin } : {},
      });
      const response = await context.post("/articles/new", {
        form: { title: "Forged", source: "Forged article text with 5 claims." },
        maxRedirects: 0,
      });
      expect(response.status(), `Origin ${origin}`).toBe(403);
      expect(await response.text()).toContain("another site");
      await context.dispose();
    }
    const list = await clients
      .get("admin")!
      .get("/api/v1/articles", { headers: { Authorization: `Bearer ${tokens.get("admin")}` } });
    expect(await list.text()).not.toContain("Forged");
  });

  test("an oversized API body is refused with 413 and a JSON message, before it is read", async () => {
    const response = await clients.get("editor")!.post("/api/v1/articles", {
      headers: { Authorization: `Bearer ${tokens.get("editor")}`, "Content-Type": "application/json" },
      data: JSON.stringify({ title: "Huge", markdown: "a".repeat(9 * 1024 * 1024) }),
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error).toMatch(/too large/);
  });

  test("a body of undeclared length (chunked) is refused with 411 before it is read", async () => {
    const { request } = await import("node:http");
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${BASE}/api/v1/articles`,
        {
          method: "POST",
          headers: {
            Authorization: `Bearer ${tokens.get("editor")}`,
            "Content-Type": "application/json",
            "Transfer-Encoding": "chunked",
          },
        },
        (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.write('{"title": "Endless", "markdown": "');
      req.end('aaaa"}');
    });
    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body).error).toMatch(/Content-Length/);
  });

  test("the API ignores the session cookie: only a token authenticates it", async () => {
    const response = await clients.get("admin")!.get("/api/v1/me");
    expect(response.status()).toBe(401);
  });
});

test.describe("content security policy", () => {
  test("pages send a CSP without unsafe-inline, and the app still hydrates with no violation", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { violations: string[] }).violations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });
    await signIn(page, "editor@matrix.test");
    for (const path of [
      "/articles",
      `/articles/${ids.article}`,
      `/articles/${ids.article}/claims/${ids.candidateClaim}`,
      "/desk",
      "/settings",
      "/fact-checks/alibaba-ai-chip",
    ]) {
      const response = await page.goto(path);
      const csp = response!.headers()["content-security-policy"] ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toContain("unsafe-inline");
      expect(
        await page.evaluate(() => (window as unknown as { violations: string[] }).violations),
        path,
      ).toEqual([]);
    }
    // Hydrated: a client-side navigation keeps the same document (the marker survives).
    await page.goto("/desk", { waitUntil: "networkidle" });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByRole("link", { name: /^Unassigned/ }).click();
    await expect(page).toHaveURL(/assignee=none/);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });
});
