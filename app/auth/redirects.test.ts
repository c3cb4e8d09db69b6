import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./redirects";

/** How a browser on https://desk.example would resolve the redirect. */
const landsOn = (location: string) => new URL(location, "https://desk.example/login");

describe("the page to return to after signing in", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(sameOriginPath("/articles/3?tab=claims#c2")).toBe("/articles/3?tab=claims#c2");
    expect(sameOriginPath("/desk")).toBe("/desk");
    expect(sameOriginPath("/x/ABCDE23456")).toBe("/x/ABCDE23456");
  });

  const hostile = [
    "//127.0.0.1:3190/landing",
    "/\t/127.0.0.1:3190/landing",
    "/\n/127.0.0.1:3190/landing",
    "/\r\n/evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "/.//evil.example/x",
    "/..//evil.example",
    "/%2e%2e//evil.example",
    "///evil.example",
    " //evil.example",
    "/\u0000/evil.example",
  ];
  for (const next of hostile) {
    it(`never leaves the site for ${JSON.stringify(next)}`, () => {
      const location = sameOriginPath(next);
      expect(landsOn(location).origin).toBe("https://desk.example");
      // Safe to put in a Location header: printable ASCII only.
      expect(location).toMatch(/^\/[\x21-\x7e]*$/);
    });
  }

  it("reads encoded variants as the path they encode, on this site", () => {
    for (const next of [
      "/%2F%2Fevil.example",
      "/%5Cevil.example",
      "/%09/evil.example",
      "/%0A/evil.example",
    ]) {
      expect(landsOn(sameOriginPath(next)).origin).toBe("https://desk.example");
    }
  });

  it("falls back to the home page for nothing or something that is not a path", () => {
    expect(sameOriginPath(null)).toBe("/");
    expect(sameOriginPath("")).toBe("/");
    expect(sameOriginPath("desk")).toBe("/");
  });
});
