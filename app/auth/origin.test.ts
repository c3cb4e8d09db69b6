import { describe, expect, it } from "vitest";
import { bodyLimitFor, bodyTooLargeMessage, MAX_BODY_BYTES } from "../utils/body-limits.server";
import { isApiPath, routedPath, stateChangeRefusal } from "./origin.server";

describe("the path the router sees", () => {
  it("resolves dot segments, encoded dots and backslashes as React Router's URL parsing does", () => {
    expect(routedPath("/api/../settings")).toBe("/settings");
    expect(routedPath("/api/%2e%2e/settings")).toBe("/settings");
    expect(routedPath("/api/%2E%2E/settings")).toBe("/settings");
    expect(routedPath("/api/v1/../../settings")).toBe("/settings");
    expect(routedPath("/api/v1/./articles")).toBe("/api/v1/articles");
    expect(routedPath("/api\\v1\\..\\..\\settings")).toBe("/settings");
    expect(routedPath("/api/v1/articles?x=/../..")).toBe("/api/v1/articles");
    expect(routedPath("//evil.example/settings")).toBe("//evil.example/settings");
  });

  it("is null for anything that is not a plain path", () => {
    expect(routedPath("http://evil.example/api/v1/articles")).toBeNull();
    expect(routedPath("*")).toBeNull();
    expect(routedPath("")).toBeNull();
  });

  it("names the API only for paths the API route answers", () => {
    expect(isApiPath(routedPath("/api/v1/articles"))).toBe(true);
    expect(isApiPath(routedPath("/api/v1"))).toBe(true);
    expect(isApiPath(routedPath("/api/../settings"))).toBe(false);
    expect(isApiPath(routedPath("/api/v1/../../settings"))).toBe(false);
    expect(isApiPath(routedPath("/api/v10/articles"))).toBe(false);
    expect(isApiPath(routedPath("/api/v1x"))).toBe(false);
    expect(isApiPath(null)).toBe(false);
  });
});

describe("which state-changing requests are refused", () => {
  const cookieOnly = { host: "desk.example" };
  const fromOurPage = { host: "desk.example", origin: "https://desk.example" };

  it("refuses pages reached through an API-looking path without our Origin", () => {
    for (const target of [
      "/api/../settings",
      "/api/%2e%2e/settings",
      "/api/v1/../../settings",
      "/api/v1/%2e%2e/%2e%2e/settings",
    ]) {
      expect(stateChangeRefusal({ target, ...cookieOnly })?.status, target).toBe(403);
      expect(
        stateChangeRefusal({ target, ...cookieOnly, authorization: "Bearer cdk_x" })?.status,
        target,
      ).toBe(403);
      expect(stateChangeRefusal({ target, ...fromOurPage }), target).toBeNull();
    }
  });

  it("lets only bearer-token requests through to the API, from anywhere", () => {
    expect(
      stateChangeRefusal({ target: "/api/v1/articles", ...cookieOnly, authorization: "Bearer cdk_abc" }),
    ).toBeNull();
    expect(
      stateChangeRefusal({
        target: "/api/v1/articles",
        host: "desk.example",
        origin: "https://evil.example",
        authorization: "bearer cdk_abc",
      }),
    ).toBeNull();
    expect(stateChangeRefusal({ target: "/api/v1/articles", ...cookieOnly })?.status).toBe(401);
    expect(stateChangeRefusal({ target: "/api/v1/articles", ...fromOurPage })?.status).toBe(401);
    expect(
      stateChangeRefusal({ target: "/api/v1/articles", ...cookieOnly, authorization: "Basic abc" })?.status,
    ).toBe(401);
    expect(
      stateChangeRefusal({ target: "/api/v1/articles", ...cookieOnly, authorization: "Bearer " })?.status,
    ).toBe(401);
  });

  it("keeps refusing pages from other sites, and accepts our own", () => {
    expect(
      stateChangeRefusal({ target: "/settings", host: "desk.example", origin: "https://evil.example" })
        ?.status,
    ).toBe(403);
    expect(stateChangeRefusal({ target: "/settings", ...cookieOnly })?.status).toBe(403);
    expect(stateChangeRefusal({ target: "/settings", ...fromOurPage })).toBeNull();
  });
});

describe("how large a body each path may declare", () => {
  it("gives the full cap only to article text and the API, 16 KB to sign-in forms, 512 KB to other forms", () => {
    // With JavaScript, forms post to the same path plus ".data".
    for (const path of [
      "/api/v1/articles",
      "/api/v1",
      "/articles/new",
      "/articles/new.data",
      "/articles/12/edit",
      "/articles/12/edit.data",
    ]) {
      expect(bodyLimitFor(path), path).toBe(MAX_BODY_BYTES);
    }
    for (const path of ["/login", "/login.data", "/setup", "/setup.data", "/invite/abc", "/invite/abc.data"])
      expect(bodyLimitFor(path), path).toBe(16 * 1024);
    for (const path of [
      "/articles/12",
      "/articles/12/claims/3",
      "/settings",
      "/x/ABCD",
      "/articles/new/x",
      "/api/v2/x",
      "/apiv1",
      null,
    ]) {
      expect(bodyLimitFor(path), String(path)).toBe(512 * 1024);
    }
  });

  it("is decided on the routed path, so dot segments cannot borrow the API's cap", () => {
    expect(bodyLimitFor(routedPath("/api/v1/../../login"))).toBe(16 * 1024);
    expect(bodyLimitFor(routedPath("/articles/new/../../login"))).toBe(16 * 1024);
  });

  it("names the limit that was exceeded in its 413 message", () => {
    expect(bodyTooLargeMessage(MAX_BODY_BYTES)).toBe(
      "That request is too large (over 8 MB). Nothing was saved.",
    );
    expect(bodyTooLargeMessage(16 * 1024)).toBe(
      "That form is too large (over 16 KB for this page). Nothing was saved.",
    );
    expect(bodyTooLargeMessage(512 * 1024)).toContain("over 512 KB");
  });
});
