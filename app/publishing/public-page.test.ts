import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";
import { routeArgs } from "../routes/testing.server";

// What a reader sees of a fact-check two people made, on a real SQLite file: the public page,
// its Markdown export and its embed cards, version 1 and a corrected version 2.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { importArticle } = await import("../newsroom/articles.server");
const { reviewClaim } = await import("../newsroom/claims.server");
const { approveClaim } = await import("../newsroom/approval.server");
const { publishArticle } = await import("./publish.server");
const { publishedPage, loadPublication, publishedEmbed, findPublishedClaim } =
  await import("./publications.server");
const { renderClaimCard, rationaleSummary } = await import("./embed.server");
const { renderFactCheckPage } = await import("./page.server");
const { exportFormat } = await import("./formats.server");

const ARTICLE =
  "# Chipmaker results\n\nAcme Corp. said revenue rose 12% to $4.2 billion in 2025.\n\nShares of Acme fell 3%, while Rival Inc. gained 5% on Friday.";

let editor: CurrentUser;
let reviewer: CurrentUser;
let articleId: number;

async function person(name: string, role: "editor" | "reviewer"): Promise<CurrentUser> {
  const email = `${name.split(" ")[0]!.toLowerCase()}@page.test`;
  const user = await createUser({ email, name, role, password: "a long password" });
  return { ...user, role };
}

async function checkAndApprove(claimId: number, verdict: "accurate" | "mostly-accurate", rationale: string) {
  const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
  const reviewed = await reviewClaim(
    claimId,
    { version: claim.version, verdict, rationale, status: "needs-review" },
    editor,
  );
  await approveClaim(claimId, reviewed.version, reviewer);
}

const markdownExport = async () =>
  exportFormat("export.md")!.render((await loadPublication("chipmaker-results"))!);

beforeAll(async () => {
  editor = await person("Edith Editor", "editor");
  reviewer = await person("Rui Reviewer", "reviewer");
  const article = await importArticle(
    {
      title: "Chipmaker results",
      outlet: "Test Wire",
      author: "",
      sourceUrl: "",
      originalDate: "2026-11-27",
      format: "markdown",
      source: ARTICLE,
    },
    editor.id,
  );
  articleId = article.id;
  const [first, second] = await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
  await checkAndApprove(first!.id, "accurate", "The **annual report** says so.");
  await checkAndApprove(second!.id, "mostly-accurate", "It fell 3.1%, rounded down.");
  const { version } = await db().article.findUniqueOrThrow({ where: { id: articleId } });
  await publishArticle(articleId, { articleVersion: version, changeNote: FIRST_NOTE }, reviewer);
});

/** Version 1's optional note, with characters that must reach readers as text. */
const FIRST_NOTE = "Checked with the <b>annual report</b> & the filing.";
const FIRST_NOTE_HTML = "Checked with the &lt;b&gt;annual report&lt;/b&gt; &amp; the filing.";

describe("the dates at the head of the page", () => {
  it("tell the article's publication from the fact-check's, and show version 1's note", async () => {
    const page = (await publishedPage("chipmaker-results"))!.body;
    expect(page).toContain("Article in Test Wire, published 27 November 2026");
    expect(page).toMatch(/Reviewed by Rui Reviewer\. Fact-check version 1, published \d+ \w+ 20\d\d\./);
    expect(page).not.toMatch(/[^,] published 27 November/);
    expect(page).toContain(`<span class="version-note"> Note: ${FIRST_NOTE_HTML}</span>`);
    // export.md of version 1 says it beside its version line too.
    expect(await markdownExport()).toMatch(
      /published \d{4}-\d\d-\d\d\. \d+ claims checked\. Online: <[^>]+>\n\nNote: Checked with the \\<b\\>annual report\\<\/b\\> & the filing\.\n/,
    );
  });
});

describe("the credit", () => {
  it("names the editor who researched and the reviewer who approved, on the page and in export.md", async () => {
    const page = (await publishedPage("chipmaker-results"))!.body;
    expect(page).toContain("Checked by Edith Editor · Reviewed by Rui Reviewer");
    const markdown = await markdownExport();
    expect(markdown).toContain("Checked by Edith Editor · Reviewed by Rui Reviewer");
    expect(markdown).not.toMatch(/Checked by Claimdesk/);
  });
});

