import { describe, expect, it } from "vitest";
import { staticFileFor } from "./site-export.server";

describe("the static layout", () => {
  it("writes pages as folders with an index.html", () => {
    expect(staticFileFor("/methodology")).toBe("methodology/index.html");
    expect(staticFileFor("/fact-checks")).toBe("fact-checks/index.html");
    expect(staticFileFor("/fact-checks/acme-chip")).toBe("fact-checks/acme-chip/index.html");
    expect(staticFileFor("/fact-checks/acme-chip/v/12")).toBe("fact-checks/acme-chip/v/12/index.html");
    expect(staticFileFor("/embed/claims/731")).toBe("embed/claims/731/index.html");
  });

  it("keeps the file name of an address that has an extension", () => {
    expect(staticFileFor("/fact-checks.atom")).toBe("fact-checks.atom");
    expect(staticFileFor("/fact-checks/acme-chip/annotations.jsonld")).toBe(
      "fact-checks/acme-chip/annotations.jsonld",
    );
    expect(staticFileFor("/fact-checks/acme-chip/export.md")).toBe("fact-checks/acme-chip/export.md");
  });

  it("writes the list's later pages under fact-checks/page/N", () => {
    expect(staticFileFor("/fact-checks?page=2")).toBe("fact-checks/page/2/index.html");
    expect(staticFileFor("/fact-checks?page=140")).toBe("fact-checks/page/140/index.html");
  });

  it("refuses any address it could not write inside the folder, or would map ambiguously", () => {
    for (const address of [
      "/fact-checks/../../etc/passwd",
      "/fact-checks/%2e%2e/x",
      "/fact-checks/a%2Fb",
      "/fact-checks/.hidden",
      "/fact-checks/",
      "/fact-checks?page=0",
      "/fact-checks?page=2&sort=old",
      "/fact-checks?page=02",
      "/methodology?page=2",
      "/desk?status=open",
    ])
      expect(() => staticFileFor(address), address).toThrow();
  });
});
