import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import internals from "@prisma/internals";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// A busy workspace built in this process on a real SQLite file, then exported, restored and
// exported again with the real commands (npm run data:export / data:import) as child processes.
const source = await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser, inviteUser } = await import("../auth/users.server");
const { createApiToken } = await import("../auth/tokens.server");
const { startSession } = await import("../auth/session.server");
const { loadFactCheck } = await import("../startup/seed.server");
const { importArticle } = await import("../newsroom/articles.server");
const { reviewClaim, assignClaim, attributeClaim } = await import("../newsroom/claims.server");
const { sendBackClaim } = await import("../newsroom/approval.server");
const { addEvidence } = await import("../newsroom/evidence.server");
const { createExercise, submit, exerciseByCode } = await import("../classroom/exercises.server");
const { EXPORTED_COLUMNS, SECRET_COLUMNS } = await import("./workspace.server");

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-backup-"));
const envFor = (file: string) => ({ ...process.env, DATABASE_URL: `file:${file}`, CLAIMDESK_SEED: "off" });
const exportOf = async (file: string, to: string) => {
  await run("npx", ["tsx", "scripts/data-export.ts", to], { env: envFor(file) });
  return JSON.parse(readFileSync(to, "utf8"));
};
const SECRET_PASSWORD = "a very secret password";
let secrets: string[] = [];

beforeAll(async () => {
  await loadFactCheck("fixtures/alibaba-ai-chip.fact-check.json");
  const admin = await createUser({
    email: "admin@backup.test",
    name: "Ada Admin",
    role: "admin",
    password: SECRET_PASSWORD,
  });
  const editor = await createUser({
    email: "ed@backup.test",
    name: "Émile Éditeur 🧪",
    role: "editor",
    password: SECRET_PASSWORD,
  });
  const asAdmin = { ...admin, role: "admin" as const };
  const asEditor = { ...editor, role: "editor" as const };
  const { token } = await createApiToken(editor.id, "laptop");
  const invite = await inviteUser({ email: "new@backup.test", name: "New Person", role: "viewer" }, asAdmin);
  const cookie = await startSession(editor.id, new Request("http://localhost/"));
  secrets = [token, invite.token, cookie.split(";")[0]!.split("=")[1]!, SECRET_PASSWORD, "scrypt$"];
  const article = await importArticle(
    {
      title: "Ünïcode & <b>markup</b>",
      source: "Acme sold 4 million chips in 2025, up 40%.\n\nIt said “all” of them shipped on time.",
      format: "markdown",
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
    },
    editor.id,
  );
  const claim = await db().claim.findFirstOrThrow({ where: { articleId: article.id } });
  await assignClaim(claim.id, editor.id, asAdmin);
  await addEvidence(
    claim.id,
    {
      url: "https://example.org/report",
      title: "Annual report",
      publisher: "Acme",
      publishedOn: "2025-03",
      stance: "supports",
      note: "",
      excerpt: "4 million",
      archiveUrl: "",
    },
    asEditor,
  );
  const current = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
  const reviewed = await reviewClaim(
    claim.id,
    {
      version: current.version,
      verdict: "accurate",
      rationale: "Matches the **report**.",
      status: "needs-review",
    },
    asEditor,
  );
  const attributed = await attributeClaim(
    claim.id,
    reviewed.version,
    {
      claimant: "Acme",
      claimantType: "organization",
      claimDate: "2025-02",
      appearances: ["https://example.com/press"],
    },
    asEditor,
  );
  await sendBackClaim(claim.id, attributed.version, "Add the page number.", asAdmin);
  const exercise = await createExercise(
    {
      slug: "alibaba-ai-chip",
      title: "Chip claims",
      instructions: "",
      mode: "marked",
      claimIds: [(await db().claim.findFirstOrThrow({ where: { status: "approved" } })).id],
    },
    asAdmin,
  );
  const view = (await exerciseByCode(exercise.code))!;
  await submit(
    view,
    "Sam",
    view.units.map((u) => ({ unit: u.index, verdict: "unsupported" as const, source: "" as const })),
    "a device token of the test",
  );
  const { loadReferenceIfEmpty, correctReferenceRow } = await import("../reference/reference.server");
  await loadReferenceIfEmpty();
  const h20 = await db().hardwareReference.findUniqueOrThrow({ where: { name: "NVIDIA HGX H20" } });
  await correctReferenceRow(h20.id, h20.version, { ...h20, aliases: "Hopper H20", tdpWatts: 350 }, editor);
  const { parseClaimReviewJson } = await import("../importing/claim-review");
  const { importReviews } = await import("../reviews/reviews.server");
  await importReviews(
    parseClaimReviewJson(readFileSync("fixtures/claim-reviews/sample.jsonld", "utf8")),
    editor,
  );
});

