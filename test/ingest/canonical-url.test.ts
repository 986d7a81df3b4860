import { describe, expect, it } from "vitest";
import { canonicalUrl, tryCanonicalUrl } from "../../src/ingest/canonical-url.ts";

describe("canonicalUrl", () => {
  it.each([
    [
      "HTTPS://Steppe-Volga.EXAMPLE:443/Articles/Irtych/?utm_source=rss&utm_medium=x#haut",
      "https://steppe-volga.example/Articles/Irtych",
    ],
    ["http://x.example:80/a?b=2&a=1&fbclid=zz&gclid=1&yclid=2", "http://x.example/a?a=1&b=2"],
    ["https://x.example/?xtor=RSS-3", "https://x.example/"],
    ["https://x.example", "https://x.example/"],
    ["https://user:pass@x.example/a", "https://x.example/a"],
    ["https://x.example:8443/a/", "https://x.example:8443/a"],
  ])("%s → %s", (raw, expected) => {
    expect(canonicalUrl(raw)).toBe(expected);
  });

  it("makes tracking variants of one article equal", () => {
    const a = canonicalUrl("https://steppe-volga.example/articles/irtych-accord/?utm_source=rss&utm_medium=feed");
    const b = canonicalUrl("https://STEPPE-VOLGA.example/articles/irtych-accord#commentaires");
    expect(a).toBe(b);
  });

  it("refuses other schemes", () => {
    expect(() => canonicalUrl("javascript:alert(1)")).toThrow();
    expect(tryCanonicalUrl("ftp://x.example/a")).toBeNull();
    expect(tryCanonicalUrl("pas une url")).toBeNull();
    expect(tryCanonicalUrl("/relatif", "https://x.example/flux")).toBe("https://x.example/relatif");
  });
});
