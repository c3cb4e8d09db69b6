import ipaddr from "ipaddr.js";

/**
 * Which addresses the server may fetch from. Public unicast only: never loopback, private,
 * link-local (which holds the cloud metadata address 169.254.169.254), unique-local, shared
 * (CGNAT), multicast or reserved space, in IPv4, IPv6 or IPv4-mapped IPv6 form.
 * `allowPrivate` (CLAIMDESK_ALLOW_PRIVATE_FETCH=1, for tests against a local server) lets
 * loopback and private ranges through, but still never the metadata addresses.
 */
const METADATA = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);
const PRIVATE_RANGES = new Set(["loopback", "private", "uniqueLocal", "linkLocal", "carrierGradeNat"]);

export type AddressVerdict = { allowed: true } | { allowed: false; reason: string };

export function checkAddress(address: string, allowPrivate = false): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `“${address}” is not an IP address.` };
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const normalized = ip.toNormalizedString();
  if (METADATA.has(normalized) || METADATA.has(ip.toString())) {
    return { allowed: false, reason: `${address} is a cloud metadata address.` };
  }
  const range = ip.range();
  if (range === "unicast") return { allowed: true };
  if (allowPrivate && PRIVATE_RANGES.has(range)) return { allowed: true };
  const names: Record<string, string> = {
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
  return { allowed: false, reason: `${address} is ${names[range] ?? `not a public address (${range})`}.` };
}
