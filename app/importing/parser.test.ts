import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPage, findArticle, JSON_LD_LIMITS } from "./extract-page";
import { pageFromHtml } from "./import.server";
import { createParser, DEFAULT_PARSER_LIMITS, PageNotExtracted, pageRefusal } from "./parser.server";

const ARTICLE = readFileSync("fixtures/web/chip-export-rules.html", "utf8");
const run = promisify(execFile);

/** 20,000 nested <div>s: quadratic in Readability, and deeper than its recursion can go. */
const NESTED_DIVS = `<html><head><title>Nested</title></head><body>${"<div>".repeat(20_000)}<p>Acme sold 5 million chips in 2024.</p>${"</div>".repeat(20_000)}</body></html>`;
const withJsonLd = (json: string) =>
  `<html><head><title>The page's title</title><script type="application/ld+json">${json}</script></head><body><article><p>${"Acme sold 5 million chips in 2024. ".repeat(20)}</p></article></body></html>`;

const quick = (limits: Partial<typeof DEFAULT_PARSER_LIMITS> = {}) =>
  createParser({ ...DEFAULT_PARSER_LIMITS, timeoutMs: 2_000, ...limits }).page;

describe("extracting pages in a worker", () => {
  it("extracts an article and its metadata the same way as before", async () => {
    const page = await pageFromHtml(ARTICLE, "https://wire.example/x");
    expect(page).toMatchObject({
      title: "US tightens export rules on AI chips to China",
      author: "Sam Okafor",
      outlet: "Example Wire",
      originalDate: "2025-10-14",
    });
    expect(page.markdown).toContain("## Industry reaction");
  });

  it("answers nested-div HTML with a clear message when it runs out of time, never a TypeError", async () => {
    const failure = await pageFromHtml(NESTED_DIVS, "", quick()).catch((error) => error);
    expect(failure).toBeInstanceOf(PageNotExtracted);
    expect(failure.message).toBe(
      "This page is too complex to extract within 2 seconds. Save it as text or markdown and import that instead.",
    );
  });

  it("answers with a clear message when the page needs more memory than the budget", async () => {
    const huge = `<html><body>${"<p>Acme sold 5 million chips.</p>".repeat(150_000)}</body></html>`;
    const failure = await pageFromHtml(huge, "", quick({ maxHeapMb: 16, timeoutMs: 30_000 })).catch(
      (error) => error,
    );
    expect(failure).toBeInstanceOf(PageNotExtracted);
    expect(failure.message).toBe(
      "This page needs more than 16 MB of memory to extract. Save it as text or markdown and import that instead.",
    );
  });

  describe("while a hostile page is being extracted", () => {
    let server: http.Server;
    beforeAll(async () => {
      server = http.createServer((_req, res) => res.end("ok"));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => server.close());

    it("the server keeps answering: every request completes before the extraction ends", async () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const events: string[] = [];
      // 1,000 nested divs: several seconds of Readability, refused here after 2.
      const hostile = `<html><body>${"<div>".repeat(1_000)}<p>Acme sold 5 million chips in 2024.</p>${"</div>".repeat(1_000)}</body></html>`;
      const extraction = Promise.resolve()
        .then(() => pageFromHtml(hostile, "", quick()))
        .then(
          () => events.push("extraction ended"),
          () => events.push("extraction ended"),
        );
      for (let i = 0; i < 10; i++) {
        await fetch(url).then((res) => res.text());
        events.push("answered");
      }
      await extraction;
      expect(events).toEqual([...Array(10).fill("answered"), "extraction ended"]);
    });
  });

  it("runs at most `concurrency` extractions, queues `maxWaiting` more and refuses the rest at once", async () => {
    const extract = quick({ concurrency: 1, maxWaiting: 1, timeoutMs: 1_000 });
    const outcomes = await Promise.all(
      [1, 2, 3].map((n) =>
        extract(NESTED_DIVS, "https://x.example/").catch(
          (error: Error & { status?: number }) =>
            `${n}: ${error.status ? `${error.status}: ` : ""}${error.message}`,
        ),
      ),
    );
    expect(outcomes[0]).toMatch(/^1: This page is too complex to extract within 1 second\./);
    expect(outcomes[1]).toMatch(/^2: This page is too complex to extract within 1 second\./);
    // The third is the one refusal of a busy parser, for a page as for an article's text: a 429.
    expect(outcomes[2]).toBe(
      "3: 429: Too many articles or pages are being read at once; try again in a minute. Nothing was saved.",
    );
    // The turns are given back: the next page is extracted (here: runs out of time), not refused.
    await expect(extract(NESTED_DIVS, "https://x.example/")).rejects.toThrow(
      /too complex to extract within 1 second/,
    );
  });
});

