// Part of npm run bench: requests per second and p99 latency for the seeded published page,
// served by Claimdesk (server.js, the production build) and, side by side in the same run, by a
// bare node:http server sending the same bytes. Loopback only; each run is bounded in time.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const APP_PORT = 3201;
const BARE_PORT = 3202;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 10;
const PAGE = "/fact-checks/alibaba-ai-chip";

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

function load(url: string): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { "accept-encoding": "identity" },
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-bench-"));
const app = spawn("node", ["server.js"], {
  env: {
    ...process.env,
    PORT: String(APP_PORT),
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    NODE_ENV: "production",
  },
  stdio: "ignore",
});
let bare: ChildProcess | undefined;
try {
  await waitFor(`http://127.0.0.1:${APP_PORT}${PAGE}`, app);
  const response = await fetch(`http://127.0.0.1:${APP_PORT}${PAGE}`, {
    headers: { "accept-encoding": "identity" },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get("content-type") ?? "text/html";
  // The peer: the same bytes from node:http, nothing else.
  bare = spawn(
    "node",
    [
      "-e",
      `const body = Buffer.from(process.env.BODY, "base64");
       require("node:http").createServer((req, res) => { res.writeHead(200, { "Content-Type": process.env.TYPE, "Content-Length": body.length }); res.end(body); }).listen(${BARE_PORT}, "127.0.0.1");`,
    ],
    { env: { ...process.env, BODY: bytes.toString("base64"), TYPE: contentType }, stdio: "ignore" },
  );
  await waitFor(`http://127.0.0.1:${BARE_PORT}/`, bare);

  // Warm both up, then measure them one after the other.
  await autocannon({ url: `http://127.0.0.1:${APP_PORT}${PAGE}`, connections: CONNECTIONS, duration: 2 });
  await autocannon({ url: `http://127.0.0.1:${BARE_PORT}/`, connections: CONNECTIONS, duration: 2 });
  const ours = await load(`http://127.0.0.1:${APP_PORT}${PAGE}`);
  const peer = await load(`http://127.0.0.1:${BARE_PORT}/`);

  console.log(
    `Seed fact-check page (${(bytes.length / 1000).toFixed(1)} kB), ${CONNECTIONS} connections, ${SECONDS} s each, loopback:`,
  );
  const row = (name: string, r: autocannon.Result) =>
    `  ${name.padEnd(10)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
  console.log(row("claimdesk", ours));
  console.log(row("node:http", peer));
  console.log(
    `  ratio: claimdesk serves ${((ours.requests.average / peer.requests.average) * 100).toFixed(0)}% of the bare server's throughput (goal: at least 50%)`,
  );
} finally {
  app.kill();
  bare?.kill();
}
