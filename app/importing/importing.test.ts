import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAddress } from "./address-policy";
import { fetchPage } from "./import.server";
import { FetchRefused, safeFetch } from "./safe-fetch.server";

const ARTICLE = readFileSync("fixtures/web/chip-export-rules.html", "utf8");
const run = promisify(execFile);

/** A small site on a loopback address: an article, redirects, and pages that misbehave. */
function startSite(host: string, routes: Record<string, http.RequestListener>): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const handler = routes[req.url ?? ""];
    if (handler) return handler(req, res);
    res.writeHead(404).end("not here");
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}
const base = (server: http.Server) =>
  `http://${(server.address() as AddressInfo).address}:${(server.address() as AddressInfo).port}`;

let site: http.Server;
let other: http.Server;

beforeAll(async () => {
  site = await startSite("127.0.0.1", {
    "/article": (_req, res) =>
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(ARTICLE),
    "/plain": (_req, res) =>
      res
        .writeHead(200, { "Content-Type": "text/plain" })
        .end("A plain report\n\nAcme sold 5 million chips in 2024."),
    "/image": (_req, res) => res.writeHead(200, { "Content-Type": "image/png" }).end("\x89PNG"),
    "/huge": (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      const chunk = "<p>" + "x".repeat(65_536) + "</p>";
      let sent = 0;
      const pump = () => {
        while (sent < 6 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      pump();
    },
    "/slow": () => {
      /* never answers */
    },
    "/loop": (_req, res) => res.writeHead(302, { Location: "/loop" }).end(),
    "/to-article": (_req, res) => res.writeHead(301, { Location: "/article" }).end(),
    "/huge-json-ld": (_req, res) =>
      res
        .writeHead(200, { "Content-Type": "text/html" })
        .end(
          ARTICLE.replace(
            "<head>",
            `<head><script type="application/ld+json">[${Array(300_000).fill("{}").join(",")}]</script>`,
          ),
        ),
  });
  // A second site on another loopback address, which redirects to the first.
  other = await startSite("127.0.0.2", {
    "/redirect-to-loopback": (_req, res) => res.writeHead(302, { Location: `${base(site)}/article` }).end(),
  });
});

afterAll(() => {
  site.close();
  other.close();
});

describe("the address guard", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.5", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["fe80::1", "link-local"],
    ["fc00::7", "unique-local"],
    ["100.64.0.1", "shared"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
  ])("refuses %s (%s)", (address) => {
    expect(checkAddress(address).allowed).toBe(false);
  });

  it("allows public addresses, and private ones only when told to, never metadata", () => {
    expect(checkAddress("93.184.216.34")).toEqual({ allowed: true });
    expect(checkAddress("2606:4700::6810:84e5")).toEqual({ allowed: true });
    expect(checkAddress("127.0.0.1", true)).toEqual({ allowed: true });
    expect(checkAddress("169.254.169.254", true).allowed).toBe(false);
  });
});

describe("fetching a page safely", () => {
  it("refuses loopback by default, by name and by address, with the reason", async () => {
    await expect(safeFetch(`${base(site)}/article`, { allowPrivate: false })).rejects.toThrow(
      /127\.0\.0\.1 is a loopback address/,
    );
    const port = (site.address() as AddressInfo).port;
    await expect(safeFetch(`http://localhost:${port}/article`, { allowPrivate: false })).rejects.toThrow(
      /loopback address/,
    );
  });

  it("re-checks every redirect hop: a permitted page cannot redirect to a forbidden one", async () => {
    const onlyTheSecondSite = (address: string) =>
      address === "127.0.0.2"
        ? ({ allowed: true } as const)
        : ({ allowed: false, reason: `${address} is a loopback address (this server itself).` } as const);
    await expect(
      safeFetch(`${base(other)}/redirect-to-loopback`, { checkAddress: onlyTheSecondSite }),
    ).rejects.toThrow(/Refused to fetch 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/);
  });

  it("refuses other schemes, non-text content, oversized pages, slow pages and redirect loops", async () => {
    const local = { allowPrivate: true };
    await expect(safeFetch("ftp://example.com/x", local)).rejects.toThrow(/Only http:\/\/ and https:\/\//);
    await expect(safeFetch("file:///etc/passwd", local)).rejects.toThrow(/Only http/);
    await expect(safeFetch(`${base(site)}/image`, local)).rejects.toThrow(
      /serves image\/png, not an HTML page/,
    );
    await expect(safeFetch(`${base(site)}/huge`, local)).rejects.toThrow(/larger than 5 MB/);
    await expect(safeFetch(`${base(site)}/slow`, { ...local, timeoutMs: 300 })).rejects.toThrow(
      /longer than 0.3 seconds/,
    );
    await expect(safeFetch(`${base(site)}/loop`, local)).rejects.toThrow(/more than 5 redirects/);
    await expect(safeFetch(`${base(site)}/missing`, local)).rejects.toThrow(/HTTP 404/);
    await expect(safeFetch("http://no-such-host.invalid/", local)).rejects.toBeInstanceOf(FetchRefused);
  });

  it("follows redirects and extracts the article with its metadata", async () => {
    const page = await fetchPage(`${base(site)}/to-article`, { allowPrivate: true });
    expect(page).toMatchObject({
      title: "US tightens export rules on AI chips to China",
      author: "Sam Okafor",
      outlet: "Example Wire",
      originalDate: "2025-10-14",
      sourceUrl: "https://wire.example/tech/chip-export-rules",
    });
    expect(page.markdown).toContain("adding 140 companies to its entity list.");
    expect(page.markdown).toContain("## Industry reaction");
    expect(page.markdown).not.toMatch(/Subscribe|Share on|All rights reserved|Privacy/);
    const hostile = await fetchPage(`${base(site)}/huge-json-ld`, { allowPrivate: true });
    expect(hostile).toMatchObject({
      title: "US tightens export rules on AI chips to China",
      author: "Sam Okafor",
    });
    const plain = await fetchPage(`${base(site)}/plain`, { allowPrivate: true });
    expect(plain.title).toBe("A plain report");
  });
});

describe("npm run import", () => {
  const env = () => ({
    ...process.env,
    DATABASE_URL: `file:${path.join(mkdtempSync(path.join(tmpdir(), "claimdesk-import-")), "db.sqlite")}`,
    CLAIMDESK_SEED: "off",
  });

  it("imports a page from a URL and prints its id, slug and proposed claims", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/import.ts", `${base(site)}/article`], {
      env: { ...env(), CLAIMDESK_ALLOW_PRIVATE_FETCH: "1" },
    });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ id: 1, slug: "us-tightens-export-rules-on-ai-chips-to-china" });
    expect(result.claims).toBeGreaterThanOrEqual(5);
  });

  it("imports a saved .html file the same way", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/import.ts", "fixtures/web/chip-export-rules.html"], {
      env: env(),
    });
    expect(JSON.parse(stdout).slug).toBe("us-tightens-export-rules-on-ai-chips-to-china");
  });

  it("exits non-zero with the reason when the guard refuses", async () => {
    const failure = await run("npx", ["tsx", "scripts/import.ts", `${base(site)}/article`], {
      env: { ...env(), CLAIMDESK_ALLOW_PRIVATE_FETCH: "" },
    }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(
      /^import: Refused to fetch 127\.0\.0\.1:\d+: 127\.0\.0\.1 is a loopback address/,
    );
  });
});
