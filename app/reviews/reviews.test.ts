import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { apiHandler } from "../api/testing.server";
import { routeArgs } from "../routes/testing.server";

// Storing other fact-checkers' reviews on both databases (vitest.config.ts ON_BOTH_DATABASES).
// Pages are served on loopback by the test: allowed here as CLAIMDESK_ALLOW_PRIVATE_FETCH=1 allows.
process.env.CLAIMDESK_ALLOW_PRIVATE_FETCH = "1";
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { parseClaimReviewJson, parseClaimReviewValue } = await import("../importing/claim-review");
const {
  importReviews,
  listReviews,
  reviewsFromPage,
  importFromReviewForm,
  IMPORT_BATCH,
  MAX_WAITING_IMPORTS,
} = await import("./reviews.server");
const { createParser, DEFAULT_PARSER_LIMITS, parser } = await import("../importing/parser.server");
const { startSession } = await import("../auth/session.server");
const { createApiToken } = await import("../auth/tokens.server");
const { action: reviewsAction } = await import("../routes/reviews");
const handleApi = await apiHandler();

let editor: { id: number };
const sample = () => parseClaimReviewJson(readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8"));

beforeAll(async () => {
  editor = await createUser({
    email: "ed@reviews.test",
    name: "Ed",
    role: "editor",
    password: "a long password",
  });
});

describe("importing other fact-checkers' reviews", () => {
  it("stores the valid reviews, names the skipped one, and updates on a second import", async () => {
    expect(await importReviews(sample(), editor)).toEqual({
      imported: 2,
      updated: 0,
      skipped: [{ index: 2, reason: "It has no url." }],
    });
    expect(await importReviews(sample(), editor)).toMatchObject({ imported: 0, updated: 2 });
    expect(await db().externalReview.count()).toBe(2);
    const stored = await db().externalReview.findUniqueOrThrow({
      where: { url: "https://factcheck.example.org/2024/05/alibaba-chip-12-tops" },
    });
    expect(stored).toMatchObject({
      claimant: "Alibaba",
      publisher: "Example Fact Check",
      publisherUrl: "https://factcheck.example.org/",
      reviewDate: "2024-05-02",
      ratingText: "Misleading",
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      importedById: editor.id,
    });
  });

  it("updates a review's fields when its URL comes again, and lists newest first", async () => {
    const again = parseClaimReviewValue({
      "@type": "ClaimReview",
      url: "https://checkers.example.net/reviews/battery-life",
      claimReviewed: "The tablet's battery lasts a week.",
      reviewRating: { alternateName: "Mostly false" },
    });
    expect(await importReviews(again, null)).toEqual({ imported: 0, updated: 1, skipped: [] });
    const { reviews, total } = await listReviews(1);
    expect(total).toBe(2);
    const battery = reviews.find((r) => r.url.includes("battery"))!;
    expect(battery).toMatchObject({
      claimReviewed: "The tablet's battery lasts a week.",
      ratingText: "Mostly false",
    });
    const fresh = parseClaimReviewValue({
      "@type": "ClaimReview",
      url: "https://new.example.org/1",
      claimReviewed: "Something new \u0000 with a NUL",
    });
    expect(await importReviews(fresh, null)).toMatchObject({ imported: 1 });
    expect((await listReviews(1)).reviews[0]).toMatchObject({
      url: "https://new.example.org/1",
      claimReviewed: "Something new with a NUL",
    });
  });

  it("imports a large feed in batches, each stored for everyone to read before the next is written", async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      "@type": "ClaimReview",
      url: `https://bulk.example.org/${i}`,
      claimReviewed: `Bulk claim number ${i}`,
    }));
    const where = { url: { startsWith: "https://bulk.example.org/" } };
    // Another request reads how many are stored, again and again, while the import runs. Written
    // in one transaction, it would read none until the end, then all (on PostgreSQL its reads run
    // beside the transaction; on SQLite they wait for it): batches are read as they are stored.
    let importing = true;
    const importDone = importReviews(parseClaimReviewValue(many), null).finally(() => (importing = false));
    const seen: number[] = [];
    while (importing) {
      seen.push(await db().externalReview.count({ where }));
      // The next read comes on a later turn of the event loop, as another request's would.
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await importDone).toMatchObject({ imported: 1_200 });
    // Whole batches only (10, 20, 40, 80, then 100 at a time), in order, some before the last.
    const stored = [0];
    for (let size = 10; stored.at(-1)! < 1_200; size = Math.min(2 * size, IMPORT_BATCH))
      stored.push(Math.min(stored.at(-1)! + size, 1_200));
    expect(
      seen.filter((n) => !stored.includes(n)),
      seen.join(" "),
    ).toEqual([]);
    expect(seen, seen.join(" ")).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.filter((n) => n > 0 && n < 1_200).length, seen.join(" ")).toBeGreaterThan(0);
    expect(await importReviews(parseClaimReviewValue(many), null)).toMatchObject({
      imported: 0,
      updated: 1_200,
    });
    expect(await db().externalReview.count()).toBe(1_203);
  });

  it("keeps the batches stored before a failure, says so, and completes when sent again", async () => {
    const total = 3 * IMPORT_BATCH + 10;
    const feed = parseClaimReviewValue(
      Array.from({ length: total }, (_, i) => ({
        "@type": "ClaimReview",
        url: `https://interrupted.example.org/${i}`,
        claimReviewed: `Interrupted claim number ${i}`,
      })),
    );
    const client = db();
    const transaction = client.$transaction.bind(client);
    let calls = 0;
    const spy = vi.spyOn(client, "$transaction").mockImplementation(((...args: [never, never]) => {
      if (++calls === 5) throw new Error("the disk is full");
      return transaction(...args);
    }) as never);
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let message: string;
    try {
      message = await importReviews(feed, editor).then(
        () => "",
        (error: Error) => error.message,
      );
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
    }
    const said = new RegExp(
      `^The import stopped after storing (\\d+) of ${total} reviews\\. Send the same reviews again`,
    ).exec(message);
    expect(said, message).not.toBeNull();
    const stored = Number(said![1]);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(total);
    const where = { url: { startsWith: "https://interrupted.example.org/" } };
    expect(await db().externalReview.count({ where })).toBe(stored);
    expect(await importReviews(feed, editor)).toMatchObject({ imported: total - stored, updated: stored });
    expect(await db().externalReview.count({ where })).toBe(total);
  });

  it("runs two imports sent at once one after the other", async () => {
    const feed = () =>
      parseClaimReviewValue(
        Array.from({ length: 2 * IMPORT_BATCH + 1 }, (_, i) => ({
          "@type": "ClaimReview",
          url: `https://at-once.example.org/${i}`,
          claimReviewed: `Claim sent twice at once, number ${i}`,
        })),
      );
    const [first, second] = await Promise.all([importReviews(feed(), null), importReviews(feed(), null)]);
    expect(first).toMatchObject({ imported: 2 * IMPORT_BATCH + 1, updated: 0 });
    expect(second).toMatchObject({ imported: 0, updated: 2 * IMPORT_BATCH + 1 });
  });

  it("refuses an import beyond the few that may wait, at once and with a sentence", async () => {
    const one = (n: number) =>
      parseClaimReviewValue({
        "@type": "ClaimReview",
        url: `https://queue.example.org/${n}`,
        claimReviewed: "X",
      });
    const outcomes = await Promise.all(
      Array.from({ length: MAX_WAITING_IMPORTS + 3 }, (_, n) =>
        importReviews(one(n), null).then(
          () => "imported",
          (error: Error & { status?: number }) => `${error.status}: ${error.message}`,
        ),
      ),
    );
    // One runs, MAX_WAITING_IMPORTS wait their turn, the rest are told to come back.
    expect(outcomes.filter((o) => o === "imported")).toHaveLength(MAX_WAITING_IMPORTS + 1);
    expect(outcomes.slice(MAX_WAITING_IMPORTS + 1)).toEqual([
      "429: Claimdesk is importing too many review files right now. Try again in a minute; nothing was saved.",
      "429: Claimdesk is importing too many review files right now. Try again in a minute; nothing was saved.",
    ]);
    // And the queue takes imports again once it has room.
    expect(await importReviews(one(99), null)).toMatchObject({ imported: 1 });
  });

  it("reads a fact-check page's JSON-LD through the guarded fetch", async () => {
    const pages: Record<string, string> = {
      "/check": `<!doctype html><html><head><title>A check</title>
        <script type="application/ld+json">{"@type":"WebPage","name":"A check"}</script>
        <script type="application/ld+json">${JSON.stringify({
          "@context": "https://schema.org",
          "@graph": [
            {
              "@type": "ClaimReview",
              url: "https://page.example.org/check",
              claimReviewed: "A page's reviewed claim",
              author: { name: "Page Checks" },
              reviewRating: { alternateName: "False" },
            },
          ],
        })}</script></head><body><p>Text</p></body></html>`,
      "/plain": "<!doctype html><html><head><title>Nothing</title></head><body></body></html>",
      // Nested tags: seconds of linkedom, which must not hold the thread that answers requests.
      "/nested": `<html><body>${"<div>".repeat(60_000)}</body></html>`,
      "/ok": "ok",
    };
    const server = http.createServer((req, res) => {
      const page = pages[req.url ?? ""];
      res.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page ?? "not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const parsed = await reviewsFromPage(`${base}/check`);
      expect(parsed.reviews.map((r) => r.review)).toMatchObject([
        { url: "https://page.example.org/check", publisher: "Page Checks", ratingText: "False" },
      ]);
      await expect(reviewsFromPage(`${base}/plain`)).rejects.toThrow(
        "The page has no ClaimReview in its JSON-LD.",
      );
      await expect(reviewsFromPage("file:///etc/passwd")).rejects.toThrow("http or https");
      expect(await importFromReviewForm({ url: `${base}/check`, json: "" }, editor)).toMatchObject({
        imported: 1,
      });
      await expect(importFromReviewForm({ url: "", json: "" }, editor)).rejects.toThrow(
        "Give a fact-check page's address or paste its ClaimReview JSON-LD.",
      );
      await expect(importFromReviewForm({ url: `${base}/check`, json: "[]" }, editor)).rejects.toThrow(
        "not both",
      );
      await expect(importFromReviewForm({ url: "", json: "[1," }, editor)).rejects.toMatchObject({
        fields: { json: "The JSON-LD is not valid JSON." },
      });

      // The page is read in a parsing worker: requests are answered while it is read.
      const events: string[] = [];
      const reading = reviewsFromPage(`${base}/nested`).then(
        () => events.push("page read"),
        () => events.push("page read"),
      );
      await new Promise((resolve) => setTimeout(resolve, 50)); // the page is fetched and handed over
      for (let i = 0; i < 5; i++) {
        await fetch(`${base}/ok`).then((res) => res.text());
        events.push("answered");
      }
      await reading;
      expect(events).toEqual([...Array(5).fill("answered"), "page read"]);
    } finally {
      server.close();
    }
  });
});

