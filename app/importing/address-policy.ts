import ipaddr from "ipaddr.js";

/**
 * Which addresses the server may fetch from. Public unicast only: never loopback, private,
 * link-local (which holds the cloud metadata address 169.254.169.254), unique-local, shared
 * (CGNAT), multicast or reserved space, in IPv4 or IPv6 form. An IPv6 address that carries an
 * IPv4 address (IPv4-compatible, IPv4-mapped, IPv4-translated, NAT64, 6to4) is judged by the
 * IPv4 address it reaches. `allowPrivate` (CLAIMDESK_ALLOW_PRIVATE_FETCH=1, for tests against a
 * local server) lets loopback and private ranges through, but still never the metadata addresses.
 */
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);
const PRIVATE_RANGES = new Set(["loopback", "private", "uniqueLocal", "linkLocal", "carrierGradeNat"]);

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

const RANGE_NAMES: Record<string, string> = {
  loopback: "a loopback address (this server itself)",
  private: "a private network address",
  uniqueLocal: "a private (unique-local) network address",
  linkLocal: "a link-local address",
  carrierGradeNat: "a shared (carrier-grade NAT) address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

const startsWith = (parts: number[], prefix: number[]) => prefix.every((part, i) => parts[i] === part);
const ipv4From = (high: number, low: number) =>
  new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 address an IPv6 address delivers to, for the forms that embed one: ::a.b.c.d
 * (IPv4-compatible), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated), 64:ff9b::a.b.c.d
 * (NAT64) and 2002:aabb:ccdd:: (6to4). Null for any other address, and for :: and ::1, which
 * are IPv6's own unspecified and loopback addresses.
 */
export function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = ip.parts as [number, number, number, number, number, number, number, number];
  if (ip.range() === "unspecified" || ip.range() === "loopback") return null;
  const lastTwo = ipv4From(p[6], p[7]);
  if (startsWith(p, [0, 0, 0, 0, 0, 0])) return lastTwo;
  if (startsWith(p, [0, 0, 0, 0, 0, 0xffff])) return lastTwo;
  if (startsWith(p, [0, 0, 0, 0, 0xffff, 0])) return lastTwo;
  if (startsWith(p, [0x64, 0xff9b, 0, 0, 0, 0])) return lastTwo;
  if (p[0] === 0x2002) return ipv4From(p[1], p[2]);
  return null;
}

function judge(
  ip: ipaddr.IPv4 | ipaddr.IPv6,
  allowPrivate: boolean,
): { allowed: true } | { allowed: false; what: string } {
  if (METADATA.has(ip.toNormalizedString()) || METADATA.has(ip.toString()))
    return { allowed: false, what: "a cloud metadata address" };
  const range = ip.range();
  if (range === "unicast") return { allowed: true };
  if (allowPrivate && PRIVATE_RANGES.has(range)) return { allowed: true };
  return { allowed: false, what: RANGE_NAMES[range] ?? `not a public address (${range})` };
}

export function checkAddress(address: string, allowPrivate = false): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `“${address}” is not an IP address.` };
  const ip = ipaddr.parse(address);
  const carried = ip.kind() === "ipv6" ? embeddedIPv4(ip as ipaddr.IPv6) : null;
  const verdict = judge(carried ?? ip, allowPrivate);
  if (verdict.allowed) return verdict;
  return {
    allowed: false,
    reason: carried
      ? `${address} reaches ${carried.toString()}, which is ${verdict.what}.`
      : `${address} is ${verdict.what}.`,
  };
}
