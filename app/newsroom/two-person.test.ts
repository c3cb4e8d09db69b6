import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import type { CurrentUser } from "../auth/session.server";
import { apiHandler } from "../api/testing.server";

// The two-person rule on a real SQLite file: it follows who wrote the verdict and rationale,
// not who touched the claim last.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { createApiToken } = await import("../auth/tokens.server");
const { importArticle } = await import("./articles.server");
const { reviewClaim } = await import("./claims.server");
const { approveClaim } = await import("./approval.server");
const { addEvidence } = await import("./evidence.server");
const handleApi = await apiHandler();

const people: Record<"editor" | "reviewer" | "secondReviewer" | "thirdReviewer", CurrentUser> = {} as never;
const tokens: Record<string, string> = {};
const SOURCE = {
  url: "https://example.org/unrelated",
  title: "Unrelated",
  publisher: "",
  publishedOn: "",
  stance: "context" as const,
  note: "",
  excerpt: "",
  archiveUrl: "",
};

beforeAll(async () => {
  const roles = {
    editor: "editor",
    reviewer: "reviewer",
    secondReviewer: "reviewer",
    thirdReviewer: "reviewer",
  } as const;
  for (const [key, role] of Object.entries(roles) as Array<
    [keyof typeof roles, (typeof roles)[keyof typeof roles]]
  >) {
    const user = await createUser({ email: `${key}@two.test`, name: key, role, password: "a long password" });
    people[key] = { ...user, role };
    tokens[key] = (await createApiToken(user.id, "test")).token;
  }
});

async function freshClaim(title: string) {
  const article = await importArticle(
    {
      title,
      outlet: "",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "text",
      source: "Acme shipped 5 million chips in 2024.",
    },
    people.editor.id,
  );
  return db().claim.findFirstOrThrow({ where: { articleId: article.id } });
}

describe("the two-person rule (domain)", () => {
  it("keeps refusing the verdict's author after an editor adds evidence; another reviewer approves", async () => {
    const claim = await freshClaim("Domain story");
    const reviewed = await reviewClaim(
      claim.id,
      { version: claim.version, verdict: "accurate", rationale: "Shipping data.", status: "needs-review" },
      people.reviewer,
    );
    expect(reviewed.verdictById).toBe(people.reviewer.id);
    await expect(approveClaim(claim.id, reviewed.version, people.reviewer)).rejects.toThrow(
      /two-person rule/,
    );

    await addEvidence(claim.id, SOURCE, people.editor);
    const touched = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(touched.lastEditorId).toBe(people.editor.id);
    expect(touched.verdictById).toBe(people.reviewer.id);
    await expect(approveClaim(claim.id, touched.version, people.reviewer)).rejects.toThrow(/two-person rule/);

    const approved = await approveClaim(claim.id, touched.version, people.secondReviewer);
    expect(approved).toMatchObject({
      status: "approved",
      approvedById: people.secondReviewer.id,
      verdictById: people.reviewer.id,
    });
  });

  it("refuses everyone who wrote any part of the verdict or rationale; someone who wrote none of it approves", async () => {
    const claim = await freshClaim("New author");
    const first = await reviewClaim(
      claim.id,
      { version: claim.version, verdict: "accurate", rationale: "One.", status: "needs-review" },
      people.reviewer,
    );
    const second = await reviewClaim(
      claim.id,
      { version: first.version, verdict: "accurate", rationale: "One, rewritten.", status: "needs-review" },
      people.secondReviewer,
    );
    expect(second.verdictById).toBe(people.secondReviewer.id);
    await expect(approveClaim(claim.id, second.version, people.secondReviewer)).rejects.toThrow(
      /two-person rule/,
    );
    await expect(approveClaim(claim.id, second.version, people.reviewer)).rejects.toThrow(/two-person rule/);
    expect((await approveClaim(claim.id, second.version, people.thirdReviewer)).status).toBe("approved");
  });

  it("a full stop added by someone else does not let the verdict's author approve it", async () => {
    const claim = await freshClaim("Full stop");
    const written = await reviewClaim(
      claim.id,
      { version: claim.version, verdict: "inaccurate", rationale: "No benchmark", status: "needs-review" },
      people.reviewer,
    );
    const touched = await reviewClaim(
      claim.id,
      { version: written.version, verdict: "inaccurate", rationale: "No benchmark.", status: "needs-review" },
      people.editor,
    );
    expect(touched.verdictById).toBe(people.editor.id);
    await expect(approveClaim(claim.id, touched.version, people.reviewer)).rejects.toThrow(/two-person rule/);
    const approved = await approveClaim(claim.id, touched.version, people.secondReviewer);
    expect(approved.status).toBe("approved");

    // A later change starts a new round: only what was written since the approval counts.
    const corrected = await reviewClaim(
      claim.id,
      {
        version: approved.version,
        verdict: "inaccurate",
        rationale: "No public benchmark.",
        status: "needs-review",
      },
      people.editor,
    );
    expect(corrected.status).toBe("needs-review");
    expect((await approveClaim(claim.id, corrected.version, people.reviewer)).status).toBe("approved");
  });
});

async function call(method: string, path: string, as: string, body?: unknown) {
  const response = await handleApi(
    new Request(`http://localhost/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[as]}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

describe("the two-person rule (API)", () => {
  it("refuses the verdict's own approval before and after an editor adds a source", async () => {
    const claim = await freshClaim("API story");
    const patched = await call("PATCH", `/claims/${claim.id}`, "reviewer", {
      version: claim.version,
      verdict: "accurate",
      rationale: "Checked.",
      status: "needs-review",
    });
    expect(patched.status).toBe(200);
    const own = await call("POST", `/claims/${claim.id}/approve`, "reviewer", {
      version: patched.json.version,
    });
    expect(own.status).toBe(403);

    const added = await call("POST", `/claims/${claim.id}/evidence`, "editor", {
      url: SOURCE.url,
      stance: "context",
    });
    expect(added.status).toBe(201);
    const ownAgain = await call("POST", `/claims/${claim.id}/approve`, "reviewer", {
      version: added.json.claim.version,
    });
    expect(ownAgain.status).toBe(403);
    expect(ownAgain.json.error).toMatch(/two-person/);

    const other = await call("POST", `/claims/${claim.id}/approve`, "secondReviewer", {
      version: added.json.claim.version,
    });
    expect(other.status).toBe(200);
    expect(other.json.status).toBe("approved");
  });
});
