import { createStaticHandler } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "./entry.server";

afterEach(() => vi.restoreAllMocks());

/** The error React Router itself makes for a POST to a route without an action. */
async function routerRefusal(): Promise<unknown> {
  const handler = createStaticHandler([{ id: "page", path: "/", loader: () => null }]);
  const context = await handler.query(new Request("http://claimdesk.test/", { method: "POST" }));
  if (context instanceof Response) throw new Error("expected a context");
  return Object.values(context.errors ?? {})[0];
}

describe("what the server logs", () => {
  const request = () => new Request("http://claimdesk.test/");

  it("not a request the router refuses (405): anyone could fill the log with its stack", async () => {
    const refusal = await routerRefusal();
    expect(refusal).toMatchObject({ status: 405 });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    handleError(refusal, { request: request() });
    expect(log).not.toHaveBeenCalled();
  });

  it("every error of ours, with its stack", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new TypeError("Cannot read properties of undefined");
    handleError(bug, { request: request() });
    expect(log).toHaveBeenCalledWith(bug);
  });
});
