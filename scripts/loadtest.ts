// npm run loadtest, npm run soak (issue #12): load and soak, benchmarks, not tests.
//
// Both start the production server (server.js) on a generated workspace of 500 articles and
// 10,000 claims, plus the seed fact-check published through the app, and drive it with autocannon
// on loopback, every run bounded in time and in requests.
//
// loadtest: each page at 50 connections (the published fact-check, /fact-checks, the desk, an
// article's workbench, GET /api/v1/claims, workspace search), a mixed run with 20% writes
// through the API, and the workbench of a 2 MB article; each side by side with a bare node:http
// server sending the same bytes. Reports req/s, p50/p99, errors and the server's RSS, then one
// line per goal: zero errors and zero 5xx at 50 connections; every page but the 2 MB workbench
// with a p99 under 10x the published page's p99 on the same run. Exits 1 if any 5xx occurred.
//
// soak (--soak): the mixed run at 20 connections for 10 minutes, the server's RSS every 10 s;
// passes when the RSS at the end is within 10% of the RSS after warm-up, with zero errors (each
// level the median of the readings over a minute: one reading moves with the garbage collector).
//
// The target database is a parameter: LOADTEST_DATABASE=sqlite (default, a new temporary file) or
// LOADTEST_DATABASE_URL=postgresql://… (a throwaway database: the run writes to it). This script
// reaches the database only through server.js, the HTTP API and the app's Prisma client; on
// PostgreSQL the generated workspace is moved in with data:export and data:import.
//
// Knobs (environment), defaults in brackets:
//   LOADTEST_SECONDS [10] and LOADTEST_WARMUP_SECONDS [2]: each run and its warm-up
//   LOADTEST_CONNECTIONS [50]; LOADTEST_TIMEOUT_SECONDS [10]: a request unanswered by then is an error
//   LOADTEST_MAX_RATE [20000]: a run also stops after this many requests per second of its duration
//   LOADTEST_BIG_REQUESTS [50]: the 2 MB workbench is that many requests at once, not a timed run,
//     each allowed LOADTEST_BIG_TIMEOUT_SECONDS [300]
//   LOADTEST_ARTICLES [500] and LOADTEST_CLAIMS_PER_ARTICLE [20]: the generated workspace
//   LOADTEST_ONLY: comma list of runs (published, fact-checks, desk, article, api-claims, search,
//     mixed, big), for short runs while developing
//   LOADTEST_PORT [3400]: the server's port; the bare server uses the next one
//   CLAIMDESK_PROCESSES [1]: the server's processes (server.js); memory and CPU are summed over them
//   SOAK_SECONDS [600], SOAK_CONNECTIONS [20]; LOADTEST_KEEP=1 keeps the temporary database
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import type { EventEmitter } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { generateWorkspace, type Workspace, type WorkspaceSize } from "./bench-workspace";

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const SOAK = process.argv.includes("--soak");
const SECONDS = knob("LOADTEST_SECONDS", 10);
const WARMUP_SECONDS = knob("LOADTEST_WARMUP_SECONDS", 2);
const CONNECTIONS = knob("LOADTEST_CONNECTIONS", 50);
/** A run ends at its duration or after this many requests per second of it, whichever comes first. */
const MAX_RATE = knob("LOADTEST_MAX_RATE", 20_000);
const TIMEOUT_SECONDS = knob("LOADTEST_TIMEOUT_SECONDS", 10);
const BIG_REQUESTS = knob("LOADTEST_BIG_REQUESTS", 50);
const BIG_TIMEOUT_SECONDS = knob("LOADTEST_BIG_TIMEOUT_SECONDS", 300);
const SOAK_SECONDS = knob("SOAK_SECONDS", 600);
const SOAK_CONNECTIONS = knob("SOAK_CONNECTIONS", 20);
const PORT = knob("LOADTEST_PORT", 3400);
const ONLY = process.env.LOADTEST_ONLY?.split(",").map((key) => key.trim());
const SIZE: WorkspaceSize = {
  articles: knob("LOADTEST_ARTICLES", 500),
  claimsPerArticle: knob("LOADTEST_CLAIMS_PER_ARTICLE", 20),
  published: Math.ceil(knob("LOADTEST_ARTICLES", 500) / 2),
  markdownChars: 4000,
};
/** How many claims the mixed run's writes go round (far more than requests in flight, so two rarely meet). */
const WRITE_POOL = 1000;
/** The largest article Claimdesk takes (app/newsroom/schemas.ts: MAX_ARTICLE_BYTES). */
const TWO_MB = 2 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// The target database

interface Target {
  /** What the report calls it. */
  name: string;
  /** DATABASE_URL for server.js and for this process's Prisma client. */
  url: string;
  /** Fills the empty database with the generated workspace. */
  generate: (size: WorkspaceSize) => Workspace | Promise<Workspace>;
  /** Removes what the run made (a temporary file), unless kept. */
  cleanUp: () => void;
}

