import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// npm run --silent reviews:import: one line of JSON on stdout, skipped reviews and refusals as
// sentences on stderr, exit 1 for input it cannot use and 2 for a wrong command line.
const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-reviews-"));
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, "db.sqlite")}`,
  CLAIMDESK_SEED: "off",
  CLAIMDESK_ALLOW_PRIVATE_FETCH: "",
};
const cli = (...args: string[]) => run("npx", ["tsx", "scripts/reviews-import.ts", ...args], { env });

describe("npm run reviews:import", { timeout: 60_000 }, () => {
  it("imports a JSON-LD file, then updates it, printing the counts", async () => {
    const first = await cli("fixtures/claim-reviews/sample.jsonld");
    expect(JSON.parse(first.stdout)).toEqual({ imported: 2, updated: 0, skipped: 1 });
    expect(first.stderr).toContain("Review 3 skipped: It has no url.");
    const again = await cli("fixtures/claim-reviews/sample.jsonld");
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, updated: 2, skipped: 1 });
  });

  it("refuses what it cannot use with a sentence and exit 1, a wrong command line with 2", async () => {
    const broken = path.join(dir, "broken.jsonld");
    writeFileSync(broken, "{ not json");
    for (const [target, message] of [
      [broken, "reviews:import: The JSON-LD is not valid JSON."],
      [path.join(dir, "missing.jsonld"), "there is no such file"],
      [dir, "there is no such file"],
      ["http://127.0.0.1:9/page", "loopback address"],
    ]) {
      const failure = await cli(target!).catch((e) => e);
      expect(failure.code, target).toBe(1);
      expect(failure.stderr, target).toContain(message);
      expect(failure.stdout, target).toBe("");
    }
    expect((await cli().catch((e) => e)).code).toBe(2);
  });
});
