// Part of npm run bench: the workbench's page weight and load time for the seed article, a
// 200 KB and a 2 MB article (generated from the fixtures, scripts/bench-articles.ts), side by
// side in the same run with a peer: the seed article's published page, which every reader
// loads. Goals (issue 15): a 200 KB article's workbench under 1 MB of HTML, a 2 MB article's
// under 3 MB, a claim page under 100 KB. The production build (server.js) on loopback, one
// request at a time, uncompressed.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generatedArticle } from "./bench-articles";

const PORT = Number(process.env.BENCH_WORKBENCH_PORT ?? 3203);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 15);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "a long bench password";

const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-workbench-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "bench.db")}` };
const tsx = (...args: string[]) =>
  execFileSync("npx", ["tsx", ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/**
 * Imports an article through the operations CLI (npm run import) and returns its id. A 2 MB
 * article takes seconds of extraction, refused past its time budget on a busy machine: tried
 * again, up to three times.
 */
function importFile(name: string, markdown: string): number {
  const file = path.join(dir, `${name}.md`);
  writeFileSync(file, markdown);
  for (let attempt = 1; ; attempt++) {
    try {
      return (JSON.parse(tsx("scripts/import.ts", file)) as { id: number }).id;
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(`  (importing ${name} again: ${String((error as { stderr?: string }).stderr).trim()})`);
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const server = spawn("node", ["server.js"], {
  env: { ...env, PORT: String(PORT), NODE_ENV: "production" },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${BASE}/methodology`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`${BASE} did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The seed article is article 1 (server.js seeds an empty database); then the big ones.
  const large = importFile("two-hundred-kilobytes", generatedArticle(200_000));
  const huge = importFile("two-megabytes", generatedArticle(2_000_000));
  tsx(
    "scripts/user-create.ts",
    "--email",
    "bench@workbench.test",
    "--name",
    "Bench",
    "--role",
    "editor",
    "--password",
    PASSWORD,
  );
  const login = await fetch(`${BASE}/login`, {
    method: "POST",
    headers: { origin: BASE, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "bench@workbench.test", password: PASSWORD, next: "/articles" }),
    redirect: "manual",
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  if (!cookie.startsWith("claimdesk_session=")) throw new Error(`signing in failed (${login.status})`);

  const get = async (page: string) => {
    const began = performance.now();
    const response = await fetch(BASE + page, { headers: { cookie, "accept-encoding": "identity" } });
    const bytes = (await response.arrayBuffer()).byteLength;
    if (!response.ok) throw new Error(`${page} answered ${response.status}`);
    return { ms: performance.now() - began, bytes };
  };
  const middleClaim = async (articleId: number) => {
    const html = await (await fetch(`${BASE}/articles/${articleId}?page=3`, { headers: { cookie } })).text();
    return html.match(new RegExp(`/articles/${articleId}/claims/(\\d+)`))![1]!;
  };
  const PEER = "/fact-checks/alibaba-ai-chip";
  const pages: Array<[string, string, number | null]> = [
    ["seed article, published page (peer)", PEER, null],
    ["seed article, workbench", "/articles/1", null],
    ["200 KB article, workbench", `/articles/${large}`, 1_000_000],
    ["200 KB article, last part", `/articles/${large}?part=2`, 1_000_000],
    ["200 KB article, a claim page", `/articles/${large}/claims/${await middleClaim(large)}`, 100_000],
    ["2 MB article, workbench", `/articles/${huge}`, 3_000_000],
    ["2 MB article, a claim page", `/articles/${huge}/claims/${await middleClaim(huge)}`, 100_000],
    ["/articles", "/articles", 100_000],
  ];
  const results = new Map<string, { ms: number; bytes: number }>();
  for (const [, page] of pages) for (let i = 0; i < 2; i++) await get(page);
  // Alternating the pages, so that machine noise falls on all of them alike.
  const samples = new Map(pages.map(([, page]) => [page, [] as number[]]));
  for (let i = 0; i < SAMPLES; i++) {
    for (const [, page] of pages) {
      const { ms, bytes } = await get(page);
      samples.get(page)!.push(ms);
      results.set(page, { ms: 0, bytes });
    }
  }
  for (const [, page] of pages) results.get(page)!.ms = median(samples.get(page)!);
  const peer = results.get(PEER)!;
  console.log(
    `Workbench pages, uncompressed HTML, median of ${SAMPLES} loads, against the seed's published page:`,
  );
  console.log(
    `  ${"".padEnd(36)} ${"bytes".padStart(11)} ${"ratio".padStart(6)}   ${"load".padStart(10)} ${"ratio".padStart(6)}`,
  );
  for (const [name, page, goal] of pages) {
    const { ms, bytes } = results.get(page)!;
    const verdict =
      goal === null ? "" : bytes <= goal ? `  under ${goal / 1000} kB` : `  OVER ${goal / 1000} kB`;
    console.log(
      `  ${name.padEnd(36)} ${(bytes / 1000).toFixed(1).padStart(8)} kB ${(bytes / peer.bytes).toFixed(2).padStart(6)}x   ${ms.toFixed(1).padStart(7)} ms ${(ms / peer.ms).toFixed(2).padStart(6)}x${verdict}`,
    );
  }
} finally {
  server.kill();
}
