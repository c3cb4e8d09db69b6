// Production server: applies migrations and seeds before listening, refuses cross-site
// state-changing requests, serves built assets, and hands everything else to React Router.
import http from "node:http";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@react-router/express";

const build = await import("./build/server/index.js");
const { prepareDatabase, isSameOrigin, MAX_BODY_BYTES, servePublishedPage } = build.entry.module;

const { migrations, seeded } = await prepareDatabase();
if (migrations.length) console.log(`Applied migrations: ${migrations.join(", ")}`);
if (seeded) console.log("Seeded the Alibaba AI chip fact-check.");

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
app.use((req, res, next) => {
  res.set({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  // Claim cards are made to be embedded elsewhere; nothing else may be framed by other sites.
  if (!req.path.startsWith("/embed/")) res.set("X-Frame-Options", "SAMEORIGIN");
  if (req.method === "GET" || req.method === "HEAD") return next();
  // The API authenticates by bearer token only (never the cookie), so another site cannot ride on it.
  const isApi = req.path.startsWith("/api/");
  // API clients read JSON errors; people read a sentence.
  const refuse = (status, message) => (isApi ? res.status(status).json({ error: message }) : res.status(status).type("text/plain").send(message));
  if (!isApi && !isSameOrigin(req.headers.origin, req.headers.referer, req.headers.host)) {
    return refuse(403, "Refused: this form was sent from another site. Reload Claimdesk and try again.");
  }
  // A body without a declared length could be endless: browsers and API clients declare it.
  if (req.headers["transfer-encoding"] && req.headers["content-length"] === undefined) {
    return refuse(411, "Send the request with a Content-Length header (chunked uploads are not accepted). Nothing was saved.");
  }
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    return refuse(413, "That upload is too large: articles are limited to 2 MB. Nothing was saved.");
  }
  next();
});
// Rate limits (classroom links) need the client's address; nothing else is passed along.
app.all("*", createRequestHandler({ build, getLoadContext: (req) => ({ clientAddress: req.socket.remoteAddress ?? "" }) }));

// Published pages are stored bytes: answer them before Express and React Router are involved.
const server = http.createServer((req, res) => {
  servePublishedPage(req, res).then(
    (served) => served || app(req, res),
    (error) => {
      console.error(error);
      app(req, res);
    },
  );
});
const port = Number(process.env.PORT ?? 3000);
server.listen(port, () => console.log(`Claimdesk is running at http://localhost:${port}`));