function chooseTarget(): Target {
  const url = process.env.LOADTEST_DATABASE_URL;
  const kind = process.env.LOADTEST_DATABASE ?? (url ? url.split(":")[0] : "sqlite");
  if (kind === "postgresql" || kind === "postgres") {
    if (!url || !/^postgres(ql)?:\/\//.test(url))
      throw new Error("LOADTEST_DATABASE=postgresql needs LOADTEST_DATABASE_URL=postgresql://…");
    return {
      name: `PostgreSQL (${new URL(url).host}${new URL(url).pathname})`,
      url,
      // The workspace is generated in a SQLite file (fast raw inserts), then moved into the empty
      // PostgreSQL database the way docs/deploying.md moves one: data:export, then data:import.
      // Exports carry no sessions or tokens: the bench editor's are added, hashed, as the generator does.
      generate: async (size) => {
        const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-loadtest-pg-"));
        const file = path.join(dir, "generated.db");
        const workspace = generateWorkspace(file, size);
        const exported = path.join(dir, "workspace.json");
        const run = (script: string, args: string[], databaseUrl: string) =>
          execFileSync(process.execPath, ["--import", "tsx", script, ...args], {
            env: { ...process.env, DATABASE_URL: databaseUrl, CLAIMDESK_SEED: "off" },
            stdio: ["ignore", "ignore", "inherit"],
          });
        run("scripts/data-export.ts", [exported], `file:${file}`);
        run("scripts/data-import.ts", [exported], url);
        rmSync(dir, { recursive: true, force: true });
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ id: number }>(
            `SELECT "id" FROM "User" WHERE "email" = 'editor@bench.test'`,
          );
          const editorId = rows[0]!.id;
          const hash = (token: string) => createHash("sha256").update(token).digest("hex");
          await client.query(`INSERT INTO "Session" ("id", "userId", "expiresAt") VALUES ($1, $2, $3)`, [
            hash(workspace.sessionToken),
            editorId,
            new Date(Date.now() + 86_400_000),
          ]);
          await client.query(
            `INSERT INTO "ApiToken" ("userId", "name", "tokenHash", "prefix") VALUES ($1, 'bench', $2, $3)`,
            [editorId, hash(workspace.apiToken), workspace.apiToken.slice(0, 10)],
          );
          return { ...workspace, file: url, editorId };
        } finally {
          await client.end();
        }
      },
      cleanUp: () => {},
    };
  }
  if (kind !== "sqlite") throw new Error(`LOADTEST_DATABASE must be sqlite or postgresql, not ${kind}`);
  if (url && !url.startsWith("file:")) throw new Error("LOADTEST_DATABASE=sqlite takes a file: URL");
  const dir = url ? null : mkdtempSync(path.join(tmpdir(), "claimdesk-loadtest-"));
  const file = url ? path.resolve(url.slice("file:".length)) : path.join(dir!, "loadtest.db");
  if (existsSync(file)) throw new Error(`${file} exists: the load test fills a new database`);
  return {
    name: `SQLite (${url ? file : "a new temporary file"})`,
    url: `file:${file}`,
    generate: (size) => generateWorkspace(file, size),
    cleanUp: () => {
      if (process.env.LOADTEST_KEEP === "1") console.log(`  kept ${file}`);
      else if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Processes: the server under test and the bare peer

const children: ChildProcess[] = [];
const stopChildren = () => {
  for (const child of children) if (child.exitCode === null) child.kill();
};
process.on("exit", stopChildren);
process.on("SIGINT", () => {
  stopChildren();
  process.exit(130);
});

interface Server {
  base: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr (it logs every 500 there), line by line. */
  log: string[];
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

async function startServer(target: Target): Promise<Server> {
  const child = spawn(process.execPath, ["server.js"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: target.url,
      NODE_ENV: "production",
      CLAIMDESK_SEED: "off",
      CLAIMDESK_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  children.push(child);
  const log: string[] = [];
  let partial = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    const lines = (partial + chunk).split("\n");
    partial = lines.pop()!;
    log.push(...lines);
  });
  const base = `http://127.0.0.1:${PORT}`;
  await waitFor(`${base}/methodology`, child);
  return { base, child, log };
}

interface Captured {
  status: number;
  type: string;
  body: Buffer;
}

/** A node:http server that answers every request with stored bytes: GETs by URL, writes by method. */
async function startBare(pages: Map<string, Captured>, writes: Map<string, Captured>, dir: string) {
  const manifest = path.join(dir, "bare.json");
  const encode = (c: Captured) => ({ status: c.status, type: c.type, body: c.body.toString("base64") });
  writeFileSync(
    manifest,
    JSON.stringify({
      get: Object.fromEntries([...pages].map(([url, c]) => [url, encode(c)])),
      write: Object.fromEntries([...writes].map(([method, c]) => [method, encode(c)])),
    }),
  );
  const program = `
    const { get, write } = JSON.parse(require("node:fs").readFileSync(process.env.MANIFEST, "utf8"));
    const load = (a) => ({ status: a.status, headers: { "Content-Type": a.type, "Content-Length": Buffer.byteLength(Buffer.from(a.body, "base64")) }, body: Buffer.from(a.body, "base64") });
    const answers = new Map(Object.entries(get).map(([url, a]) => [url, load(a)]));
    const writes = new Map(Object.entries(write).map(([method, a]) => [method, load(a)]));
    require("node:http").createServer((req, res) => {
      const answer = req.method === "GET" ? answers.get(req.url) : writes.get(req.method);
      req.resume();
      req.on("end", () => {
        if (!answer) { res.writeHead(404); res.end(); return; }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      });
    }).listen(${PORT + 1}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", program], {
    env: { ...process.env, MANIFEST: manifest },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const base = `http://127.0.0.1:${PORT + 1}`;
  await waitFor(`${base}/`, child);
  return { base, child };
}

// ---------------------------------------------------------------------------------------------
// Reading the server process from /proc

const serverProcessCount = () => {
  const n = Number(process.env.CLAIMDESK_PROCESSES || 1);
  return `${n} server ${n === 1 ? "process" : "processes"}`;
};

/**
 * The server's processes: the one started and, with CLAIMDESK_PROCESSES above 1, the processes it
 * started (node:cluster). Memory and CPU time are summed over all of them.
 */
function serverProcesses(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]!.split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

/** Resident memory of the server's processes in MB (VmRSS, or VmHWM for their peaks). */
function memoryMb(pid: number | undefined, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  let total = 0;
  for (const each of serverProcesses(pid)) {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(
        readFileSync(`/proc/${each}/status`, "utf8"),
      );
      if (!match) return NaN;
      total += Number(match[1]) / 1024;
    } catch {
      if (each === pid) return NaN;
    }
  }
  return total;
}

/** CPU time the server's processes have used, in ms (user + system; Linux ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  let total = 0;
  for (const each of serverProcesses(pid)) {
    try {
      const fields = readFileSync(`/proc/${each}/stat`, "utf8").split(") ")[1]!.split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      if (each === pid) return NaN;
    }
  }
  return total;
}

/** Waits until the server is idle (under 5% of a core over half a second): requests abandoned by a run may still be running. */
async function settle(pid: number | undefined, limitMs = 300_000): Promise<void> {
  const began = Date.now();
  for (;;) {
    const before = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuMs(pid) - before <= 25 || Number.isNaN(before) || Date.now() - began > limitMs) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Runs

const ms = (value: number) =>
  value >= 10_000
    ? `${(value / 1000).toFixed(1)} s`
    : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const mb = (value: number) => `${value.toFixed(0)}`;
const kb = (bytes: number) =>
  bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} kB`;
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

type Auth = "public" | "session" | "token";

interface Row {
  key: string;
  label: string;
  path: string;
  auth: Auth;
  /** reference: the published page; goal: held to 10x its p99; exempt: the 2 MB workbench. */
  role: "reference" | "goal" | "exempt";
  /** Not built yet: measured once it answers, skipped with a note while it is 404. */
  optional?: string;
}

/** What one autocannon run gave, with the server's statuses sorted into expected and not. */
interface Outcome {
  /** Answers that arrived in the measured window (after the warm-up) and their rate; the latency of the requests sent in it. */
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** The slowest first answer on a new connection, warm-up included: connections opened while the server is busy wait in the kernel's accept queue. */
  firstAnswerMax: number;
  /** Every answer of the run by status, warm-up included. */
  statuses: Record<string, number>;
  /** 2xx and 3xx, and in the mixed run 409 conflicts (an expected answer to a stale version). */
  ok: number;
  conflicts: number;
  /** 4xx answers that are not expected: the request was refused. */
  refused: number;
  fiveXx: number;
  socketErrors: number;
  timeouts: number;
  /** Timeouts of a connection's first request: it was never answered, usually never accepted. */
  firstTimeouts: number;
  /** The server's CPU time per answered request in the measured window, in ms. */
  cpuPerRequest: number;
  /** The server's RSS in MB at the start and the end of the measured window. */
  rssBefore: number;
  rssAfter: number;
  /** The first unexpected answer, to name the request that caused it. */
  firstBad?: string;
}

interface RunOptions {
  base: string;
  pid?: number;
  requests: autocannon.Request[];
  connections: number;
  /** Seconds of warm-up on the same connections before the measured window (none with `amount`). */
  warmUp: number;
  /** The measured window, in seconds; or, with `amount`, until that many answers came back. */
  seconds: number;
  amount?: number;
  timeout?: number;
  expectConflicts?: boolean;
  /** Called for every answer (its request known from onResponse just before), and whether it is measured. */
  onAnswer?: (status: number, ms: number, measured: boolean) => void;
}

/**
 * One autocannon run: a warm-up, then the measured window, on the same connections. Opening 50
 * connections at once to a busy server is a burst of its own (they wait to be accepted): it is
 * reported apart (`firstAnswerMax`), not mixed into the steady state's p99.
 */
function run(options: RunOptions): Promise<Outcome> {
  // Every request's own onResponse sees the body: keep the first unexpected answer.
  let firstBad: string | undefined;
  const requests = options.requests.map((request): autocannon.Request => {
    const own = request.onResponse;
    return {
      ...request,
      onResponse: (status, body, context, headers) => {
        if (typeof own === "function") own(status, body, context, headers);
        const expected = status < 400 || (options.expectConflicts && status === 409);
        if (!expected && !firstBad)
          firstBad = `${status} to ${request.method ?? "GET"} ${(request.setupRequest ? (context as Ctx).path : undefined) ?? request.path}: ${body.slice(0, 300)}`;
      },
    };
  });
  const warmUp = options.amount ? 0 : options.warmUp;
  let measuredFrom = Date.now() + warmUp * 1000;
  let rssBefore = memoryMb(options.pid);
  let cpuBefore = cpuMs(options.pid);
  const latencies: number[] = [];
  /** Answers that arrived in the measured window, whenever asked for: the throughput. */
  let answeredInWindow = 0;
  const firstAnswers = new Map<unknown, number>();
  let firstTimeouts = 0;
  return new Promise((resolve, reject) => {
    const startMeasuring =
      warmUp > 0
        ? setTimeout(() => {
            measuredFrom = Date.now();
            rssBefore = memoryMb(options.pid);
            cpuBefore = cpuMs(options.pid);
          }, warmUp * 1000)
        : undefined;
    const instance = autocannon(
      {
        url: options.base,
        connections: options.connections,
        duration: warmUp + options.seconds,
        ...(options.amount
          ? { amount: options.amount }
          : { maxOverallRequests: Math.ceil(MAX_RATE * (warmUp + options.seconds)) }),
        timeout: options.timeout ?? TIMEOUT_SECONDS,
        requests,
        setupClient: (client) => {
          // The client emits "timeout" (autocannon's types leave it out).
          (client as EventEmitter).on("timeout", () => {
            if (!firstAnswers.has(client)) firstTimeouts++;
          });
        },
      },
      (error: unknown, result: autocannon.Result) => {
        clearTimeout(startMeasuring);
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const elapsed = (Date.now() - measuredFrom) / 1000;
        const statuses: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {}))
          statuses[code] = count ?? 0;
        const conflicts = options.expectConflicts ? (statuses["409"] ?? 0) : 0;
        resolve({
          requests: answeredInWindow,
          reqPerSec: answeredInWindow / elapsed,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          firstAnswerMax: Math.max(0, ...firstAnswers.values()),
          statuses,
          ok: result["2xx"] + result["3xx"] + conflicts,
          conflicts,
          refused: result["4xx"] - conflicts,
          fiveXx: result["5xx"],
          socketErrors: result.errors,
          timeouts: result.timeouts,
          firstTimeouts,
          cpuPerRequest: (cpuMs(options.pid) - cpuBefore) / Math.max(answeredInWindow, 1),
          rssBefore,
          rssAfter: memoryMb(options.pid),
          ...(firstBad ? { firstBad } : {}),
        });
      },
    );
    instance.on("response", (client, status: number, _bytes: number, latency: number) => {
      if (!firstAnswers.has(client)) firstAnswers.set(client, latency);
      // Measured: asked for after the warm-up.
      const measured = warmUp === 0 || Date.now() - latency >= measuredFrom;
      if (measured) latencies.push(latency);
      if (warmUp === 0 || Date.now() >= measuredFrom) answeredInWindow++;
      options.onAnswer?.(status, latency, measured);
    });
  });
}

/** Per-connection state autocannon keeps between a request's setup and its answer. */
type Ctx = { path?: string; claimId?: number };

// ---------------------------------------------------------------------------------------------
// The mixed run: reads of the measured pages, one request in five a write through the API

interface ClaimRef {
  id: number;
  version: number;
}

/**
 * The claims the writes go round, with the version each was last seen at. The runs on claimdesk
 * share one pool, each going on where the last stopped: a write still in flight when a run ends
 * is committed, but its answer (the new version) is never read, and the next write to that claim
 * is a 409 (counted as an expected answer, and its version learnt from the answer).
 */
class ClaimPool {
  private next = 0;
  private readonly byId: Map<number, ClaimRef>;

  constructor(readonly claims: ClaimRef[]) {
    this.byId = new Map(claims.map((claim) => [claim.id, claim]));
  }

  take(): ClaimRef {
    return this.claims[this.next++ % this.claims.length]!;
  }

  get(id: number | undefined): ClaimRef | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** For the bare server, whose stored answers carry one claim's version. */
  copy(): ClaimPool {
    return new ClaimPool(this.claims.map((claim) => ({ ...claim })));
  }
}

interface KindStats {
  count: number;
  latencies: number[];
  statuses: Record<string, number>;
}

class Mixed {
  private written = 0;
  readonly kinds = new Map<string, KindStats>();
  /** The kind of the answer being counted: onResponse runs just before autocannon's "response" event. */
  private current = "";

  constructor(
    private readonly pool: ClaimPool,
    private readonly headers: Record<Auth, Record<string, string>>,
    private readonly reads: Array<{ kind: string; path: string; auth: Auth }>,
  ) {}

  private seen(kind: string) {
    this.current = kind;
  }

  /** Called for every answer, after its onResponse; counted by kind when it is in the measured window. */
  answer = (status: number, ms: number, measured: boolean) => {
    if (!measured) return;
    const stats = this.kinds.get(this.current) ?? { count: 0, latencies: [], statuses: {} };
    stats.count++;
    stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
    stats.latencies.push(ms);
    this.kinds.set(this.current, stats);
  };

  /** A claim's new version from an answer: the claim itself, an evidence answer's claim, or a conflict's current claim. */
  private learn(claimId: number | undefined, status: number, body: string) {
    const claim = this.pool.get(claimId);
    if (!claim) return;
    try {
      const json = JSON.parse(body) as {
        version?: number;
        claim?: { version?: number };
        current?: { version?: number };
      };
      const version = status === 409 ? json.current?.version : (json.claim?.version ?? json.version);
      if (typeof version === "number") claim.version = version;
    } catch {
      // not JSON: counted by its status
    }
  }

  requests(): autocannon.Request[] {
    const read = ({ kind, path, auth }: { kind: string; path: string; auth: Auth }): autocannon.Request => ({
      method: "GET",
      path,
      headers: this.headers[auth],
      onResponse: () => this.seen(kind),
    });
    const patch: autocannon.Request = {
      method: "PATCH",
      path: "/api/v1/claims/0",
      headers: { ...this.headers.token, "content-type": "application/json" },
      setupRequest: (request, context) => {
        const claim = this.pool.take();
        const ctx = context as Ctx;
        ctx.claimId = claim.id;
        ctx.path = `/api/v1/claims/${claim.id}`;
        return {
          ...request,
          path: ctx.path,
          body: JSON.stringify({
            version: claim.version,
            rationale: `Checked under load (${++this.written}).`,
          }),
        };
      },
      onResponse: (status, body, context) => {
        this.seen("write: PATCH claim");
        this.learn((context as Ctx).claimId, status, body);
      },
    };
    const evidence: autocannon.Request = {
      method: "POST",
      path: "/api/v1/claims/0/evidence",
      headers: { ...this.headers.token, "content-type": "application/json" },
      setupRequest: (request, context) => {
        const claim = this.pool.take();
        const ctx = context as Ctx;
        ctx.claimId = claim.id;
        ctx.path = `/api/v1/claims/${claim.id}/evidence`;
        const n = ++this.written;
        return {
          ...request,
          path: ctx.path,
          body: JSON.stringify({
            url: `https://example.org/loadtest/source-${n}`,
            title: `Load test source ${n}`,
            stance: ["supports", "refutes", "context"][n % 3],
          }),
        };
      },
      onResponse: (status, body, context) => {
        this.seen("write: POST evidence");
        this.learn((context as Ctx).claimId, status, body);
      },
    };
    // Ten requests a round per connection: eight reads of the measured pages, two writes (20%).
    const r = this.reads.map(read);
    const at = (i: number) => r[i % r.length]!;
    return [at(0), at(2), at(1), at(3), patch, at(4), at(0), at(2), at(4), evidence];
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function loudly(lines: string[]) {
  const bar = "!".repeat(100);
  console.log([bar, ...lines.map((line) => `!! ${line}`), bar].join("\n"));
}