describe("when every parsing worker is busy", () => {
  // A parser whose workers are all taken and whose queue is full, as the server's is under load:
  // it refuses every job at once, through the same refusals, without starting a worker.
  const full = createParser({ ...DEFAULT_PARSER_LIMITS, concurrency: 0, maxWaiting: 0 });
  const BUSY = "Too many articles or pages are being read at once; try again in a minute. Nothing was saved.";
  const JSON_LD = readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8");
  const page = `<!doctype html><html><head><script type="application/ld+json">${JSON_LD}</script></head></html>`;
  let server: http.Server;
  let pageUrl = "";

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/check`;
    return () => void server.close();
  });

  /** Runs `work` with the server's parser refusing (only the `methods` named) as a full one does. */
  async function whileBusy<T>(methods: Array<"reviews" | "reviewRequest">, work: () => Promise<T>) {
    const spies = methods.map((method) => vi.spyOn(parser, method).mockImplementation(full[method] as never));
    try {
      return await work();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  it("the reviews form answers 429 with Retry-After over the form, and keeps what was given", async () => {
    const cookie = (await startSession(editor.id, new Request("http://localhost/"))).split(";")[0]!;
    const stored = await db().externalReview.count();
    for (const values of [
      { url: pageUrl, json: "" },
      { url: "", json: JSON_LD },
    ]) {
      const request = new Request("http://localhost/reviews", {
        method: "POST",
        headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(values),
      });
      const answer = (await whileBusy(["reviews"], () => reviewsAction(routeArgs(request)))) as unknown as {
        data: { ok: boolean; error: string; fields?: Record<string, string>; values: Record<string, string> };
        init: { status: number; headers: HeadersInit };
      };
      const what = values.url ? "a page's address" : "pasted JSON-LD";
      expect(answer.init.status, what).toBe(429);
      expect(new Headers(answer.init.headers).get("Retry-After"), what).toBe("60");
      expect(answer.data, what).toEqual({ ok: false, intent: "import-reviews", error: BUSY, values });
    }
    expect(await db().externalReview.count()).toBe(stored);
  });

  it("the API answers 429 with Retry-After, for a page's address and for reviews sent", async () => {
    const user = await createUser({
      email: "api@reviews.test",
      name: "Api",
      role: "editor",
      password: "a long password",
    });
    const token = (await createApiToken(user.id, "busy")).token;
    const post = (body: unknown) =>
      handleApi(
        new Request("http://localhost/api/v1/external-reviews", {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify(body),
        }),
      );
    for (const [body, busy] of [
      [{ url: pageUrl }, ["reviews"]], // the body is read; the page it names is not
      [{ claimReview: JSON.parse(JSON_LD) as unknown }, ["reviewRequest"]], // the body itself is not read
    ] as const) {
      const answer = await whileBusy([...busy], () => post(body));
      expect(answer.status, busy[0]).toBe(429);
      expect(answer.headers.get("Retry-After"), busy[0]).toBe("60");
      expect(await answer.json(), busy[0]).toEqual({ error: BUSY });
    }
  });
});
