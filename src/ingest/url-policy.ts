/**
 * Which URLs and addresses a fetch may reach. User-supplied feed URLs must not reach the bot's own
 * network: loopback, private, link-local, unique-local, CGNAT, multicast, unspecified, reserved and
 * cloud metadata addresses are refused unless an operator allowlists them.
 */
import ipaddr from "ipaddr.js";

/** Allowlist options shared by the policy and the fetcher. */
export interface AddressPolicy {
  /**
   * Exceptions: hostnames (exact, case-insensitive; "*.example.org" for subdomains) allowed whatever they
   * resolve to, and IP addresses or CIDR ranges ("10.0.0.0/8") allowed as resolved addresses.
   */
  allowHosts?: readonly string[];
  /** Allow every address (private networks included). Schemes are still checked. */
  allowPrivate?: boolean;
}

/** Hostnames that name internal services whatever DNS says. */
const BLOCKED_NAMES = new Set(["localhost", "metadata", "metadata.google.internal", "metadata.goog", "instance-data"]);
const BLOCKED_SUFFIXES = [".localhost", ".internal", ".local", ".home.arpa"];

/** Hostname as used for matching: lower-case, no IPv6 brackets, no trailing dot. */
export function bareHostname(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

/** Returns a reason when the URL itself is not fetchable (scheme, credentials, internal name), else null. */
export function urlProblem(url: URL, policy: AddressPolicy): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `only http and https URLs can be fetched (got ${url.protocol})`;
  const host = bareHostname(url);
  if (host === "") return "the URL has no host";
  if (policy.allowPrivate || hostAllowed(host, policy)) return null;
  if (BLOCKED_NAMES.has(host) || BLOCKED_SUFFIXES.some((s) => host.endsWith(s))) return `the host ${host} is internal`;
  return null;
}

/** True when the hostname matches a name entry of the allowlist. */
export function hostAllowed(host: string, policy: AddressPolicy): boolean {
  for (const entry of policy.allowHosts ?? []) {
    const e = entry.toLowerCase();
    if (e === host) return true;
    if (e.startsWith("*.") && host.endsWith(e.slice(1))) return true;
  }
  return false;
}

function addressAllowlisted(addr: ipaddr.IPv4 | ipaddr.IPv6, policy: AddressPolicy): boolean {
  if (listed(addr, policy)) return true;
  // an address carrying IPv4 addresses is also allowed when every one it carries is listed
  const inner = addr.kind() === "ipv6" ? embeddedIPv4(addr as ipaddr.IPv6) : [];
  return inner.length > 0 && inner.every((a) => listed(a, policy));
}

function listed(addr: ipaddr.IPv4 | ipaddr.IPv6, policy: AddressPolicy): boolean {
  for (const entry of policy.allowHosts ?? []) {
    try {
      if (entry.includes("/")) {
        const [net, bits] = ipaddr.parseCIDR(entry);
        if (addr.kind() === net.kind() && addr.match([net, bits] as never)) return true;
      } else if (ipaddr.isValid(entry) && ipaddr.parse(entry).toNormalizedString() === addr.toNormalizedString()) {
        return true;
      }
    } catch {
      // a hostname entry, not an address
    }
  }
  return false;
}

/**
 * The IPv4 addresses an IPv6 address carries, which are where its packets really go: IPv4-mapped
 * (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96, deprecated but still routed by
 * some stacks: `[::127.0.0.1]` reaches the loopback), NAT64 (64:ff9b::/96), 6to4 (2002::/16) and Teredo
 * (2001::/32: the server, and the client stored inverted). Empty for any other address.
 */
export function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4[] {
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  const word = (i: number) => addr.parts[i] ?? 0;
  const zeros = (from: number, to: number) => addr.parts.slice(from, to).every((x) => x === 0);
  switch (addr.range()) {
    case "ipv4Mapped":
    case "rfc6145":
    case "rfc6052":
      return [v4(word(6), word(7))];
    case "6to4":
      return [v4(word(1), word(2))];
    case "teredo":
      return [v4(word(2), word(3)), v4(word(6) ^ 0xffff, word(7) ^ 0xffff)];
  }
  // IPv4-compatible; :: and ::1 keep their IPv6 meaning (unspecified, loopback)
  if (zeros(0, 6) && !(word(6) === 0 && word(7) <= 1)) return [v4(word(6), word(7))];
  return [];
}

/** Where local-use NAT64 (64:ff9b:1::/48, RFC 8215) sends a packet depends on the network: never public. */
const LOCAL_NAT64 = ipaddr.parseCIDR("64:ff9b:1::/48");

/**
 * Returns why a resolved address may not be contacted (e.g. "loopback"), or null when it is public.
 * Accepts any textual form ipaddr.js understands. An IPv6 address that carries IPv4 addresses (see
 * embeddedIPv4) is judged by them: `::a9fe:a9fe` is the metadata address 169.254.169.254.
 */
export function addressProblem(address: string, policy: AddressPolicy = {}): string | null {
  if (policy.allowPrivate) return null;
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, ""));
  } catch {
    return "not an IP address";
  }
  if (addressAllowlisted(addr, policy)) return null;
  if (addr.kind() === "ipv4") return addr.range() === "unicast" ? null : addr.range();
  const v6 = addr as ipaddr.IPv6;
  if (v6.match(LOCAL_NAT64 as never)) return "local-use NAT64";
  const inner = embeddedIPv4(v6);
  if (inner.length > 0) {
    const bad = inner.find((a) => a.range() !== "unicast");
    return bad ? bad.range() : null;
  }
  return v6.range() === "unicast" ? null : v6.range();
}

/** URL for logs and error messages: no credentials, query string or fragment (they may carry tokens). */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? "?[redacted]" : ""}`;
  } catch {
    return "[invalid URL]";
  }
}
