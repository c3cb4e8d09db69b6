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
});
