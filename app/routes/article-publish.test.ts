import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

// Approving or publishing a verdict that cites no sources is allowed (an "unsupported" verdict may
// stand on an absence), but the methodology promises readers each claim's sources: the claim
// page's approval and the article's publish section say so, and how many claims stay unchecked.
await useFreshDatabase();
const { db } = await import("../db/client.server");
const { createUser } = await import("../auth/users.server");
const { startSession } = await import("../auth/session.server");
const { importArticle } = await import("../newsroom/articles.server");
const { reviewClaim } = await import("../newsroom/claims.server");
const { approveClaim } = await import("../newsroom/approval.server");
const { loader } = await import("./article");
const { PublishForm } = await import("../ui/ArticleForms");
const { ClaimVerdictPanel } = await import("../ui/ClaimVerdictPanel");

let articleId = 0;
let cookie = "";

beforeAll(async () => {
  const password = "a long password";
  const editor = await createUser({ email: "ed@publish.test", name: "Ed", role: "editor", password });
  const reviewer = await createUser({ email: "rev@publish.test", name: "Rev", role: "reviewer", password });
  cookie = (await startSession(reviewer.id, new Request("http://localhost/login"))).split(";")[0]!;
  const article = await importArticle(
    {
      title: "Zentrix launch",
      outlet: "Chip Wire",
      author: "",
      sourceUrl: "",
      originalDate: "",
      format: "markdown",
      source:
        "Zentrix says its accelerator delivers 512 TOPS of INT8 performance.\n\nThe company claims the chip uses 40 percent less power than its predecessor.",
    },
    editor.id,
  );
  articleId = article.id;
  const first = await db().claim.findFirstOrThrow({ where: { articleId }, orderBy: { start: "asc" } });
  const reviewed = await reviewClaim(
    first.id,
    {
      version: first.version,
      verdict: "unsupported",
      rationale: "Nothing was published.",
      status: "needs-review",
    },
    { ...editor, role: "editor" },
  );
  await approveClaim(first.id, reviewed.version, { ...reviewer, role: "reviewer" });
});

const rendered = (element: ReturnType<typeof createElement>) =>
  renderToString(createElement(createRoutesStub([{ path: "/", Component: () => element }])));

describe("a verdict without sources", () => {
  it("is counted in the publish section, with the claims left unchecked", async () => {
    const request = new Request(`http://localhost/articles/${articleId}`, { headers: { cookie } });
    const page = (await loader(routeArgs(request, { id: String(articleId) }))) as unknown as {
      data: { totals: { approved: number; approvedWithoutSources: number; unchecked: number } };
    };
    const totals = page.data?.totals ?? (page as unknown as { totals: typeof page.data.totals }).totals;
    expect(totals).toMatchObject({ approved: 1, approvedWithoutSources: 1 });
    expect(totals.unchecked).toBeGreaterThan(0);
    const html = rendered(
      createElement(PublishForm, { articleVersion: 1, nextVersion: 1, totals, state: null }),
    );
    expect(html).toContain("It cites<!-- --> <!-- -->no sources: readers will see none for <!-- -->it");
    expect(html).toContain(`${totals.unchecked}<!-- --> <!-- -->`);
    expect(html).toMatch(/not approved yet and will not be published/);
  });

  it("is said where a reviewer approves it", async () => {
    const claim = { version: 1, verdict: "unsupported", rationale: "Nothing.", status: "needs-review" };
    const panel = (evidence: unknown[]) =>
      rendered(
        createElement(ClaimVerdictPanel, {
          claim: { ...claim, evidence },
          rationaleHtml: "<p>Nothing.</p>",
          canEdit: false,
          canReview: true,
          canApprove: true,
          isLastEditor: false,
          state: null,
        }),
      );
    expect(panel([])).toContain("This verdict cites no sources; readers will see none.");
    expect(panel([{ id: 1 }])).not.toContain("cites no sources");
  });
});
