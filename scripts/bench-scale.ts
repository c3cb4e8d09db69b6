// Part of npm run bench: every list page and API list (and a claim page, which looks across the
// workspace for matches) on a generated workspace of 2,000 articles
// and 120,000 claims, side by side in the same run with the same page on 100 articles. A list
// is paged, so its time and bytes must not depend on the workspace's size: the goal is a ratio
// of at most 1.5x, the desk at 100 req/s or more at 10 connections, and /articles under 100 KB.
// Both servers run the production build (server.js) on loopback, one request at a time per page.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generateWorkspace, type Workspace, type WorkspaceSize } from "./bench-workspace";

const SMALL: WorkspaceSize = { articles: 100, claimsPerArticle: 60, published: 100, markdownChars: 4000 };
const LARGE: WorkspaceSize = { articles: 2000, claimsPerArticle: 60, published: 1200, markdownChars: 4000 };
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;

const PAGES = [
  "/articles",
  "/articles?page=2",
  "/desk",
  "/desk?status=open&assignee=any",
  "/desk?status=open&assignee=none",
  "/desk?status=needs-review&assignee=any",
  "/desk?status=any&verdict=none&assignee=any",
  "/desk?status=open&assignee=any&article=50",
  "/desk?status=open&assignee=any&page=3",
  "/fact-checks",
  "/fact-checks?page=2",
  "/exercises",
  "/exercises/new?slug=bench-article-10",
  "/api/v1/articles",
  "/api/v1/claims",
  "/api/v1/claims?status=open&assignee=none",
  "/api/v1/claims?status=needs-review&page=2",
  "/api/v1/publications",
  // A claim's page and its "checked before?" matches: not lists, but they look across the workspace.
  "/articles/10/claims/541",
  "/api/v1/claims/541/matches",
  // Search for a word every claim, article and fact-check holds: ranked, so bounded by the number
  // of matches it ranks, not by the workspace.
  "/search?q=claim",
  "/search?q=claim&kind=claim&page=3",
  "/search?q=chip&kind=article",
  "/fact-checks?q=claim",
  "/api/v1/search?q=claim&kind=claim",
];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

interface Running {
  base: string;
  workspace: Workspace;
  child: ChildProcess;
}

async function start(size: WorkspaceSize, name: string): Promise<Running> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), `claimdesk-scale-${name}-`)), "bench.db");
  const began = performance.now();
  const workspace = generateWorkspace(file, size);
  const claims = size.articles * size.claimsPerArticle;
  console.log(
    `  ${name}: ${size.articles} articles, ${claims.toLocaleString("en")} claims, ${size.published} published, generated in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  const port = await freePort();
  const child = spawn("node", ["server.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `file:${file}`,
      NODE_ENV: "production",
      CLAIMDESK_SEED: "off",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/fact-checks`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`${base} did not answer`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, workspace, child };
}

function headersFor(run: Running, page: string): Record<string, string> {
  const auth: [string, string] = page.startsWith("/api/")
    ? ["authorization", `Bearer ${run.workspace.apiToken}`]
    : ["cookie", `claimdesk_session=${run.workspace.sessionToken}`];
  return { "accept-encoding": "identity", [auth[0]]: auth[1] };
}

async function once(run: Running, page: string): Promise<{ ms: number; bytes: number; status: number }> {
  const began = performance.now();
  const response = await fetch(run.base + page, { headers: headersFor(run, page), redirect: "manual" });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - began, bytes, status: response.status };
}

/** CPU time the server process has used, in ms (Linux /proc): less sensitive than wall time to a busy machine. */
function cpuMs(run: Running): number {
  try {
    const fields = readFileSync(`/proc/${run.child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median time of SAMPLES requests, alternating the two servers so that machine noise hits both alike. */
async function measure(small: Running, large: Running, page: string) {
  for (let i = 0; i < 5; i++) await Promise.all([once(small, page), once(large, page)]);
  const times = { small: [] as number[], large: [] as number[] };
  const cpu = { small: 0, large: 0 };
  let bytes = { small: 0, large: 0 };
  for (let i = 0; i < SAMPLES; i++) {
    for (const [key, run] of [
      ["small", small],
      ["large", large],
    ] as const) {
      const before = cpuMs(run);
      const r = await once(run, page);
      cpu[key] += cpuMs(run) - before;
      if (r.status !== 200) throw new Error(`${page} answered ${r.status} on the ${key} workspace`);
      times[key].push(r.ms);
      bytes = { ...bytes, [key]: r.bytes };
    }
  }
  return {
    small: { ms: median(times.small), cpu: cpu.small / SAMPLES, bytes: bytes.small },
    large: { ms: median(times.large), cpu: cpu.large / SAMPLES, bytes: bytes.large },
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

console.log(
  "Lists at a newsroom's size (production build, loopback, median of " + SAMPLES + " requests each):",
);
const small = await start(SMALL, "small");
const large = await start(LARGE, "large");
try {
  console.log(
    `  ${"page".padEnd(44)} ${"100 articles".padStart(20)} ${"2,000 articles".padStart(20)}   ratio (time)   server CPU/request (100 / 2,000)`,
  );
  let worst = 0;
  for (const page of PAGES) {
    const { small: s, large: l } = await measure(small, large, page);
    const ratio = l.ms / s.ms;
    worst = Math.max(worst, ratio);
    console.log(
      `  ${page.padEnd(44)} ${`${s.ms.toFixed(1)} ms ${kb(s.bytes)}`.padStart(20)} ${`${l.ms.toFixed(1)} ms ${kb(l.bytes)}`.padStart(20)}   ${`${ratio.toFixed(2)}x`.padStart(12)}   ${s.cpu.toFixed(1)} / ${l.cpu.toFixed(1)} ms`,
    );
  }
  const articles = await once(large, "/articles");
  console.log(
    `  worst time ratio: ${worst.toFixed(2)}x (goal: at most 1.5x); /articles at 2,000 articles: ${kb(articles.bytes)} (goal: under 100 kB)`,
  );

  // The desk under load, on each workspace in turn: throughput, tail latency and the server's own
  // CPU per request (less sensitive than req/s to other work on the machine, which the load
  // average shows).
  const desk = "/desk?status=open&assignee=any";
  for (const [name, run] of [
    ["100 articles", small],
    ["2,000 articles", large],
  ] as const) {
    await autocannon({
      url: run.base + desk,
      connections: CONNECTIONS,
      duration: 2,
      headers: headersFor(run, desk),
    });
    const cpuBefore = cpuMs(run);
    const load = await autocannon({
      url: run.base + desk,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: headersFor(run, desk),
    });
    const perRequest = (cpuMs(run) - cpuBefore) / load.requests.total;
    console.log(
      `  desk (${desk}) at ${name}, ${CONNECTIONS} connections, ${SECONDS} s: ${load.requests.average.toFixed(0)} req/s, p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx}, server CPU ${perRequest.toFixed(1)} ms/request (one free core: about ${(1000 / perRequest).toFixed(0)} req/s); load average ${loadavg()[0]!.toFixed(1)}`,
    );
  }
  console.log(
    `  goal: the desk at 2,000 articles at least 100 req/s (${cpus().length} cores, shared with the load generator)`,
  );
} finally {
  small.child.kill();
  large.child.kill();
}