// Each command is a child process (tsx start-up included): generous time on slow machines.
describe("npm run data:export and data:import", { timeout: 90_000 }, () => {
  it("round-trips the whole workspace losslessly into an empty database", async () => {
    const first = await exportOf(source, path.join(dir, "first.json"));
    expect(first.articles.length).toBe(2);
    expect(first.articles.map((a: { language: string }) => a.language)).toContain("en");
    expect(first.claims.length).toBeGreaterThan(20);
    expect(first.publications.length).toBe(1);
    expect(first.submissions.length).toBe(1);
    expect(first.externalReviews.length).toBe(2);
    expect(first.auditEvents.length).toBeGreaterThan(5);
    expect(first.hardwareReferences.length).toBe(170);
    expect(first.hardwareReferences.find((r: { name: string }) => r.name === "NVIDIA HGX H20")).toMatchObject(
      {
        aliases: "Hopper H20",
        tdpWatts: 350,
        version: 2,
      },
    );
    expect(first.users.map((u: { email: string }) => u.email)).toEqual([
      "admin@backup.test",
      "ed@backup.test",
      "new@backup.test",
    ]);

    const restored = path.join(dir, "restored.db");
    const { stdout } = await run("npx", ["tsx", "scripts/data-import.ts", path.join(dir, "first.json")], {
      env: envFor(restored),
    });
    expect(stdout).toMatch(/Imported 3 users, 2 articles/);
    expect(stdout).toMatch(/ed@backup\.test {2}http:\/\/localhost:3000\/invite\/[\w-]{43}/);

    const second = await exportOf(restored, path.join(dir, "second.json"));
    expect({ ...second, exportedAt: "" }).toEqual({ ...first, exportedAt: "" });
  });

  it("writes no secret: no password hashes, session ids, API tokens or invitation links", async () => {
    const text = readFileSync(path.join(dir, "first.json"), "utf8");
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/passwordHash|inviteTokenHash|inviteExpiresAt|apiToken|"sessions"/);
  });

  it("covers every column of every table except the secrets (so a new column cannot be silently dropped)", async () => {
    const dmmf = await internals.getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
    const skipped = new Set(["Session", "ApiToken", "AttemptWindow", "SubmissionToken"]);
    for (const model of dmmf.datamodel.models) {
      if (skipped.has(model.name)) continue;
      const columns = model.fields.filter((f) => f.kind === "scalar").map((f) => f.name);
      const secret = SECRET_COLUMNS[model.name as keyof typeof SECRET_COLUMNS] ?? [];
      expect(EXPORTED_COLUMNS[model.name as keyof typeof EXPORTED_COLUMNS], model.name).toEqual(
        columns.filter((c) => !secret.includes(c)),
      );
    }
  });

  it("refuses to import into a database that is not empty, and changes nothing", async () => {
    const before = await db().article.count();
    const failure = await run("npx", ["tsx", "scripts/data-import.ts", path.join(dir, "first.json")], {
      env: envFor(source),
    }).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/not empty/);
    expect(await db().article.count()).toBe(before);
  });

  it("refuses malformed and inconsistent files with a message, importing nothing", async () => {
    const garbage = path.join(dir, "garbage.json");
    writeFileSync(garbage, "{ not json");
    const notJson = await run("npx", ["tsx", "scripts/data-import.ts", garbage], {
      env: envFor(path.join(dir, "a.db")),
    }).catch((e) => e);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/cannot be read as JSON/);

    const broken = JSON.parse(readFileSync(path.join(dir, "first.json"), "utf8"));
    broken.claims[0].articleId = 99999;
    const brokenFile = path.join(dir, "broken.json");
    writeFileSync(brokenFile, JSON.stringify(broken));
    const target = path.join(dir, "b.db");
    const inconsistent = await run("npx", ["tsx", "scripts/data-import.ts", brokenFile], {
      env: envFor(target),
    }).catch((e) => e);
    expect(inconsistent.code).toBe(1);
    expect(inconsistent.stderr).toMatch(/claims do not fit together/);
    expect(inconsistent.stderr).not.toMatch(/\n\s+at /);
    const after = await exportOf(target, path.join(dir, "b.json"));
    expect(after.users).toEqual([]);
    expect(after.articles).toEqual([]);

    const wrongShape = path.join(dir, "wrong.json");
    writeFileSync(wrongShape, JSON.stringify({ schema: "something else" }));
    const shape = await run("npx", ["tsx", "scripts/data-import.ts", wrongShape], {
      env: envFor(path.join(dir, "c.db")),
    }).catch((e) => e);
    expect(shape.code).toBe(1);
    expect(shape.stderr).toMatch(/not a Claimdesk workspace export/);
  });
});
