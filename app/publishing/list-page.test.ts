import { describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";

// The readers' list on a real SQLite file with nothing published: page 1 is the list, empty;
// any later page does not exist and says so.
await useFreshDatabase();
const { renderPublishedList } = await import("./list-page.server");

describe("the readers' list of an empty workspace", () => {
  it("is one page that says nothing has been published yet", async () => {
    const { status, html } = await renderPublishedList(new URLSearchParams(), "/fact-checks");
    expect(status).toBe(200);
    expect(html).toContain("Nothing has been published yet.");
    // The feed is named where readers look, not only in the page's head.
    expect(html).toContain('<a href="/fact-checks.atom">Atom feed</a>');
  });

  it("has no page 2: a 404 that says so as every list does and links to the first page, without page controls", async () => {
    const { status, html } = await renderPublishedList(
      new URLSearchParams({ page: "2" }),
      "/fact-checks?page=2",
    );
    expect(status).toBe(404);
    expect(html).toContain("There is nothing on page 2: the list ends before it.");
    expect(html).toContain('<a href="/fact-checks" rel="first">Go to the first page</a>.');
    // The first page is the last: no second link to it.
    expect(html).not.toContain("the last page");
    expect(html).not.toContain("Nothing has been published yet.");
    expect(html).not.toContain("Previous page");
    expect(html).toContain("<title>No page 2 · Fact-checks · Claimdesk</title>");
  });
});