describe("what a failed extraction tells the person", () => {
  const failureOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error as Error;
    }
    throw new Error("did not fail");
  };

  it("a stack overflow (what nested HTML does to Readability, linkedom and turndown) says the page is nested too deeply", () => {
    const recurse = (n: number): number => recurse(n + 1) + 1;
    expect(
      pageRefusal(
        failureOf(() => recurse(0)),
        DEFAULT_PARSER_LIMITS,
      ).message,
    ).toBe(
      "This page's HTML is nested too deeply to extract. Save it as text or markdown and import that instead.",
    );
  });

  it("anything else says the page could not be extracted, without the error's own words", () => {
    const refusal = pageRefusal(
      failureOf(() => (null as unknown as { x: number }).x),
      DEFAULT_PARSER_LIMITS,
    );
    expect(refusal).toBeInstanceOf(PageNotExtracted);
    expect(refusal.message).toBe(
      "This page could not be extracted. Save it as text or markdown and import that instead.",
    );
  });
});

describe("reading JSON-LD from a hostile page", () => {
  it("a 300,000-element JSON-LD array gives the page's other metadata, not a RangeError", async () => {
    const page = extractPage(withJsonLd(`[${Array(300_000).fill("1").join(",")}]`), "https://x.example/");
    expect(page.title).toBe("The page's title");
    expect(page.markdown).toContain("Acme sold 5 million chips");
  });

  it("walks at most a bounded number of values, iteratively, whatever the shape", () => {
    const article = { "@type": "NewsArticle", headline: "Found" };
    const junkThen = (n: number) => [...Array(n).fill(1), article];
    expect(findArticle(junkThen(100))).toBe(article);
    expect(findArticle(junkThen(JSON_LD_LIMITS.nodes))).toBeNull();
    expect(findArticle(Array(300_000).fill([1, 2, 3]))).toBeNull();
    let deep: unknown = article;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findArticle(deep as never)).toBeNull();
    expect(
      findArticle(
        [1, 2, { "@graph": [{ "@type": ["Thing", "NewsArticle"], headline: "Found" }] }] as never,
        100,
      ),
    ).toMatchObject({ headline: "Found" });
  });

  it("a junk block does not hide the page's real JSON-LD after it", () => {
    const junk = `[${Array(100_000).fill("1").join(",")}]`;
    const real = `{"@type":"NewsArticle","headline":"The real headline","author":{"name":"Sam Okafor"}}`;
    const html = withJsonLd(junk).replace(
      "</head>",
      `<script type="application/ld+json">${real}</script></head>`,
    );
    expect(extractPage(html, "https://x.example/")).toMatchObject({
      title: "The real headline",
      author: "Sam Okafor",
    });
  });

  it("reads names from deeply nested or huge values without recursing", () => {
    const author = `${"[".repeat(50_000)}"Deep"${"]".repeat(50_000)}`;
    const headline = JSON.stringify(Array(10_000).fill("Headline"));
    const page = extractPage(
      withJsonLd(
        `{"@type":"NewsArticle","headline":${headline},"author":${author},"publisher":{"name":"Example Wire"}}`,
      ),
      "https://x.example/",
    );
    expect(page.title).toBe(Array(JSON_LD_LIMITS.names).fill("Headline").join(", "));
    expect(page.author).toBe("");
    expect(page.outlet).toBe("Example Wire");
  });
});

