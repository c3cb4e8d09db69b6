import { mkdtempSync } from "node:fs";
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
const { loader } = await import("./claim");
const { db } = await import("../db/client.server");

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
