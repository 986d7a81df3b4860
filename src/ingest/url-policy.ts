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
  for (const entry of policy.allowHosts ?? []) {
    try {
      if (entry.includes("/")) {
        const [net, bits] = ipaddr.parseCIDR(entry);
        const a = normalise(addr);
        if (a.kind() === net.kind() && a.match([net, bits] as never)) return true;
      } else if (ipaddr.isValid(entry) && normalise(ipaddr.parse(entry)).toString() === normalise(addr).toString()) {
        return true;
      }
    } catch {
      // a hostname entry, not an address
    }
  }
  return false;
}

/** IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes the IPv4 address it carries. */
function normalise(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (addr.kind() === "ipv6" && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    return (addr as ipaddr.IPv6).toIPv4Address();
  return addr;
}

/** IPv4 address embedded in NAT64 (64:ff9b::/96) and 6to4 (2002::/16) addresses. */
function embeddedIPv4(addr: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const p = addr.parts;
  const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (range === "rfc6052") return v4(p[6] ?? 0, p[7] ?? 0);
  if (range === "6to4") return v4(p[1] ?? 0, p[2] ?? 0);
  return null;
}

/**
 * Returns why a resolved address may not be contacted (e.g. "loopback"), or null when it is public.
 * Accepts any textual form ipaddr.js understands, including IPv4-mapped IPv6.
 */
export function addressProblem(address: string, policy: AddressPolicy = {}): string | null {
  if (policy.allowPrivate) return null;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, ""));
  } catch {
    return "not an IP address";
  }
  if (addressAllowlisted(parsed, policy)) return null;
  const addr = normalise(parsed);
  const range = addr.range();
  if (addr.kind() === "ipv4") return range === "unicast" ? null : range;
  if (range === "unicast") return null;
  const inner = embeddedIPv4(addr as ipaddr.IPv6, range);
  if (inner) return inner.range() === "unicast" ? null : `${range} of ${inner.range()}`;
  return range;
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
