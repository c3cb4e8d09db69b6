import { describe, expect, it } from "vitest";
import { routeArgs } from "./testing.server";

process.env.CLAIMDESK_SEED = "off";
const { loader } = await import("./docs.api");

describe("the API guide", () => {
  it("gives the address the reader reached this server at, not localhost:3000", async () => {
    const request = new Request("https://desk.example.org/docs/api");
    const { html } = await loader(routeArgs(request));
    expect(html).toContain("https://desk.example.org/api/v1");
    expect(html).not.toContain("localhost:3000");
  });

  it("tells clients that an article answers a page of its claims, and where the rest are", async () => {
    const { html } = await loader(routeArgs(new Request("https://desk.example.org/docs/api")));
    for (const words of ["GET /articles/:id/claims", "claimCount", "claimsNext", "decision 031"])
      expect(html).toContain(words);
    expect(html).toContain("https://desk.example.org/api/v1/articles/7/claims?page=2");
  });
});
