import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../db/testing.server";
import { routeArgs } from "./testing.server";

await useFreshDatabase();
const { default: routes } = await import("../routes");
const { isDocumentOnly } = await import("../utils/document-routes");
const users = await import("../auth/users.server");
const { startSession } = await import("../auth/session.server");
const logout = await import("./logout");
const home = await import("./home");
const login = await import("./login");

const PASSWORD = "a long test password";
/** React Router's mark on a redirect the browser must follow with a document load. */
const RELOAD = "X-Remix-Reload-Document";

/** Each route's path with its parameters filled in, and whether its module renders anything. */
const table = routes.map((r) => ({
  path: `/${(r.path ?? "").replace(/:\w+/g, (p) => (p === ":format" ? "json" : "1")).replace("*", "claims")}`,
  rendered: /^export default /m.test(readFileSync(path.join("app", r.file), "utf8")),
}));

describe("routes without a React component are entered by loading the document", () => {
  it("knows every such route, and no route that renders", () => {
    expect(table.filter((r) => !r.rendered).length).toBeGreaterThan(5);
    for (const route of table)
      expect([route.path, isDocumentOnly(route.path)]).toEqual([route.path, !route.rendered]);
  });

  let cookie = "";
  beforeAll(async () => {
    const reader = await users.createUser({
      email: "reader@routes.test",
      name: "Rea Der",
      role: "viewer",
      password: PASSWORD,
    });
    cookie = (await startSession(reader.id, new Request("http://localhost/login"))).split(";")[0]!;
  });

  it("signing out with JavaScript lands on the list of fact-checks by a document load", async () => {
    const request = new Request("http://localhost/logout", { method: "POST", headers: { cookie } });
    const signedOut = await logout.action(routeArgs(request));
    expect(signedOut.headers.get(RELOAD)).toBe("true");
    expect(signedOut.headers.get("Location")).toBe("/");
    // And "/" sends a reader on to the stored list the same way, from a Link as from a redirect.
    const start = (await home.loader(routeArgs(new Request("http://localhost/"))).then(
      () => expect.unreachable("it redirects"),
      (thrown: unknown) => thrown,
    )) as Response;
    expect([start.headers.get("Location"), start.headers.get(RELOAD)]).toEqual(["/fact-checks", "true"]);
  });

  it("signing in to go back to a published fact-check loads it as a document; the workbench stays in the app", async () => {
    const signIn = (next: string) =>
      login.action(
        routeArgs(
          new Request("http://localhost/login", {
            method: "POST",
            body: new URLSearchParams({ email: "reader@routes.test", password: PASSWORD, next }),
          }),
          {},
          { clientAddress: "198.51.100.7" },
        ),
      ) as Promise<Response>;
    const toFactCheck = await signIn("/fact-checks/alibaba-ai-chip");
    expect(toFactCheck.headers.get(RELOAD)).toBe("true");
    const toSettings = await signIn("/settings");
    expect([toSettings.headers.get("Location"), toSettings.headers.get(RELOAD)]).toEqual(["/settings", null]);
  });
});
