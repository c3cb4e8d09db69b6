import { describe, expect, it } from "vitest";
import { malformedRequest } from "./request-origin.server";

describe("malformedRequest", () => {
  it("answers requests addressed as browsers and proxies address them", () => {
    for (const host of [
      "localhost:3000",
      "factcheck.example.org",
      "127.0.0.1",
      "[::1]:3000",
      "web_1:80",
      "Example.ORG.",
    ])
      expect(malformedRequest(host, "/fact-checks?q=chip"), host).toBeNull();
  });

  it("refuses a missing or malformed Host", () => {
    for (const host of [
      undefined,
      "",
      "a b",
      "[",
      "%zz",
      "localhost:99999",
      "localhost:",
      "host/path",
      "a..b",
      "user@host",
    ])
      expect(malformedRequest(host, "/"), String(host)).toMatch(/no valid Host header/);
  });

  it("refuses a target that is not a path", () => {
    for (const target of ["http://localhost:3000/settings", "*", "", undefined, "settings"])
      expect(malformedRequest("localhost", target), String(target)).toMatch(/not a path/);
  });

  it("behind a trusted proxy, checks the forwarded host and protocol the origin is built from", () => {
    const ok = { host: "factcheck.example.org, cdn.example", proto: "https" };
    expect(malformedRequest("10.0.0.11:3000", "/", ok)).toBeNull();
    expect(malformedRequest("10.0.0.11:3000", "/", {})).toBeNull();
    for (const host of ["a b", "x:99999", "%zz, factcheck.example.org"])
      expect(malformedRequest("10.0.0.11:3000", "/", { host }), host).toMatch(/no valid Host header/);
    for (const proto of ["a b", "javascript", "ftp, https"])
      expect(malformedRequest("10.0.0.11:3000", "/", { proto }), proto).toMatch(/X-Forwarded-Proto/);
  });
});