describe("a corrected fact-check", () => {
  it("says so at the top of version 2, before the headline, and version 1 has no such banner", async () => {
    const first = (await publishedPage("chipmaker-results"))!.body;
    expect(first).not.toContain('class="correction-banner"');
    // Something readers see changed (set directly: the workflow has its own tests).
    await db().article.update({ where: { id: articleId }, data: { author: "Tess Writer" } });
    const { version } = await db().article.findUniqueOrThrow({ where: { id: articleId } });
    await publishArticle(
      articleId,
      { articleVersion: version, changeNote: "The share fall was 3.1%, not 3%.", changeKind: "correction" },
      reviewer,
    );
    const latest = (await publishedPage("chipmaker-results"))!.body;
    const banner = latest.indexOf('class="correction-banner"');
    expect(banner).toBeGreaterThan(-1);
    expect(banner).toBeLessThan(latest.indexOf("<h1>"));
    expect(latest.slice(banner, latest.indexOf("<h1>"))).toMatch(
      /Corrected.*The share fall was 3\.1%, not 3%\..*href="#corrections-heading"/s,
    );
    const archived = (await publishedPage("chipmaker-results", 2))!.body;
    expect(archived.indexOf('class="correction-banner"')).toBeLessThan(archived.indexOf("<h1>"));
  });

  it("lists version 1 with its note among the versions, in the feed and in export.json", async () => {
    const latest = (await publishedPage("chipmaker-results"))!.body;
    // Version 2's own head has no note of its own: the banner shows its change note.
    expect(latest).not.toContain('class="version-note"');
    expect(latest).toMatch(
      new RegExp(`>Version 1</a>, first published \\d+ \\w+ 20\\d\\d: ${FIRST_NOTE_HTML}</li>`),
    );
    const { recentFeedEntries } = await import("./feed.server");
    const { atomFeed } = await import("./feed");
    const feed = atomFeed(await recentFeedEntries(), { baseUrl: "https://checks.example", name: "Desk" });
    expect(feed).toMatch(/<summary>Checked with the &lt;b&gt;annual report&lt;\/b&gt; &amp; the filing\. /);
    const json = JSON.parse(
      exportFormat("export.json")!.render((await loadPublication("chipmaker-results"))!),
    );
    expect(json.firstPublished).toMatchObject({ note: FIRST_NOTE, url: expect.stringMatching(/\/v\/1$/) });
    expect(json.corrections).toHaveLength(1);
    expect(await markdownExport()).toMatch(
      /\n- Version 1, first published \d{4}-\d\d-\d\d: Checked with the \\<b\\>annual report\\<\/b\\> & the filing\.\n/,
    );
  });
});

