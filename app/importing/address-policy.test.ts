import { describe, expect, it } from "vitest";
import { checkAddress } from "./address-policy";

describe("IPv6 addresses that carry an IPv4 address are judged by the IPv4 address", () => {
  it.each([
    ["::7f00:1", "127.0.0.1", /loopback/],
    ["::127.0.0.1", "127.0.0.1", /loopback/],
    ["::a9fe:a9fe", "169.254.169.254", /cloud metadata/],
    ["::a00:1", "10.0.0.1", /private network/],
    ["::ffff:127.0.0.1", "127.0.0.1", /loopback/],
    ["::ffff:7f00:1", "127.0.0.1", /loopback/],
    ["::ffff:a9fe:a9fe", "169.254.169.254", /cloud metadata/],
    ["::ffff:0:7f00:1", "127.0.0.1", /loopback/],
    ["64:ff9b::7f00:1", "127.0.0.1", /loopback/],
    ["64:ff9b::10.1.2.3", "10.1.2.3", /private network/],
    ["64:ff9b::a9fe:a9fe", "169.254.169.254", /cloud metadata/],
    ["2002:7f00:1::", "127.0.0.1", /loopback/],
    ["2002:c0a8:101::1", "192.168.1.1", /private network/],
    ["2002:a9fe:a9fe::1", "169.254.169.254", /cloud metadata/],
  ])("refuses %s, which reaches %s", (address, ipv4, what) => {
    const verdict = checkAddress(address);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) {
      expect(verdict.reason).toContain(`reaches ${ipv4}`);
      expect(verdict.reason).toMatch(what);
    }
  });

  it("never lets an embedded metadata address through, even when private addresses are allowed", () => {
    for (const address of [
      "::a9fe:a9fe",
      "::ffff:169.254.169.254",
      "64:ff9b::a9fe:a9fe",
      "2002:a9fe:a9fe::",
    ]) {
      expect(checkAddress(address, true).allowed).toBe(false);
    }
    expect(checkAddress("::7f00:1", true)).toEqual({ allowed: true });
  });

  it("allows the same spellings of a public IPv4 address, and keeps IPv6's own loopback and unspecified", () => {
    for (const address of ["::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"])
      expect(checkAddress(address)).toEqual({ allowed: true });
    expect(checkAddress("::1")).toEqual({
      allowed: false,
      reason: "::1 is a loopback address (this server itself).",
    });
    expect(checkAddress("::")).toEqual({ allowed: false, reason: ":: is an unspecified address." });
  });
});