describe("npm run import with a hostile saved page", () => {
  it("exits 1 with the clear message instead of a stack trace", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-hostile-"));
    const file = path.join(dir, "nested.html");
    writeFileSync(file, NESTED_DIVS);
    const env = {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "db.sqlite")}`,
      CLAIMDESK_SEED: "off",
    };
    const failure = await run("npx", ["tsx", "scripts/import.ts", file], { env }).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toBe(
      "import: This page is too complex to extract within 10 seconds. Save it as text or markdown and import that instead.\n",
    );
  });
});

describe("reading other fact-checkers' ClaimReviews in a worker", () => {
  // A worker's first job loads its modules (from the sources, through tsx, in tests): allow for it.
  const reviewer = (limits: Partial<typeof DEFAULT_PARSER_LIMITS> = {}) =>
    createParser({ ...DEFAULT_PARSER_LIMITS, timeoutMs: 10_000, ...limits });
  const REVIEW = {
    "@type": "ClaimReview",
    url: "https://checker.example/a",
    claimReviewed: "Acme sold 5 million chips in 2024.",
    author: { "@type": "Organization", name: "Checker" },
    reviewRating: { "@type": "Rating", alternateName: "False" },
  };

  it("reads a page's JSON-LD, pasted JSON-LD and the API's body, each to the same review", async () => {
    const parser = reviewer();
    const fromPage = await parser.reviews("page", withJsonLd(JSON.stringify(REVIEW)));
    const fromJson = await parser.reviews("json", JSON.stringify(REVIEW));
    const fromRequest = await parser.reviewRequest(JSON.stringify({ claimReview: [REVIEW] }));
    for (const read of [fromPage, fromJson, fromRequest])
      expect(read).toMatchObject({
        reviews: [{ review: { url: "https://checker.example/a" } }],
        skipped: [],
      });
    expect(await parser.reviewRequest('{"url": " https://checker.example/a "}')).toEqual({
      url: "https://checker.example/a",
    });
    await parser.close();
  });

  it("refuses what it cannot read with the sentence the form or the API shows", async () => {
    const parser = reviewer();
    const refusal = (run: Promise<unknown>) =>
      run.then(
        () => "read",
        (error: Error) => error.message,
      );
    expect(await refusal(parser.reviews("page", "<html><body><p>No reviews.</p></body></html>"))).toBe(
      "The page has no ClaimReview in its JSON-LD.",
    );
    expect(await refusal(parser.reviews("json", "{not json"))).toBe("The JSON-LD is not valid JSON.");
    expect(await refusal(parser.reviewRequest("{not json"))).toBe("The request body is not valid JSON.");
    expect(await refusal(parser.reviewRequest('{"url": "https://a.example", "extra": 1}'))).toBe(
      "Unknown field(s): extra. Nothing was saved.",
    );
    expect(await refusal(parser.reviewRequest("{}"))).toBe(
      'Send either {"url": "…"} (a fact-check page) or {"claimReview": …} (ClaimReview JSON-LD). Nothing was saved.',
    );
    await parser.close();
  });

  it("a page of nested tags (quadratic in linkedom) runs out of its budget in the worker, with advice", async () => {
    const parser = reviewer({ timeoutMs: 500 });
    const nested = `<html><body>${"<div>".repeat(150_000)}</body></html>`;
    const failure = await parser.reviews("page", nested).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(PageNotExtracted);
    expect((failure as Error).message).toBe(
      "This page is too complex to extract within 0.5 seconds. Paste its ClaimReview JSON-LD instead.",
    );
    await parser.close();
  });

  describe("while a hostile page's reviews are read", () => {
    let server: http.Server;
    beforeAll(async () => {
      server = http.createServer((_req, res) => res.end("ok"));
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => server.close());

    it("the server keeps answering: every request completes before the reading ends", async () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const parser = reviewer({ timeoutMs: 2_000 });
      const events: string[] = [];
      // 150,000 nested divs: about 20 s of linkedom on the request thread, refused here after 2.
      const hostile = `<html><body>${"<div>".repeat(150_000)}</body></html>`;
      const reading = parser.reviews("page", hostile).then(
        () => events.push("reading ended"),
        () => events.push("reading ended"),
      );
      for (let i = 0; i < 10; i++) {
        await fetch(url).then((res) => res.text());
        events.push("answered");
      }
      await reading;
      expect(events).toEqual([...Array(10).fill("answered"), "reading ended"]);
      await parser.close();
    });
  });
});
