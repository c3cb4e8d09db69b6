import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";

// Which versions are refused as "Nothing changed", on a real SQLite file with the seed
// fact-check, through the review workflow's own functions.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { loadFactCheck } = await import("../startup/seed.server");
const { approveClaim, sendBackClaim } = await import("../newsroom/approval.server");
const { publishArticle } = await import("./publish.server");
const { latestNumber } = await import("./latest.server");

const SLUG = "alibaba-ai-chip";
const article = () => db().article.findUniqueOrThrow({ where: { slug: SLUG } });
const publish = async (changeNote: string) =>
  publishArticle(
    (await article()).id,
    { articleVersion: (await article()).version, changeNote, changeKind: "correction" },
    null,
  );

let reviewer: CurrentUser;

beforeAll(async () => {
  await loadFactCheck("fixtures/alibaba-ai-chip.fact-check.json");
  const user = await createUser({
    email: "second@unchanged.test",
    name: "Second Reviewer",
    role: "reviewer",
    password: "a long password",
  });
  reviewer = { ...user, role: "reviewer" };
});

describe("a version that reads as the last one", () => {
  it("is refused when a claim was only approved again, by the same people, later; another approver is a change", async () => {
    const original = await db().claim.findFirstOrThrow({
      where: { article: { slug: SLUG }, status: "approved" },
    });
    const first = original.id;
    const returned = await sendBackClaim(first, original.version, "One more look, please.", reviewer);
    await approveClaim(first, returned.version, reviewer);
    // Readers read who approved each claim: another reviewer's approval is worth a version.
    const before = (await latestNumber({ slug: SLUG }))!;
    await expect(publish("Reviewed again by the second reviewer.")).resolves.toMatchObject({
      number: before + 1,
    });

    // The same reviewer approving the same findings again changes only a time: refused.
    const claim = await db().claim.findUniqueOrThrow({ where: { id: first } });
    const sentBack = await sendBackClaim(claim.id, claim.version, "And once more.", reviewer);
    await approveClaim(claim.id, sentBack.version, reviewer);
    const approved = await db().claim.findUniqueOrThrow({ where: { id: first } });
    expect(approved.approvedAt!.getTime()).toBeGreaterThan(claim.approvedAt!.getTime());
    await expect(publish("Approved again.")).rejects.toThrow(`Nothing changed since version ${before + 1}: `);
    expect(await latestNumber({ slug: SLUG })).toBe(before + 1);
  });

  it("is published when what readers read changed", async () => {
    const before = (await latestNumber({ slug: SLUG }))!;
    const claim = await db().claim.findFirstOrThrow({
      where: { article: { slug: SLUG }, status: "approved" },
    });
    await db().claim.update({
      where: { id: claim.id },
      data: { rationale: `${claim.rationale} Checked again.` },
    });
    await expect(publish("The rationale, completed.")).resolves.toMatchObject({ number: before + 1 });
  });
});