/** Prints what the server logged during a run (its 500s are logged with their stack). */
function serverLogSince(server: Server, from: number): string[] {
  return server.log.slice(from, from + 40);
}

// ---------------------------------------------------------------------------------------------
// Setup shared by both modes

interface Prepared {
  target: Target;
  workspace: Workspace;
  server: Server;
  headers: Record<Auth, Record<string, string>>;
  seedSlug: string;
  seedArticleId: number;
  pool: ClaimPool;
  dir: string;
}

async function prepare(target: Target, dir: string): Promise<Prepared> {
  console.log(`Database: ${target.name}`);
  if (SIZE.articles < 500 || SIZE.articles * SIZE.claimsPerArticle < 10_000)
    console.log("  (smaller than the issue's 500 articles and 10,000 claims: a development run)");

  let began = performance.now();
  const workspace = await target.generate(SIZE);
  console.log(
    `  workspace: ${SIZE.articles} articles, ${(SIZE.articles * SIZE.claimsPerArticle).toLocaleString("en")} claims, ${SIZE.published} published, generated in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );

  // The seed fact-check (16 checked claims, 49 kB page) imported and published by the app itself,
  // through its Prisma client: the published page and the article workbench measured below.
  began = performance.now();
  process.env.DATABASE_URL = target.url;
  process.env.CLAIMDESK_PUBLIC_URL = `http://127.0.0.1:${PORT}`;
  const { loadFactCheck, SEED_FILE } = await import("../app/startup/seed.server");
  const { db } = await import("../app/db/client.server");
  const seedSlug = await loadFactCheck(SEED_FILE);
  const seedArticleId = (await db().article.findUniqueOrThrow({ where: { slug: seedSlug } })).id;
  await db().$disconnect();
  console.log(
    `  seed fact-check published through the app (article ${seedArticleId}) in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );

  const server = await startServer(target);
  const headers: Record<Auth, Record<string, string>> = {
    public: { "accept-encoding": "identity" },
    session: { "accept-encoding": "identity", cookie: `claimdesk_session=${workspace.sessionToken}` },
    token: { "accept-encoding": "identity", authorization: `Bearer ${workspace.apiToken}` },
  };

  // The claims the writes go round, with their versions, read through the API.
  const claims: ClaimRef[] = [];
  for (let page = 1; claims.length < WRITE_POOL; page++) {
    const response = await fetch(`${server.base}/api/v1/claims?limit=200&page=${page}`, {
      headers: headers.token,
    });
    if (!response.ok) throw new Error(`GET /api/v1/claims answered ${response.status}`);
    const { claims: found, next } = (await response.json()) as { claims: ClaimRef[]; next: string | null };
    claims.push(...found.map(({ id, version }) => ({ id, version })));
    if (!next) break;
  }
  return { target, workspace, server, headers, seedSlug, seedArticleId, pool: new ClaimPool(claims), dir };
}

/** Imports an article of just under 2 MB (the seed article's text, repeated) through the API. */
async function importTwoMegabytes(p: Prepared): Promise<number> {
  const seedText = readFileSync("fixtures/alibaba-ai-chip.txt", "utf8").trim() + "\n\n";
  const markdown = seedText.repeat(Math.floor(TWO_MB / Buffer.byteLength(seedText)));
  const began = performance.now();
  const response = await fetch(`${p.server.base}/api/v1/articles`, {
    method: "POST",
    headers: { ...p.headers.token, "content-type": "application/json" },
    body: JSON.stringify({ title: "Two megabytes of chip news", markdown, format: "text" }),
  });
  const answer = (await response.json()) as { id?: number; claimCount?: number; error?: string };
  if (response.status !== 201 || !answer.id)
    throw new Error(`importing the 2 MB article answered ${response.status}: ${answer.error}`);
  console.log(
    `  2 MB article (${kb(Buffer.byteLength(markdown))}) imported through the API as article ${answer.id}, ${answer.claimCount} claims proposed, in ${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  return answer.id;
}

/** One real write of each kind, checked: the writes of the mixed run are valid requests. */
async function sampleWrites(p: Prepared): Promise<Map<string, Captured>> {
  const writes = new Map<string, Captured>();
  const claim = p.pool.claims[p.pool.claims.length - 1]!;
  const send = async (method: "PATCH" | "POST", url: string, body: unknown) => {
    const response = await fetch(p.server.base + url, {
      method,
      headers: { ...p.headers.token, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${bytes.toString()}`);
    const json = JSON.parse(bytes.toString()) as { version?: number; claim?: { version: number } };
    claim.version = json.claim?.version ?? json.version ?? claim.version;
    writes.set(method, { status: response.status, type: response.headers.get("content-type")!, body: bytes });
  };
  await send("PATCH", `/api/v1/claims/${claim.id}`, { version: claim.version, rationale: "Checked once." });
  await send("POST", `/api/v1/claims/${claim.id}/evidence`, {
    url: "https://example.org/once",
    stance: "context",
  });
  return writes;
}

async function capture(p: Prepared, row: Row): Promise<Captured> {
  const response = await fetch(p.server.base + row.path, {
    headers: p.headers[row.auth],
    redirect: "manual",
  });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "text/html",
    body: Buffer.from(await response.arrayBuffer()),
  };
}

// ---------------------------------------------------------------------------------------------
// npm run loadtest

type MixedRow = { key: "mixed"; label: string; role: "mixed" };

interface Shape {
  connections: number;
  seconds: number;
  amount?: number;
  timeout?: number;
  /** 409 is an expected answer (the mixed run's writes with a version another write moved on). */
  expectConflicts?: boolean;
}

/** One run on claimdesk, then the same on the bare server, claimdesk left idle before both. */
async function sideBySide(
  p: Prepared,
  bare: { base: string; child: ChildProcess },
  shape: Shape,
  make: (side: "claimdesk" | "bare") => { requests: autocannon.Request[]; onAnswer?: RunOptions["onAnswer"] },
): Promise<[Outcome, Outcome]> {
  const outcomes: Outcome[] = [];
  for (const [side, base, pid] of [
    ["claimdesk", p.server.base, p.server.child.pid],
    ["bare", bare.base, bare.child.pid],
  ] as const) {
    await settle(p.server.child.pid);
    outcomes.push(await run({ base, pid, warmUp: WARMUP_SECONDS, ...shape, ...make(side) }));
  }
  return [outcomes[0]!, outcomes[1]!];
}

async function loadtest(p: Prepared) {
  const rows: Row[] = [
    {
      key: "published",
      label: "published page",
      path: `/fact-checks/${p.seedSlug}`,
      auth: "public",
      role: "reference",
    },
    { key: "fact-checks", label: "/fact-checks", path: "/fact-checks", auth: "public", role: "goal" },
    { key: "desk", label: "desk (signed in)", path: "/desk", auth: "session", role: "goal" },
    {
      key: "article",
      label: "article workbench",
      path: `/articles/${p.seedArticleId}`,
      auth: "session",
      role: "goal",
    },
    { key: "api-claims", label: "GET /api/v1/claims", path: "/api/v1/claims", auth: "token", role: "goal" },
    // Workspace search (app/search): a page like the others; skipped with a note if it ever 404s.
    {
      key: "search",
      label: "search",
      path: "/search?q=chip",
      auth: "session",
      role: "goal",
      optional: "search",
    },
  ];
  const wanted = (key: string) => !ONLY || ONLY.includes(key);
  if (wanted("big")) {
    const bigId = await importTwoMegabytes(p);
    rows.push({
      key: "big",
      label: "2 MB article workbench",
      path: `/articles/${bigId}`,
      auth: "session",
      role: "exempt",
    });
  }
  const writes = await sampleWrites(p);

  // Every page's bytes, fetched once, for the bare server.
  const pages = new Map<string, Captured>();
  const measured: Row[] = [];
  for (const row of rows) {
    const captured = await capture(p, row);
    if (row.optional && captured.status === 404) {
      console.log(`  NOTE: ${row.path} answers 404: ${row.optional} does not exist yet; its row is skipped.`);
      continue;
    }
    if (captured.status !== 200) throw new Error(`${row.path} answered ${captured.status} before the load`);
    pages.set(row.path, captured);
    measured.push(row);
  }
  const bare = await startBare(pages, writes, p.dir);

  console.log(
    `\nLoad at ${CONNECTIONS} connections, ${SECONDS} s a run after ${WARMUP_SECONDS} s of warm-up (the 2 MB workbench: ${BIG_REQUESTS} requests at once), loopback, ${cpus().length} CPUs, ${serverProcessCount()}, load average before ${loadavg()[0]!.toFixed(2)}`,
  );
  const results: Array<{ row: Row | MixedRow; bytes: number; app: Outcome; bare: Outcome }> = [];
  const reads = measured
    .filter((row) => row.key !== "big")
    .slice(0, 5)
    .map((row) => ({ kind: `read: ${row.label}`, path: row.path, auth: row.auth }));
  const order: Array<Row | MixedRow> = [
    ...measured.filter((row) => row.key !== "big" && wanted(row.key)),
    ...(wanted("mixed") ? [{ key: "mixed", label: "mixed, 20% writes", role: "mixed" } as const] : []),
    // Last: its abandoned work, if any, cannot slow another page's run.
    ...measured.filter((row) => row.key === "big"),
  ];
  let mixed: Mixed | undefined;
  for (const row of order) {
    const logFrom = p.server.log.length;
    let app: Outcome;
    let peer: Outcome;
    if (row.role === "mixed") {
      // The bare server answers every write with the same stored answer: its runs get a copy of
      // the claims, so the versions they learn never reach claimdesk's.
      mixed = new Mixed(p.pool, p.headers, reads);
      const measuredMixed = mixed;
      [app, peer] = await sideBySide(
        p,
        bare,
        { connections: CONNECTIONS, seconds: SECONDS, expectConflicts: true },
        (side) =>
          side === "claimdesk"
            ? { requests: measuredMixed.requests(), onAnswer: measuredMixed.answer }
            : { requests: new Mixed(p.pool.copy(), p.headers, reads).requests() },
      );
    } else {
      const requests = () => ({
        requests: [{ method: "GET" as const, path: row.path, headers: p.headers[row.auth] }],
      });
      const shape =
        row.role === "exempt"
          ? {
              connections: Math.min(CONNECTIONS, BIG_REQUESTS),
              seconds: BIG_TIMEOUT_SECONDS,
              amount: BIG_REQUESTS,
              timeout: BIG_TIMEOUT_SECONDS,
            }
          : { connections: CONNECTIONS, seconds: SECONDS };
      [app, peer] = await sideBySide(p, bare, shape, requests);
    }
    results.push({
      row,
      bytes: "path" in row ? pages.get(row.path)!.body.length : NaN,
      app,
      bare: peer,
    });
    report(p.server, logFrom, row.label, app);
  }

  // The table
  const header = [
    "run".padEnd(24),
    "bytes".padStart(9),
    "req/s".padStart(8),
    "p50".padStart(8),
    "p99".padStart(8),
    "ok".padStart(7),
    "4xx".padStart(5),
    "5xx".padStart(5),
    "sock".padStart(9),
    "1st answer".padStart(10),
    "RSS MB before→after".padStart(20),
    "CPU/req".padStart(8),
    "bare req/s".padStart(11),
    "bare p99".padStart(9),
    "vs bare".padStart(8),
  ].join(" ");
  console.log(`\n${header}`);
  for (const { row, bytes, app, bare: peer } of results) {
    console.log(
      [
        row.label.padEnd(24),
        (Number.isNaN(bytes) ? "" : kb(bytes)).padStart(9),
        app.reqPerSec.toFixed(app.reqPerSec < 10 ? 2 : 0).padStart(8),
        ms(app.p50).padStart(8),
        ms(app.p99).padStart(8),
        String(app.ok).padStart(7),
        String(app.refused).padStart(5),
        String(app.fiveXx).padStart(5),
        `${app.socketErrors}${app.socketErrors ? ` (${app.firstTimeouts})` : ""}`.padStart(9),
        ms(app.firstAnswerMax).padStart(10),
        `${mb(app.rssBefore)} → ${mb(app.rssAfter)}`.padStart(20),
        `${app.cpuPerRequest.toFixed(1)} ms`.padStart(8),
        peer.reqPerSec.toFixed(0).padStart(11),
        ms(peer.p99).padStart(9),
        `${((app.reqPerSec / peer.reqPerSec) * 100).toFixed(0)}%`.padStart(8),
      ].join(" "),
    );
  }
  if (mixed) {
    console.log("\nmixed run by kind (claimdesk):");
    for (const [kind, stats] of [...mixed.kinds].sort()) {
      const codes = Object.entries(stats.statuses)
        .map(([code, n]) => `${code}×${n}`)
        .join(" ");
      console.log(
        `  ${kind.padEnd(34)} ${String(stats.count).padStart(6)} answers   p50 ${ms(percentile(stats.latencies, 50)).padStart(7)}   p99 ${ms(percentile(stats.latencies, 99)).padStart(7)}   ${codes}`,
      );
    }
  }
  console.log(
    [
      "",
      `req/s: the answers of the ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up on the same connections; p50, p99: the requests sent in them (the 2 MB workbench: all ${BIG_REQUESTS} answers).`,
      `ok, 4xx, 5xx, sock: every answer of the run, warm-up included. ok: 2xx and 3xx (and 409 conflicts in the mixed run: ${results.find((r) => r.row.key === "mixed")?.app.conflicts ?? 0}); 4xx: other refusals; sock: socket errors and timeouts (${TIMEOUT_SECONDS} s), in brackets those of a connection's first request.`,
      "1st answer: the slowest first answer on a new connection (a burst of new connections waits for the busy server to accept them).",
      "CPU/req: the server process's CPU time per answer; vs bare: claimdesk's req/s as a share of a node:http server sending the same bytes.",
      `Server peak RSS ${mb(memoryMb(p.server.child.pid, "VmHWM"))} MB; load average after ${loadavg()[0]!.toFixed(2)}.`,
    ].join("\n"),
  );

  // Goals
  const errors = results.reduce((n, r) => n + r.app.socketErrors + r.app.refused, 0);
  const fiveXx = results.reduce((n, r) => n + r.app.fiveXx, 0);
  console.log(
    `GOAL ${errors === 0 && fiveXx === 0 ? "PASS" : "FAIL"}: zero errors and zero 5xx at ${CONNECTIONS} connections (errors ${errors}, 5xx ${fiveXx})`,
  );
  const reference = results.find((r) => r.row.role === "reference");
  if (reference) {
    const limit = reference.app.p99 * 10;
    const held = results.filter((r) => r.row.role === "goal");
    const slow = held.filter((r) => r.app.p99 >= limit);
    console.log(
      `GOAL ${slow.length === 0 ? "PASS" : "FAIL"}: every page but the 2 MB article workbench with p99 under 10x the published page's (${ms(reference.app.p99)}, so under ${ms(limit)})${slow.length ? `; over: ${slow.map((r) => `${r.row.label} ${ms(r.app.p99)} (${(r.app.p99 / reference.app.p99).toFixed(1)}x)`).join(", ")}` : ""}`,
    );
    for (const r of results.filter((r) => r.row.role !== "goal" && r.row.role !== "reference"))
      console.log(
        `  not held to it: ${r.row.label} p99 ${ms(r.app.p99)} (${(r.app.p99 / reference.app.p99).toFixed(1)}x)`,
      );
  } else console.log("GOAL not measured: the p99 goal needs the published page's run (LOADTEST_ONLY)");
  return fiveXx;
}

/** After each run: 5xx loudly, with the request that caused it and what the server logged. */
function report(server: Server, logFrom: number, what: string, outcome: Outcome) {
  if (outcome.fiveXx > 0)
    loudly([
      `${outcome.fiveXx} answers with a 5xx status during the ${what} run: ${JSON.stringify(outcome.statuses)}`,
      `first: ${outcome.firstBad ?? "(not recorded)"}`,
      "the server logged:",
      ...serverLogSince(server, logFrom),
    ]);
  else if (outcome.refused > 0 || outcome.socketErrors > 0)
    console.log(
      `  ${what}: ${outcome.refused} refused, ${outcome.socketErrors} socket errors (${outcome.timeouts} timeouts, ${outcome.firstTimeouts} of them a new connection's first request); first refusal: ${outcome.firstBad ?? "-"}`,
    );
}

// ---------------------------------------------------------------------------------------------
// npm run soak

async function soak(p: Prepared) {
  const warmUp = Math.min(60, SOAK_SECONDS * 0.1);
  const reads = [
    { kind: "read: published page", path: `/fact-checks/${p.seedSlug}`, auth: "public" as const },
    { kind: "read: /fact-checks", path: "/fact-checks", auth: "public" as const },
    { kind: "read: desk (signed in)", path: "/desk", auth: "session" as const },
    { kind: "read: article workbench", path: `/articles/${p.seedArticleId}`, auth: "session" as const },
    { kind: "read: GET /api/v1/claims", path: "/api/v1/claims", auth: "token" as const },
  ];
  const mixed = new Mixed(p.pool, p.headers, reads);
  const pid = p.server.child.pid;
  console.log(
    `\nSoak: the mixed run (20% writes) at ${SOAK_CONNECTIONS} connections for ${SOAK_SECONDS} s, RSS every 10 s, warm-up ${warmUp} s; ${cpus().length} CPUs, load average before ${loadavg()[0]!.toFixed(2)}`,
  );
  const began = Date.now();
  let answers = 0;
  const samples: Array<{ at: number; rss: number; answers: number }> = [];
  const sample = () => {
    const at = (Date.now() - began) / 1000;
    samples.push({ at, rss: memoryMb(pid), answers });
    console.log(
      `  ${at.toFixed(0).padStart(5)} s   RSS ${memoryMb(pid).toFixed(0).padStart(5)} MB   ${String(answers).padStart(8)} answers   load ${loadavg()[0]!.toFixed(2)}`,
    );
  };
  sample();
  const every = setInterval(sample, 10_000);
  let warmRss = NaN;
  const atWarmUp = setTimeout(() => {
    warmRss = memoryMb(pid);
    console.log(
      `  ${warmUp.toFixed(0).padStart(5)} s   RSS ${warmRss.toFixed(0).padStart(5)} MB   (after warm-up)`,
    );
  }, warmUp * 1000);
  const logFrom = p.server.log.length;
  const outcome = await run({
    base: p.server.base,
    pid,
    requests: mixed.requests(),
    connections: SOAK_CONNECTIONS,
    warmUp: 0,
    seconds: SOAK_SECONDS,
    expectConflicts: true,
    onAnswer: (status, latency, measured) => {
      answers++;
      mixed.answer(status, latency, measured);
    },
  });
  clearInterval(every);
  clearTimeout(atWarmUp);
  const endRss = memoryMb(pid);
  console.log(
    `  ${((Date.now() - began) / 1000).toFixed(0).padStart(5)} s   RSS ${endRss.toFixed(0).padStart(5)} MB   (end)`,
  );
  report(p.server, logFrom, "soak", outcome);
  console.log(
    `\n  ${outcome.requests} answers, ${outcome.reqPerSec.toFixed(0)} req/s, p50 ${ms(outcome.p50)}, p99 ${ms(outcome.p99)}, ok ${outcome.ok} (409 conflicts ${outcome.conflicts}), refused ${outcome.refused}, 5xx ${outcome.fiveXx}, socket errors ${outcome.socketErrors} (${outcome.firstTimeouts} first requests timed out), server CPU ${outcome.cpuPerRequest.toFixed(1)} ms/request, peak RSS ${mb(memoryMb(pid, "VmHWM"))} MB, load average after ${loadavg()[0]!.toFixed(2)}`,
  );
  for (const [kind, stats] of [...mixed.kinds].sort()) {
    const codes = Object.entries(stats.statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(" ");
    console.log(
      `  ${kind.padEnd(34)} ${String(stats.count).padStart(7)} answers   p50 ${ms(percentile(stats.latencies, 50)).padStart(7)}   p99 ${ms(percentile(stats.latencies, 99)).padStart(7)}   ${codes}`,
    );
  }
  // One reading rises and falls with the garbage collector by 10-20%: the level after warm-up and
  // at the end are each the median of the readings over a warm-up's length (60 s).
  const end = (Date.now() - began) / 1000;
  const readings = [...samples, { at: end, rss: endRss, answers }];
  const level = (from: number, to: number) =>
    percentile(
      readings.filter((r) => r.at >= from && r.at <= to).map((r) => r.rss),
      50,
    );
  const warmLevel = level(warmUp, warmUp * 2) || warmRss;
  const endLevel = level(end - warmUp, end);
  const growth = (endLevel - warmLevel) / warmLevel;
  const errors = outcome.refused + outcome.socketErrors + outcome.fiveXx;
  console.log(
    `GOAL ${Math.abs(growth) <= 0.1 && errors === 0 ? "PASS" : "FAIL"}: RSS at the end within 10% of after warm-up (medians of the readings from ${warmUp.toFixed(0)} to ${(warmUp * 2).toFixed(0)} s and of the last ${warmUp.toFixed(0)} s: ${warmLevel.toFixed(0)} → ${endLevel.toFixed(0)} MB, ${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)}%; single readings ${warmRss.toFixed(0)} → ${endRss.toFixed(0)} MB) and zero errors (${errors})`,
  );
  return outcome.fiveXx;
}

// ---------------------------------------------------------------------------------------------

const target = chooseTarget();
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-loadtest-bare-"));
let fiveXx: number;
try {
  const prepared = await prepare(target, dir);
  fiveXx = SOAK ? await soak(prepared) : await loadtest(prepared);
} finally {
  stopChildren();
  target.cleanUp();
  rmSync(dir, { recursive: true, force: true });
}
if (fiveXx > 0) {
  loudly([`${fiveXx} answers with a 5xx status: see above. Exit status 1.`]);
  process.exit(1);
}
process.exit(0);
