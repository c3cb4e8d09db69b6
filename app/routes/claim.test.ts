import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateWorkspace } from "../../scripts/bench-workspace";
import { routeArgs } from "./testing.server";

// The claim page's loader on a real SQLite file, as server.js calls it, with the app's own Prisma
// client logging every statement it runs. The page reads a dozen things about one claim; each
// should be read once, and no empty list of people looked up (Prisma's own loads of an empty
// relation, `IN (NULL)`, remain).
const { statements } = vi.hoisted(() => ({ statements: [] as string[] }));
vi.mock("../db/client.server", async (importOriginal) =>
  (await import("../db/testing.server")).loggingClientModule(await importOriginal(), statements),
);

const file = path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-claim-")), "claim.db");
const workspace = generateWorkspace(file, { articles: 12, claimsPerArticle: 8, published: 0 });
process.env.DATABASE_URL = `file:${file}`;
process.env.CLAIMDESK_SEED = "off";
// The source looked up is served on loopback by the test.
process.env.CLAIMDESK_ALLOW_PRIVATE_FETCH = "1";
const { loader } = await import("./claim");
const { db } = await import("../db/client.server");
const { evidenceAction } = await import("../newsroom/evidence-form.server");
const { createParser, DEFAULT_PARSER_LIMITS, parser } = await import("../importing/parser.server");

async function openClaim(claimId: number) {
  const claim = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
  const request = new Request(`http://localhost/articles/${claim.articleId}/claims/${claimId}`, {
    headers: { cookie: `claimdesk_session=${workspace.sessionToken}` },
  });
  statements.length = 0;
  const data = await loader(routeArgs(request, { id: String(claim.articleId), claimId: String(claimId) }));
  return { data, statements: [...statements] };
}

describe("the claim page", () => {
  it("reads the article's claim places once, for the claim's number and its history's", async () => {
    const { data, statements: run } = await openClaim(30);
    expect(data.claim.id).toBe(30);
    expect(data.claim.number).toBeGreaterThan(0);
    const places = run.filter((sql) =>
      /SELECT `main`\.`Claim`\.`id`, `main`\.`Claim`\.`start`, `main`\.`Claim`\.`end` FROM/.test(sql),
    );
    expect(places).toHaveLength(1);
  });

  it("looks up no empty list of people to name", async () => {
    // Nobody has edited, approved or commented on a generated claim: there is nobody to name.
    const { data, statements: run } = await openClaim(31);
    expect(data.lastEditor).toBeNull();
    expect(data.comments).toEqual([]);
    expect(run.filter((sql) => /WHERE 1=0/.test(sql))).toEqual([]);
    expect(run.filter((sql) => /"User"|`User`/.test(sql) && !/"Session"/.test(sql))).toHaveLength(1);
  });
});

describe("looking a source up while every parsing worker is busy", () => {
  it("says so over the form that asked, with a 429, and keeps what was typed", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<!doctype html><html><head><title>A source</title></head><body><p>Text.</p></body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // A parser whose workers are all taken and whose queue is full: it refuses every job at once.
    const full = createParser({ ...DEFAULT_PARSER_LIMITS, concurrency: 0, maxWaiting: 0 });
    const spy = vi.spyOn(parser, "page").mockImplementation(full.page);
    const values = {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/source`,
      note: "Typed before the look-up",
    };
    try {
      const user = { id: 1, email: "", name: "", role: "editor" as const };
      const answer = (await evidenceAction("lookup-evidence", values, { claimId: 30, here: "/", user })) as {
        data: unknown;
        init: { status: number; headers: HeadersInit };
      };
      expect(answer.init.status).toBe(429);
      expect(new Headers(answer.init.headers).get("Retry-After")).toBe("60");
      expect(answer.data).toEqual({
        ok: false,
        intent: "add-evidence",
        error: "Too many articles or pages are being read at once; try again in a minute. Nothing was saved.",
        values,
      });
    } finally {
      spy.mockRestore();
      server.close();
    }
  });
});

describe("removing a source", () => {
  it("is asked first: without the tick nothing is removed and the refusal says so", async () => {
    const evidence = await db().evidence.findFirstOrThrow({ orderBy: { id: "asc" } });
    const user = { id: 1, email: "", name: "", role: "editor" as const };
    const here = { claimId: evidence.claimId, here: "/claim", user };
    const values = { intent: "remove-evidence", evidenceId: String(evidence.id) };
    const refused = (await evidenceAction("remove-evidence", values, here)) as {
      data: { error: string; values: Record<string, string> };
      init: { status: number };
    };
    expect(refused.init.status).toBe(400);
    expect(refused.data.error).toBe("Nothing was removed. Tick “Yes, remove this source” to remove it.");
    expect(refused.data.values.evidenceId).toBe(String(evidence.id));
    expect(await db().evidence.findUnique({ where: { id: evidence.id } })).not.toBeNull();
    const removed = (await evidenceAction("remove-evidence", { ...values, confirm: "on" }, here)) as Response;
    expect(removed.status).toBe(302);
    expect(await db().evidence.findUnique({ where: { id: evidence.id } })).toBeNull();
  });
});
