import net from "node:net";
import { brotliCompressSync, gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterEach, describe, expect, it } from "vitest";
import { BlockedUrlError, FeedFetchError } from "../../src/core/errors.ts";
import { type LookupFn, safeFetch } from "../../src/ingest/safe-fetch.ts";
import { startServer, type TestServer } from "./helpers.ts";

const local = { allowHosts: ["127.0.0.1"] };
let server: TestServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const FEED_FR = `<?xml version="1.0"?><rss version="2.0"><channel><title>Café à Astana, été</title></channel></rss>`;
const FEED_RU = `<?xml version="1.0"?><rss version="2.0"><channel><title>Новости Казахстана и России</title></channel></rss>`;

describe("safeFetch: content", () => {
  it("returns body, validators and final URL", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Mon, 04 Mar 2024 10:00:00 GMT",
      });
      res.end(FEED_FR);
    });
    const r = await safeFetch(`${server.url}/flux.xml`, local);
    expect(r.status).toBe(200);
    if (r.status !== 200) return;
    expect(r.body).toContain("Café à Astana, été");
    expect(r.etag).toBe('"v1"');
    expect(r.lastModified).toBe("Mon, 04 Mar 2024 10:00:00 GMT");
    expect(r.finalUrl).toBe(`${server.url}/flux.xml`);
  });

  it("decodes gzip and brotli bodies", async () => {
    server = await startServer((req, res) => {
      const br = req.url === "/br";
      res.writeHead(200, { "content-type": "text/xml", "content-encoding": br ? "br" : "gzip" });
      res.end(br ? brotliCompressSync(Buffer.from(FEED_FR)) : gzipSync(Buffer.from(FEED_FR)));
    });
    for (const path of ["/gz", "/br"]) {
      const r = await safeFetch(`${server.url}${path}`, local);
      expect(r.status === 200 && r.body).toContain("Café à Astana");
    }
    expect(server.requests[0]?.headers["accept-encoding"]).toMatch(/gzip/);
  });

  it("decodes windows-1251 and ISO-8859-1 from the header, the declaration, or by detection", async () => {
    const cases: Record<string, { body: Buffer; type: string }> = {
      "/ru-header": { body: iconv.encode(FEED_RU, "windows-1251"), type: "text/xml; charset=windows-1251" },
      "/ru-decl": {
        body: iconv.encode(FEED_RU.replace('version="1.0"', 'version="1.0" encoding="windows-1251"'), "windows-1251"),
        type: "text/xml",
      },
      "/ru-guess": { body: iconv.encode(FEED_RU, "windows-1251"), type: "text/xml" },
      "/fr-header": { body: iconv.encode(FEED_FR, "latin1"), type: "application/xml; charset=ISO-8859-1" },
      "/fr-decl": {
        body: iconv.encode(FEED_FR.replace('version="1.0"', 'version="1.0" encoding="ISO-8859-1"'), "latin1"),
        type: "text/xml",
      },
      "/fr-guess": { body: iconv.encode(FEED_FR, "latin1"), type: "text/xml" },
    };
    server = await startServer((req, res) => {
      const c = cases[req.url ?? ""];
      res.writeHead(200, { "content-type": c?.type ?? "text/plain" });
      res.end(c?.body);
    });
    for (const path of Object.keys(cases)) {
      const r = await safeFetch(`${server.url}${path}`, local);
      if (r.status !== 200) throw new Error("expected 200");
      if (path.startsWith("/ru")) expect(r.body, path).toContain("Новости Казахстана и России");
      else expect(r.body, path).toContain("Café à Astana, été");
    }
  });

  it("sends conditional headers and returns a 304 result", async () => {
    server = await startServer((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        res.writeHead(304);
        res.end();
      } else {
        res.writeHead(200);
        res.end(FEED_FR);
      }
    });
    const r = await safeFetch(`${server.url}/f`, {
      ...local,
      etag: '"v1"',
      lastModified: "Mon, 04 Mar 2024 10:00:00 GMT",
    });
    expect(r.status).toBe(304);
    expect(server.requests[0]?.headers["if-modified-since"]).toBe("Mon, 04 Mar 2024 10:00:00 GMT");
  });
});