describe("embedding a claim", () => {
  it("offers the code on the public page and the claim page, by the claim's global id", async () => {
    const page = (await publishedPage("chipmaker-results"))!.body;
    const [first] = await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    expect(page).toContain(`<a href="/embed/claims/${first!.id}/code">Embed this claim</a>`);
    const { loader } = await import("../routes/embed.code");
    const codePage = await loader(routeArgs(new Request("http://x/"), { id: String(first!.id) }));
    expect(codePage.code).toMatch(
      new RegExp(
        `^<iframe src="http://localhost:\\d+/embed/claims/${first!.id}" title="Fact-check of claim 1: Accurate"`,
      ),
    );
    expect(codePage).toMatchObject({ number: 1, title: "Chipmaker results" });
    expect((await publishedEmbed(articleId, first!.id))?.code).toMatch(`/embed/claims/${first!.id}"`);
    const candidate = await db().claim.findFirstOrThrow({ where: { articleId, status: "candidate" } });
    expect(await publishedEmbed(articleId, candidate.id)).toBeNull();
  });

  it("fits its iframe: the card tells its height, the code believes only its own card", async () => {
    const { createHash } = await import("node:crypto");
    const { CARD_CSP } = await import("./embed.server");
    const { embedCode, EMBED_HEIGHT } = await import("./links");
    const [first] = await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    const found = (await findPublishedClaim(first!.id))!;
    const card = renderClaimCard(found.snapshot, found.claim, {
      baseUrl: "https://checks.example",
      name: "Desk",
    });
    // One inline script, allowed by its hash: the same bytes for every request and in the static export.
    const scripts = [...card.matchAll(/<script>(.*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain("parent.postMessage({claimdeskCardHeight:");
    const hash = createHash("sha256").update(scripts[0]!).digest("base64");
    expect(CARD_CSP).toContain(`script-src 'sha256-${hash}'`);
    expect(CARD_CSP).toContain("frame-ancestors *");
    const code = embedCode("https://checks.example/base", 7, "Card");
    expect(code).toMatch(
      new RegExp(
        `^<iframe src="https://checks.example/base/embed/claims/7" title="Card" width="560" height="${EMBED_HEIGHT}" [^>]*></iframe><script>.*</script>$`,
      ),
    );
    expect(code).toContain("e.source===f.contentWindow&&e.origin===o");
    expect(code).toContain('previousElementSibling,"https://checks.example")</script>');
  });

  it("shows the claim's number in its article and its rationale as text, cut at a word", async () => {
    const [first] = await db().claim.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    const found = (await findPublishedClaim(first!.id))!;
    const card = renderClaimCard(found.snapshot, found.claim, {
      baseUrl: "https://checks.example",
      name: "Desk",
    });
    expect(card).toContain("Claim 1 of “Chipmaker results”");
    expect(card).toContain('<p class="rationale lines-5">The annual report says so.</p>');
    expect(rationaleSummary(`<script>alert(1)</script> ${"word ".repeat(100)}`)).toMatch(
      /^<script>alert\(1\)<\/script> word .*word…$/,
    );
    const long = renderClaimCard(
      found.snapshot,
      { ...found.claim, rationale: `<img src=x onerror=alert(1)> ${"evidence ".repeat(80)}` },
      { baseUrl: "https://checks.example", name: "Desk" },
    );
    expect(long).not.toContain("<img");
    expect(long).toMatch(/evidence…<\/p>/);
  });
});

describe("claim numbers", () => {
  const HINT = "Highlighted passages are the claims we checked; each is followed by its number and verdict.";

  it("of a version numbered 1, 2, 3… leave its page as it always was; gaps are explained", async () => {
    const { snapshot, history } = (await loadPublication("chipmaker-results", 1))!;
    expect(snapshot.claims.map((c) => c.number)).toEqual([1, 2]);
    const page = (await publishedPage("chipmaker-results", 1))!.body;
    expect(page).toContain(`<p class="hint">${HINT}</p>`);
    // The same claims as passages 2 and 5 of the article: the page says why 1, 3 and 4 are missing.
    const gapped = { ...snapshot, claims: snapshot.claims.map((c, i) => ({ ...c, number: [2, 5][i]! })) };
    const site = { baseUrl: "https://checks.example", name: "Desk" };
    const rendered = renderFactCheckPage(gapped, history, "archived", site);
    expect(rendered).toContain(
      `<p class="hint">${HINT} Claims keep the numbers our newsroom gave every passage it considered, so the numbers of passages we did not check are skipped.</p>`,
    );
    expect(rendered).toContain('id="claim-note-5"');
  });
});

describe("a signed-in member on a public page", () => {
  it("sees their name and the desk instead of 'Sign in'; anonymous readers keep the stored page", async () => {
    const { startSession } = await import("../auth/session.server");
    const { loader } = await import("../routes/fact-check");
    const { servePublishedPage } = await import("./serve.server");
    const setCookie = await startSession(editor.id, new Request("http://localhost/login"));
    const cookie = setCookie.split(";")[0]!;
    const read = async (headers: Record<string, string>) => {
      const request = new Request("http://localhost/fact-checks/chipmaker-results", { headers });
      const response = (await loader(routeArgs(request, { slug: "chipmaker-results" }))) as Response;
      return { body: await response.text(), cacheControl: response.headers.get("Cache-Control") };
    };
    const signedIn = await read({ Cookie: cookie });
    expect(signedIn.body).toContain(
      '<div class="account"><span class="account__name">Edith Editor</span> <a href="/desk">Desk</a></div>',
    );
    expect(signedIn.body).not.toContain(">Sign in<");
    expect(signedIn.cacheControl).toBe("private, no-store");
    const anonymous = await read({});
    expect(anonymous.body).toContain('<a href="/login">Sign in</a>');
    const fastPath = await servePublishedPage(
      { method: "GET", url: "/fact-checks/chipmaker-results", headers: { cookie } } as never,
      {} as never,
    );
    expect(fastPath).toBe(false);
  });

  it("a session cookie that names no one is an anonymous reader's: the stored page, from the fast path", async () => {
    const { startSession, endSession } = await import("../auth/session.server");
    const { servePublishedPage } = await import("./serve.server");
    const ended = (await startSession(editor.id, new Request("http://localhost/login"))).split(";")[0]!;
    await endSession(new Request("http://localhost/logout", { headers: { Cookie: ended } }));
    for (const cookie of ["claimdesk_session=made-up", ended, `theme=dark; ${ended}`]) {
      const sent: { status?: number; body?: Buffer } = {};
      const served = await servePublishedPage(
        { method: "GET", url: "/fact-checks/chipmaker-results", headers: { cookie } } as never,
        {
          writeHead: (status: number) => (sent.status = status),
          end: (body?: Buffer) => (sent.body = body),
        } as never,
      );
      expect(served, cookie).toBe(true);
      expect(sent.status).toBe(200);
      expect(String(sent.body)).toContain('<a href="/login">Sign in</a>');
    }
  });
});

describe("a claim's figures and the hardware reference", () => {
  it("are frozen into the version and shown under the claim, credited, a disagreement in words", async () => {
    const { loadReferenceIfEmpty } = await import("../reference/reference.server");
    const { EPOCH_CREDIT, EPOCH_URL } = await import("../reference/hardware");
    await loadReferenceIfEmpty();
    const article = await importArticle(
      {
        title: "Hanguang figures",
        outlet: "Test Wire",
        author: "",
        sourceUrl: "",
        originalDate: "",
        format: "markdown",
        source: "# Hanguang figures\n\nAlibaba said its Hanguang 800 delivers 900 TOPS.",
      },
      editor.id,
    );
    const [claim] = await db().claim.findMany({
      where: { articleId: article.id },
      orderBy: { start: "asc" },
    });
    await checkAndApprove(claim!.id, "accurate", "Alibaba said so; the reference is for readers to weigh.");
    const { version } = await db().article.findUniqueOrThrow({ where: { id: article.id } });
    await publishArticle(article.id, { articleVersion: version, changeNote: "" }, reviewer);

    const publication = (await loadPublication("hanguang-figures"))!;
    const [published] = publication.snapshot.claims;
    expect(published!.figures).toContainEqual({
      text: "900 TOPS",
      value: 900,
      unit: "TOPS",
      measure: "compute",
      normalized: { value: 900, unit: "TOPS" },
    });
    expect(published!.referenceChecks).toEqual([
      expect.objectContaining({
        hardware: "T-Head Hanguang 800",
        metric: "INT8 performance",
        claimed: "900 TOPS",
        value: 825,
        unit: "TOPS",
        agrees: false,
        note: "Claims 900 TOPS; the reference lists 825 TOPS INT8 (Epoch AI).",
      }),
    ]);

    const page = (await publishedPage("hanguang-figures"))!.body;
    const note = page.slice(page.indexOf('id="claim-note-1"'));
    expect(note).toMatch(
      /<h3>Figures<\/h3><dl class="figures"><dt>“900 TOPS”<\/dt><dd>Compute performance: 900 TOPS<\/dd>/,
    );
    expect(note).toContain("<caption>Against the hardware reference (evidence, not a verdict)</caption>");
    expect(note).toContain(
      '<p class="notice" role="note">Claims 900 TOPS; the reference lists 825 TOPS INT8 (Epoch AI).</p>',
    );
    expect(note).toMatch(
      /<th scope="row">T-Head Hanguang 800, INT8 performance<\/th><td>900 TOPS<\/td><td>825 TOPS/,
    );
    expect(note).toContain('<strong class="reference-disagrees">Disagrees</strong>');
    expect(note).toContain(`<a href="${EPOCH_URL}" rel="noopener noreferrer">${EPOCH_CREDIT}</a>`);
    // The desk's verdict stands: the reference is evidence beside it.
    expect(note).toMatch(/<b>Claim 1<\/b> <span class="verdict verdict--accurate">/);

    const json = JSON.parse(exportFormat("export.json")!.render(publication));
    expect(json.claims[0].figures[0]).toMatchObject({ text: "900 TOPS", measure: "compute" });
    expect(json.claims[0].referenceChecks[0]).toMatchObject({
      claimed: "900 TOPS",
      value: 825,
      agrees: false,
    });
    // A claim without figures shows none.
    expect((await publishedPage("chipmaker-results"))!.body).not.toContain("reference-checks");
  });
});
