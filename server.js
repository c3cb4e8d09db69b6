// Production server: applies migrations and seeds before listening, refuses cross-site
// state-changing requests, serves built assets, and hands everything else to React Router.

// Production unless told otherwise, set before React, React Router and Express are loaded (they
// choose their development builds and stack-trace pages from it when they load).
process.env.NODE_ENV ||= "production";

// CLAIMDESK_PROCESSES=N (default 1) runs N server processes on one port (node:cluster), for a
// machine with several cores. Each prepares the database as separately started processes do,
// under the same lock (docs/deploying.md); a process that dies is replaced.
const { default: cluster } = await import("node:cluster");
const processes = processCount(process.env.CLAIMDESK_PROCESSES);
if (cluster.isPrimary && processes > 1) superviseProcesses(processes);
else await serve();

function processCount(value) {
  if (value === undefined || value === "") return 1;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 64) return n;
  console.error(`CLAIMDESK_PROCESSES must be a whole number from 1 to 64 (it is "${value}").`);
  process.exit(1);
}

function superviseProcesses(count) {
  let stopping = false;
  const startedAt = new Map();
  const start = () => startedAt.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) start();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    console.error(`A server process stopped (${signal ?? `exit code ${code}`}).`);
    // One that dies at start-up would die again: stop rather than restart it for ever.
    if (lived < 10_000) {
      console.error("It stopped within 10 s of starting: Claimdesk stops too.");
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill();
      process.exitCode = 1;
      return;
    }
    start();
  });
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
    });
}

/** The methods a route may answer; any other is refused with 405 before the router. */
const ANSWERED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

async function serve() {
  const { default: http } = await import("node:http");
  const { default: express } = await import("express");
  const { default: compression } = await import("compression");
  const { createRequestHandler } = await import("@react-router/express");

  const build = await import("./build/server/index.js");
  const {
    prepareDatabase,
    bodyTooLargeMessage,
    bodyLimitFor,
    routedPath,
    isApiPath,
    stateChangeRefusal,
    trustsProxy,
    servePublishedPage,
    createTurnQueue,
    malformedRequest,
    securityHeaders,
  } = build.entry.module;

  const { migrations, seeded } = await prepareDatabase();
  if (migrations.length) console.log(`Applied migrations: ${migrations.join(", ")}`);
  if (seeded) console.log("Seeded the Alibaba AI chip fact-check.");

  const app = express();
  app.disable("x-powered-by");
  // Behind one configured proxy: req.protocol and req.ip come from its X-Forwarded-Proto and
  // X-Forwarded-For (the entry it appended, not ones the client sent).
  if (trustsProxy()) app.set("trust proxy", 1);
  app.use(compression());
  // Every answer, static files included. Decided on the path the router will see, not the raw one
  // (/api/../settings is /settings).
  app.use((req, res, next) => {
    res.set(securityHeaders(routedPath(req.originalUrl)));
    next();
  });
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only a path that ends in a file name can be a file: pages skip the disk look-up.
  const publicFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (/\/[^/]+\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));
  // API clients read JSON errors; people read a sentence. Written with Node's own response
  // methods, so a request the turn queue refuses before Express sees it is answered the same way.
  const refuser =
    (req, res) =>
    (status, message, headers = {}) => {
      const api = isApiPath(routedPath(req.originalUrl ?? req.url ?? "/"));
      const body = api ? JSON.stringify({ error: message }) : message;
      res.writeHead(status, {
        ...headers,
        "Content-Type": api ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(body)),
      });
      res.end(body);
    };
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD") return next();
    const refuse = refuser(req, res);
    // React Router's web Request refuses TRACE and CONNECT with an exception, and no route
    // answers WebDAV's methods: a 405 here, never a 500 inside it.
    if (!ANSWERED_METHODS.includes(req.method))
      return refuse(405, `Claimdesk does not answer ${req.method} requests.`, {
        Allow: ANSWERED_METHODS.join(", "),
      });
    const { origin, referer, host, authorization } = req.headers;
    const refusal = stateChangeRefusal({ target: req.originalUrl, origin, referer, host, authorization });
    if (refusal) return refuse(refusal.status, refusal.message);
    // A body without a declared length could be endless: browsers and API clients declare it.
    if (req.headers["transfer-encoding"] && req.headers["content-length"] === undefined) {
      return refuse(
        411,
        "Send the request with a Content-Length header (chunked uploads are not accepted). Nothing was saved.",
      );
    }
    const limit = bodyLimitFor(routedPath(req.originalUrl));
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      return refuse(413, bodyTooLargeMessage(limit));
    }
    next();
  });
  // Rate limits need the client's address (req.ip is the socket's unless a proxy is trusted).
  app.all(
    "*",
    createRequestHandler({
      build,
      getLoadContext: (req) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "" }),
    }),
  );
  // Errors are always answered by Claimdesk, in a sentence: never Express's page with a stack
  // trace and file paths. A malformed address (bad %-encoding) is the client's mistake, not ours.
  app.use((error, req, res, next) => {
    if (res.headersSent) return next(error);
    const refuse = refuser(req, res);
    if (error instanceof URIError || error?.status === 400)
      return refuse(400, "That address is malformed. Check the link and try again.");
    console.error(error);
    return refuse(500, "Something went wrong on our side. Try again in a moment.");
  });

  // Pages other than stored ones start one per turn of the event loop, first come first served
  // (app/utils/turns.server.ts): under load, new connections are still accepted between them.
  const turns = createTurnQueue({
    start: ({ req, res }) => app(req, res),
    // Nothing of the request was done: a client or a proxy may safely send it again.
    refuse: ({ req, res }) =>
      refuser(req, res)(
        503,
        "The server is too busy to answer now. Nothing was done; try again in a moment.",
        { ...securityHeaders(null), "Retry-After": "5" },
      ),
    abandoned: (waiting) => waiting.gone,
    // As long as a page may take to render (entry.server.tsx) before it too is given up with a 503.
    maxWaitMs: 30_000,
    // About 10 s of signed-in pages on one core: later arrivals are told at once to come back.
    maxWaiting: 1_000,
  });
  const admit = (req, res) => {
    const waiting = { req, res, gone: false };
    // Before its answer, a response closes only when the client has gone.
    res.once("close", () => (waiting.gone = true));
    turns.admit(waiting);
  };
  // Published pages are stored bytes: answer them at once, before Express and React Router are involved.
  const server = http.createServer((req, res) => {
    const forwarded = trustsProxy()
      ? { host: req.headers["x-forwarded-host"], proto: req.headers["x-forwarded-proto"] }
      : undefined;
    const malformed = malformedRequest(req.headers.host, req.url, forwarded);
    if (malformed) return refuser(req, res)(400, malformed, securityHeaders(null));
    servePublishedPage(req, res).then(
      (served) => served || admit(req, res),
      (error) => {
        console.error(error);
        admit(req, res);
      },
    );
  });
  const port = Number(process.env.PORT ?? 3000);
  server.listen(port, () => console.log(`Claimdesk is running at http://localhost:${port}`));
}