describe("safeFetch: limits and failures", () => {
  it("refuses a body over the cap, with and without Content-Length, and a gzip bomb", async () => {
    const big = Buffer.alloc(64 * 1024, 0x61);
    server = await startServer((req, res) => {
      if (req.url === "/declared") {
        res.writeHead(200, { "content-length": String(big.length) });
        res.end(big);
      } else if (req.url === "/chunked") {
        res.writeHead(200);
        for (let i = 0; i < 8; i++) res.write(big.subarray(0, 8 * 1024));
        res.end();
      } else {
        res.writeHead(200, { "content-encoding": "gzip" });
        res.end(gzipSync(big));
      }
    });
    for (const path of ["/declared", "/chunked", "/bomb"]) {
      await expect(safeFetch(`${server.url}${path}`, { ...local, maxBytes: 16 * 1024 }), path).rejects.toThrow(
        /too large/,
      );
    }
  });

  it("refuses a response that sends more than its Content-Length announces", async () => {
    // a raw socket so the server can send far more than it announced
    const raw = net.createServer((sock) => {
      sock.on("error", () => {});
      sock.once("data", () => {
        sock.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n");
        sock.end(Buffer.alloc(64 * 1024, 0x62));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = raw.address() as net.AddressInfo;
      await expect(safeFetch(`http://127.0.0.1:${port}/`, { ...local, maxBytes: 16 * 1024 })).rejects.toBeInstanceOf(
        FeedFetchError,
      );
    } finally {
      await new Promise((resolve) => raw.close(resolve));
    }
  });

  it("gives up on a server that never answers", async () => {
    server = await startServer(() => {
      // never respond
    });
    const err = await safeFetch(`${server.url}/slow`, { ...local, timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedFetchError);
    expect((err as Error).message).toMatch(/timed out/);
  });

  it("reports HTTP errors with their status", async () => {
    server = await startServer((req, res) => {
      res.writeHead(req.url === "/missing" ? 404 : 500);
      res.end("non");
    });
    const e404 = await safeFetch(`${server.url}/missing`, local).catch((e: unknown) => e);
    expect(e404).toBeInstanceOf(FeedFetchError);
    expect((e404 as FeedFetchError).status).toBe(404);
    const e500 = await safeFetch(`${server.url}/boom`, local).catch((e: unknown) => e);
    expect((e500 as FeedFetchError).status).toBe(500);
  });

  it("redacts query strings from error context", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(403);
      res.end();
    });
    const err = (await safeFetch(`${server.url}/f?token=SECRET123`, local).catch((e: unknown) => e)) as FeedFetchError;
    expect(err.url).not.toContain("SECRET123");
    expect(err.message).not.toContain("SECRET123");
  });
});

describe("safeFetch: address safety", () => {
  // "feeds.test" resolves to the local test server; every other name resolves where the test says
  const names: Record<string, string> = {
    "feeds.test": "127.0.0.1",
    "intranet.test": "10.1.2.3",
    "meta.test": "169.254.169.254",
  };
  const lookup: LookupFn = async (host) => {
    const a = names[host];
    if (!a) throw new Error("ENOTFOUND");
    return [{ address: a, family: a.includes(":") ? 6 : 4 }];
  };
  const policy = { allowHosts: ["feeds.test"], lookup };

  it("follows a redirect and re-checks every hop", async () => {
    server = await startServer((req, res) => {
      if (req.url === "/ok") {
        res.writeHead(200);
        res.end(FEED_FR);
        return;
      }
      const port = server?.url.split(":")[2];
      const targets: Record<string, string> = {
        "/to-ok": `http://feeds.test:${port}/ok`,
        "/to-loopback": `http://127.0.0.1:${port}/ok`,
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-private": "http://10.0.0.7/",
        "/to-v6-loopback": `http://[::1]:${port}/ok`,
        "/to-mapped": `http://[::ffff:127.0.0.1]:${port}/ok`,
        "/to-hex": `http://0x7f000001:${port}/ok`,
        "/to-decimal": `http://2130706433:${port}/ok`,
        "/to-intranet-name": `http://intranet.test:${port}/ok`,
        "/to-metadata-name": "http://metadata.google.internal/",
        "/to-file": "file:///etc/passwd",
      };
      res.writeHead(302, { location: targets[req.url ?? ""] ?? "/ok" });
      res.end();
    });
    const port = server.url.split(":")[2];
    const ok = await safeFetch(`http://feeds.test:${port}/to-ok`, policy);
    expect(ok.status === 200 && ok.finalUrl).toBe(`http://feeds.test:${port}/ok`);
    const hitsBefore = server.requests.length;
    for (const path of [
      "/to-loopback",
      "/to-metadata",
      "/to-private",
      "/to-v6-loopback",
      "/to-mapped",
      "/to-hex",
      "/to-decimal",
      "/to-intranet-name",
      "/to-metadata-name",
      "/to-file",
    ]) {
      await expect(safeFetch(`http://feeds.test:${port}${path}`, policy), path).rejects.toBeInstanceOf(BlockedUrlError);
    }
    // only the redirecting requests reached the server; no blocked hop was fetched
    expect(server.requests.slice(hitsBefore).every((r) => r.path.startsWith("/to-"))).toBe(true);
  });

  it("lets a wildcard entry (*.bench.test, as the polling bench uses) allow its subdomains only", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.end(FEED_FR);
    });
    const port = server.url.split(":")[2];
    const loopback: LookupFn = async () => [{ address: "127.0.0.1", family: 4 }];
    const allowed = { allowHosts: ["*.bench.test"], lookup: loopback };
    const ok = await safeFetch(`http://h001.bench.test:${port}/`, allowed);
    expect(ok.status).toBe(200);
    // the same name without the entry, the bare domain, a look-alike and a redirect to the loopback: refused
    await expect(safeFetch(`http://h001.bench.test:${port}/`, { lookup: loopback })).rejects.toBeInstanceOf(
      BlockedUrlError,
    );
    for (const host of ["bench.test", "evilbench.test", "h001.bench.test.evil.example"]) {
      await expect(safeFetch(`http://${host}:${port}/`, allowed), host).rejects.toBeInstanceOf(BlockedUrlError);
    }
    await expect(safeFetch(`http://127.0.0.1:${port}/`, allowed)).rejects.toBeInstanceOf(BlockedUrlError);
  });

  it("refuses private, metadata and odd-form addresses before connecting", async () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://0177.0.0.1/",
      "http://[::1]/",
      "http://[fd00:ec2::254]/",
      "http://[::ffff:169.254.169.254]/",
      "http://100.64.1.1/",
      "http://224.0.0.1/",
      "http://0.0.0.0/",
      "http://localhost/",
      "http://meta.test/",
      "ftp://example.org/",
      "pas une url",
    ]) {
      await expect(safeFetch(url, { lookup }), url).rejects.toBeInstanceOf(BlockedUrlError);
    }
  });

  it("refuses IPv6 forms that carry a loopback or private IPv4 address, even when the OS would connect", async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200);
      res.end(FEED_FR);
    });
    const port = server.url.split(":")[2];
    for (const host of ["[::127.0.0.1]", "[::7f00:1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::a9fe:a9fe]"]) {
      const url = `http://${host}:${port}/`;
      await expect(safeFetch(url), url).rejects.toBeInstanceOf(BlockedUrlError);
      await expect(safeFetch(url), url).rejects.toThrow(/loopback|linkLocal/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("stops after five redirects", async () => {
    server = await startServer((req, res) => {
      const n = Number((req.url ?? "/0").slice(1));
      res.writeHead(301, { location: `/${n + 1}` });
      res.end();
    });
    await expect(safeFetch(`${server.url}/0`, local)).rejects.toThrow(/too many redirects/);
    expect(server.requests.length).toBe(6);
  });
});
