import { execFile, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { callApi, claimsOfArticle, createToken, createUser, databaseUrl, startOwnServer } from "./helpers";

// A newsroom serves its fact-checks from a static host: `npm run --silent site:export -- DIR`
// writes every public address as a file. Each file must be the bytes the running server sends
// for its address, and nothing unpublished may be among them.

const DATABASE = "data/e2e-site-export.db";
// The export and the server read the same settings: absolute URLs in JSON-LD and feeds use them.
const SETTINGS = {
  CLAIMDESK_PUBLIC_URL: "https://checks.example.org",
  CLAIMDESK_ORG_NAME: "Example Fact Desk",
};
const SEED = "alibaba-ai-chip";
const STORIES = 50; // with the seed, 51 fact-checks: two pages of the list (50 a page)
const DRAFT_TITLE = "Unpublished draft about a secret merger";
const DRAFT_QUOTE = "Globex will buy Initech for $9 billion next week, according to two unnamed insiders.";
// Pages React Router renders on each request: they carry that request's CSP nonce (app/entry.server.tsx).
// The list's pages are public documents without client-side React, like the fact-checks themselves.
const RENDERED_PER_REQUEST = ["/methodology"];
const LIST_PAGES = ["/fact-checks", "/fact-checks?page=2"];

let server: { base: string; child: ChildProcess };
let editor = "";
let reviewer = "";
const publishedClaimIds = new Set<number>();
let draft: { slug: string; claimId: number };
let exportDir = "";
const scratch: string[] = [];

const api = (token: string, method: string, address: string, body?: unknown) =>
  callApi(server.base, token, method, address, body);

/** Imports an article, rates its first proposed claim and has the reviewer approve it. */
async function checkedArticle(
  title: string,
  markdown: string,
): Promise<{ id: number; slug: string; claimId: number }> {
  const article = await api(editor, "POST", "/articles", { title, markdown });
  const claim = article.claims[0];
  const rated = await api(editor, "PATCH", `/claims/${claim.id}`, {
    version: claim.version,
    verdict: "unsupported",
    rationale: "No public source backs it.",
  });
  await api(reviewer, "POST", `/claims/${claim.id}/approve`, { version: rated.version });
  return { id: article.id, slug: article.slug, claimId: claim.id };
}

/** Runs the export as a newsroom would, with the server's database and settings. */
async function siteExport(...args: string[]) {
  const { NODE_ENV: _unset, ...inherited } = process.env;
  const run = promisify(execFile)("npx", ["tsx", "scripts/site-export.ts", ...args], {
    env: { ...inherited, DATABASE_URL: databaseUrl(DATABASE), ...SETTINGS },
  });
  try {
    const { stdout, stderr } = await run;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function filesUnder(root: string, folder = ""): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = folder ? `${folder}/${name}` : name;
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

/** The static layout read backwards (README, "Serving fact-checks from a static host"). */
function addressOf(file: string): string {
  const listPage = /^fact-checks\/page\/(\d+)\/index\.html$/.exec(file);
  if (listPage) return `/fact-checks?page=${listPage[1]}`;
  return "/" + file.replace(/(^|\/)index\.html$/, "");
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startOwnServer(DATABASE, SETTINGS);
  createUser("export-editor@desk.test", "Export Editor", "editor", DATABASE);
  createUser("export-reviewer@desk.test", "Export Reviewer", "reviewer", DATABASE);
  editor = createToken("export-editor@desk.test", DATABASE);
  reviewer = createToken("export-reviewer@desk.test", DATABASE);

  for (let i = 1; i <= STORIES; i++) {
    const story = await checkedArticle(
      `Chip story ${i}`,
      `Acme says its chip number ${i} is 40% faster than the Nvidia H20, according to a company statement.`,
    );
    await api(reviewer, "POST", `/articles/${story.id}/publish`, {});
    publishedClaimIds.add(story.claimId);
  }
  // The seed (seeded as versions 1 and 2) gets a third: older versions are exported beside the latest.
  const seed = (await api(editor, "GET", "/articles")).articles.find(
    (a: { slug: string }) => a.slug === SEED,
  );
  // A version must change something readers see: a source added to an approved claim.
  const approved = (await claimsOfArticle(server.base, editor, seed.id)).find(
    (c: { status: string }) => c.status === "approved",
  );
  await api(editor, "POST", `/claims/${approved.id}/evidence`, {
    url: "https://example.org/static-copy",
    title: "A later source",
    stance: "context",
  });
  await api(reviewer, "POST", `/articles/${seed.id}/publish`, {
    note: "A later source, for the static copy.",
    kind: "update",
  });
  for (const claim of await claimsOfArticle(server.base, editor, seed.id))
    if (claim.status === "approved") publishedClaimIds.add(claim.id);
  // A draft whose claim is approved but which nobody published.
  const unpublished = await checkedArticle(DRAFT_TITLE, DRAFT_QUOTE);
  draft = { slug: unpublished.slug, claimId: unpublished.claimId };

  exportDir = mkdtempSync(path.join(tmpdir(), "claimdesk-site-"));
  scratch.push(exportDir);
});

test.afterAll(() => {
  server?.child.kill();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

test("every exported file is what the server sends for its address, and drafts are not among them", async () => {
  test.setTimeout(180_000);
  const began = Date.now();
  const { code, stdout, stderr } = await siteExport(exportDir);
  const seconds = (Date.now() - began) / 1000;
  expect(stderr).toBe("");
  expect(code).toBe(0);
  expect(stdout).toMatch(/^\{"files":\d+,"bytes":\d+\}\n$/);
  const printed = JSON.parse(stdout) as { files: number; bytes: number };

  // The counts printed are the files written.
  const files = filesUnder(exportDir).sort();
  expect(files).toHaveLength(printed.files);
  expect(files.reduce((sum, file) => sum + statSync(path.join(exportDir, file)).size, 0)).toBe(printed.bytes);
  console.log(`site:export wrote ${printed.files} files, ${printed.bytes} bytes in ${seconds.toFixed(1)} s`);

  // Byte for byte what the server answers an anonymous reader at each file's address. The pages
  // React Router renders per request differ between any two requests only by their nonce.
  const nonce = /nonce="[A-Za-z0-9+/=]+"/g;
  const differingByNonce: string[] = [];
  for (const file of files) {
    const address = addressOf(file);
    const response = await fetch(server.base + address);
    expect(response.status, address).toBe(200);
    const served = Buffer.from(await response.arrayBuffer());
    const written = readFileSync(path.join(exportDir, file));
    if (served.equals(written)) continue;
    const [sent, kept] = [served.toString("utf8"), written.toString("utf8")];
    expect(kept.match(nonce)?.length, address).toBe(sent.match(nonce)?.length);
    expect(kept.replace(nonce, 'nonce=""'), address).toBe(sent.replace(nonce, 'nonce=""'));
    differingByNonce.push(address);
  }
  expect(differingByNonce.sort()).toEqual([...RENDERED_PER_REQUEST].sort());

  // The layout: every published fact-check with each version and format, the list's pages, the
  // feed, the methodology, the embed cards of the published claims and the stylesheets.
  const addresses = new Set(files.map(addressOf));
  for (const address of [
    ...RENDERED_PER_REQUEST,
    ...LIST_PAGES,
    "/fact-checks.atom",
    `/fact-checks/${SEED}`,
    `/fact-checks/${SEED}/v/1`,
    `/fact-checks/${SEED}/v/2`,
    `/fact-checks/${SEED}/v/3`,
    `/fact-checks/${SEED}/annotations.jsonld`,
    `/fact-checks/${SEED}/export.json`,
    `/fact-checks/${SEED}/export.md`,
    "/fact-checks/chip-story-50/v/1",
    "/claimdesk.css",
    "/fact-check.js",
  ])
    expect(addresses, address).toContain(address);
  expect(files.filter((f) => /^fact-checks\/[^/]+\/index\.html$/.test(f))).toHaveLength(STORIES + 1);
  expect(files.filter((f) => /^fact-checks\/[^/]+\/export\.md$/.test(f))).toHaveLength(STORIES + 1);
  const embeds = files.flatMap((f) => /^embed\/claims\/(\d+)\/index\.html$/.exec(f)?.[1] ?? []).map(Number);
  expect(embeds.sort((a, b) => a - b)).toEqual([...publishedClaimIds].sort((a, b) => a - b));
  const json = JSON.parse(readFileSync(path.join(exportDir, `fact-checks/${SEED}/export.json`), "utf8"));
  expect(json.url).toBe(`https://checks.example.org/fact-checks/${SEED}/v/3`);

  // The draft: no address of its own, no card for its approved claim, not named anywhere.
  expect((await fetch(`${server.base}/fact-checks/${draft.slug}`)).status).toBe(404);
  expect(files.filter((f) => f.includes(draft.slug))).toEqual([]);
  expect(addresses).not.toContain(`/embed/claims/${draft.claimId}`);
  for (const file of files) {
    const text = readFileSync(path.join(exportDir, file), "utf8");
    expect(text, file).not.toContain(DRAFT_TITLE);
    expect(text, file).not.toContain("Globex");
  }
});

test("a missing, unusable or non-empty folder is refused with a sentence and nothing written", async () => {
  const missing = await siteExport();
  expect(missing.code).toBe(2);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toContain("usage: npm run --silent site:export -- DIR");

  const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-site-"));
  scratch.push(dir);
  const file = path.join(dir, "a-file");
  writeFileSync(file, "not a folder");
  const onFile = await siteExport(file);
  expect(onFile.code).toBe(1);
  expect(onFile.stdout).toBe("");
  expect(onFile.stderr).toContain("is a file, not a folder");

  const notEmpty = await siteExport(dir);
  expect(notEmpty.code).toBe(1);
  expect(notEmpty.stdout).toBe("");
  expect(notEmpty.stderr).toContain("is not empty");
  expect(readdirSync(dir)).toEqual(["a-file"]);
});
