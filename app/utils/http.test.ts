import { describe, expect, it } from "vitest";
import { addressForLimits, clientAddress } from "./http.server";

describe("the address rate limits count", () => {
  it("is the IPv4 address, also when written as IPv4-mapped IPv6", () => {
    expect(addressForLimits("203.0.113.7")).toBe("203.0.113.7");
    expect(addressForLimits("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("is the /64 network for IPv6, so one subscriber cannot rotate addresses", () => {
    expect(addressForLimits("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressForLimits("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressForLimits("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(addressForLimits("::1")).toBe("0:0:0:0::/64");
  });

  it("comes from the load context, and is empty without one", () => {
    expect(clientAddress({ clientAddress: "2001:db8::5" })).toBe("2001:db8:0:0::/64");
    expect(clientAddress(undefined)).toBe("");
    expect(clientAddress({ clientAddress: 42 })).toBe("");
  });
});
