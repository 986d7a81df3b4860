/**
 * Canonical article URLs, so the same article reached through a tracking link, another letter case or a
 * trailing slash is recognised as already stored.
 */

/** Query parameters that only track the reader. Names ending in "_" are prefixes. */
const TRACKING = [
  "utm_",
  "fbclid",
  "gclid",
  "gclsrc",
  "dclid",
  "yclid",
  "msclkid",
  "mc_cid",
  "mc_eid",
  "igshid",
  "_openstat",
  "xtor",
  "at_",
  "ns_",
  "_hsenc",
  "_hsmi",
];

function isTracking(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING.some((t) => (t.endsWith("_") ? n.startsWith(t) : n === t));
}

/**
 * Canonical form of an http(s) URL: lower-case scheme and host, no credentials, no default port, no
 * fragment, no tracking parameters, remaining parameters sorted, no trailing slash except for the root.
 * `base` resolves relative links. Throws TypeError for invalid or non-http(s) URLs.
 */
export function canonicalUrl(raw: string, base?: string): string {
  const u = new URL(raw.trim(), base);
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new TypeError(`not an http(s) URL: ${u.protocol}`);
  u.hash = "";
  u.username = "";
  u.password = "";
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, "");
  const params = [...u.searchParams.entries()].filter(([k]) => !isTracking(k));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = params.length > 0 ? new URLSearchParams(params).toString() : "";
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, "") || "/";
  return u.toString();
}

/** canonicalUrl, or null when the URL is unusable. */
export function tryCanonicalUrl(raw: string | null | undefined, base?: string): string | null {
  if (!raw) return null;
  try {
    return canonicalUrl(raw, base);
  } catch {
    return null;
  }
}
