/**
 * Polling many feeds politely, against feed servers on 127.0.0.1 (each port is a host): at most two
 * requests at once per host while other hosts proceed, Retry-After honoured, ttl / sy:updatePeriod /
 * Cache-Control max-age delaying the next poll (also after a 304), jittered due times, conditional GET.
 */
import type http from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createIngestor, type IngestorDeps } from "../../src/ingest/pipeline.ts";
import { createStore } from "../../src/store/index.ts";
import { memoryArticleStore, memorySourceStore } from "../fakes/memory-store.ts";
import { freshDatabase } from "../store/backends.ts";
import { fakeAnalyze, fakeClock, fakeIngestor, POLLING, startServer, type TestServer } from "./helpers.ts";

const MIN = 60_000;
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

function rss(channelExtra: string, items = 2, tag = "a"): string {
  const it = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>Dépêche ${tag}${i} sur le corridor</title><link>https://outlet.example/${tag}/${i}</link><description>Texte ${tag}${i}.</description></item>`,
  ).join("");
  return `<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Flux</title>${channelExtra}${it}</channel></rss>`;
}

function setup(over: Partial<IngestorDeps> = {}) {
  const clock = fakeClock("2026-12-01T12:00:00Z");
  const sources = memorySourceStore(clock.now);
  const deps: IngestorDeps = {
    sources,
    articles: memoryArticleStore(),
    analyze: fakeAnalyze,
    findStory: () => null,
    clock,
    logger: silentLogger,
    fetchOptions: { allowHosts: ["127.0.0.1"], timeoutMs: 5000 },
    pollIntervalMs: 10 * MIN,
    random: () => 0,
    ...over,
  };
  return { ingestor: createIngestor(deps), sources, clock, deps };
}

const dueIn = (s: { nextFetchAt: Date | null } | undefined, now: Date) =>
  ((s?.nextFetchAt?.getTime() ?? 0) - now.getTime()) / MIN;

describe("polling many feeds", () => {
  it("never sends more than two requests at once to one host, while several hosts are fetched together", async () => {
    const active = new Map<string, number>();
    const peak = new Map<string, number>();
    let overall = 0;
    let overallPeak = 0;
    const hosts = [];
    for (let h = 0; h < 3; h++) {
      const name = `host${h}`;
      hosts.push(
        await serve((req, res) => {
          active.set(name, (active.get(name) ?? 0) + 1);
          peak.set(name, Math.max(peak.get(name) ?? 0, active.get(name) ?? 0));
          overallPeak = Math.max(overallPeak, ++overall);
          setTimeout(() => {
            active.set(name, (active.get(name) ?? 1) - 1);
            overall--;
            res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("", 1, `${name}${req.url}`));
          }, 60);
        }),
      );
    }
    const { ingestor, sources } = setup({ concurrency: 16 });
    for (const s of hosts) for (let i = 0; i < 6; i++) await sources.addSource({ url: `${s.url}/feed${i}` });
    const r = await ingestor.pollDue();
    expect(r).toMatchObject({ sources: 18, failedSources: 0, inserted: 18 });
    expect([...peak.values()]).toEqual([2, 2, 2]);
    // the three hosts were fetched side by side (more than the old cap of 4 is allowed overall)
    expect(overallPeak).toBe(6);
  });

  it("does not hold the feeds of other hosts behind a slow publisher's queue", async () => {
    const order: string[] = [];
    const slow = await serve((req, res) => {
      order.push("slow");
      setTimeout(() => res.writeHead(200).end(rss("", 1, `slow${req.url}`)), 300);
    });
    const fast = await serve((req, res) => {
      order.push("fast");
      res.writeHead(200).end(rss("", 1, `fast${req.url}`));
    });
    // claims need a real store (the in-memory one hands out everything due at once)
    const tdb = await freshDatabase("sqlite");
    const store = await createStore(tdb.url, silentLogger);
    try {
      const clock = fakeClock("2026-12-01T12:00:00Z");
      const ago = (m: number) => new Date(clock.now().getTime() - m * MIN);
      // the slow publisher's 24 feeds are due first, then 6 feeds of another host
      for (let i = 0; i < 24; i++) await store.addSource({ url: `${slow.url}/s${i}`, nextFetchAt: ago(5) });
      for (let i = 0; i < 6; i++) await store.addSource({ url: `${fast.url}/f${i}`, nextFetchAt: ago(1) });
      const ingestor = fakeIngestor({ sources: store, articles: store, clock, ...POLLING });
      const r = await ingestor.pollDue();
      expect(r.sources).toBe(30);
      // the other host's feeds went out while the slow publisher's first requests were running, not after
      // its queue had drained (two at a time, 300 ms each)
      const slowBefore = order.slice(0, order.lastIndexOf("fast")).filter((x) => x === "slow").length;
      expect(slowBefore).toBeLessThan(6);
    } finally {
      await store.close();
      await tdb.drop();
    }
  }, 30_000);

  it("stores every item of a huge feed polled while other feeds are fetched beside it", async () => {
    const huge = rss("", 2500, "big");
    let hugeOpen = false;
    let smallDuringHuge = 0;
    const big = await serve((_req, res) => {
      // sent in two halves 300 ms apart: the other polls run while this body is read and stored
      hugeOpen = true;
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write(huge.slice(0, huge.length / 2));
      setTimeout(() => {
        res.end(huge.slice(huge.length / 2));
        hugeOpen = false;
      }, 300);
    });
    const hosts = [];
    for (let h = 0; h < 2; h++) {
      hosts.push(
        await serve((req, res) => {
          if (hugeOpen) smallDuringHuge++;
          setTimeout(() => res.writeHead(200).end(rss("", 3, `small${h}${req.url}`)), 40);
        }),
      );
    }
    const articles = memoryArticleStore();
    const { ingestor, sources } = setup({ concurrency: 8, articles });
    await sources.addSource({ url: `${big.url}/huge` });
    for (const s of hosts) for (let i = 0; i < 6; i++) await sources.addSource({ url: `${s.url}/feed${i}` });
    const r = await ingestor.pollDue();
    expect(r).toMatchObject({ sources: 13, failedSources: 0, failed: 0, inserted: 2500 + 12 * 3 });
    expect(smallDuringHuge).toBeGreaterThan(0);
    const bigIds = new Set(
      articles.rows.filter((a) => a.input.title.startsWith("Dépêche big")).map((a) => a.input.url),
    );
    expect(bigIds.size).toBe(2500);
  }, 30_000);

  it("honours a 429's Retry-After (seconds or an HTTP date) for the next attempt", async () => {
    const s = await serve((req, res) => {
      // the test clock reads 12:00 GMT: three hours later, or 7200 s
      const later = req.url === "/date" ? "Tue, 01 Dec 2026 15:00:00 GMT" : "7200";
      res.writeHead(429, { "retry-after": later }).end();
    });
    const { ingestor, sources, clock } = setup();
    await sources.addSource({ url: `${s.url}/seconds` });
    await sources.addSource({ url: `${s.url}/date` });
    const r = await ingestor.pollDue();
    expect(r.failedSources).toBe(2);
    // the backoff alone would be 5 minutes
    expect(dueIn(sources.rows[0], clock.now())).toBe(120);
    expect(dueIn(sources.rows[1], clock.now())).toBe(180);
    expect(sources.rows[0]?.lastError).toMatch(/429/);
  });

  it("polls no sooner than ttl, sy:updatePeriod or Cache-Control max-age allow, also after a 304", async () => {
    const bodies: Record<string, { xml: string; headers?: Record<string, string> }> = {
      "/ttl": { xml: rss("<ttl>60</ttl>") },
      "/sy": { xml: rss("<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>48</sy:updateFrequency>") },
      "/max-age": { xml: rss(""), headers: { "cache-control": "public, max-age=1800" } },
      "/plain": { xml: rss("") },
    };
    const s = await serve((req, res) => {
      const b = bodies[req.url ?? ""] ?? { xml: "" };
      if (req.headers["if-none-match"] === '"v1"') res.writeHead(304, b.headers ?? {}).end();
      else res.writeHead(200, { etag: '"v1"', ...b.headers }).end(b.xml);
    });
    const { ingestor, sources, clock } = setup();
    for (const path of Object.keys(bodies)) await sources.addSource({ url: `${s.url}${path}` });
    await ingestor.pollDue();
    const expected = [60, 30, 30, 10];
    expect(sources.rows.map((r) => dueIn(r, clock.now()))).toEqual(expected);
    clock.advance(2 * 60 * MIN);
    const again = await ingestor.pollDue();
    expect(again.notModified).toBe(4);
    expect(sources.rows.map((r) => dueIn(r, clock.now()))).toEqual(expected);
  });

  it("keeps the interval a feed declared across a restart, though its 304s do not repeat it", async () => {
    const bodies: Record<string, string> = {
      "/ttl": rss("<ttl>60</ttl>"),
      "/sy": rss("<sy:updatePeriod>daily</sy:updatePeriod><sy:updateFrequency>48</sy:updateFrequency>"),
      "/plain": rss(""),
    };
    const s = await serve((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v1"' }).end(bodies[req.url ?? ""] ?? "");
    });
    const { ingestor, sources, clock, deps } = setup();
    for (const path of Object.keys(bodies)) await sources.addSource({ url: `${s.url}${path}` });
    await ingestor.pollDue();
    // the bot restarts: a new ingestor, nothing in memory, on the same database
    const restarted = createIngestor(deps);
    for (let round = 0; round < 2; round++) {
      clock.advance(2 * 60 * MIN);
      const r = await restarted.pollDue();
      expect(r.notModified).toBe(3);
      expect(sources.rows.map((row) => dueIn(row, clock.now()))).toEqual([60, 30, 10]);
    }
  });

  it("spreads the next due times of feeds fetched together over the end of the window", async () => {
    const s = await serve((req, res) => res.writeHead(200).end(rss("", 1, req.url)));
    let n = 0;
    const { ingestor, sources, clock } = setup({ random: () => (n++ % 10) / 10 });
    for (let i = 0; i < 10; i++) await sources.addSource({ url: `${s.url}/f${i}` });
    await ingestor.pollDue();
    const due = sources.rows.map((r) => dueIn(r, clock.now()));
    expect(new Set(due).size).toBe(10);
    for (const d of due) {
      expect(d).toBeGreaterThan(9);
      expect(d).toBeLessThanOrEqual(10);
    }
  });

  it("sends a conditional GET to every feed that gave an ETag or a Last-Modified", async () => {
    const stamp = "Tue, 01 Dec 2026 08:00:00 GMT";
    const s = await serve((req, res) => {
      if (req.url === "/etag") {
        if (req.headers["if-none-match"] === '"e1"') return res.writeHead(304).end();
        return res.writeHead(200, { etag: '"e1"' }).end(rss("", 1, "e"));
      }
      if (req.url === "/lm") {
        if (req.headers["if-modified-since"] === stamp) return res.writeHead(304).end();
        return res.writeHead(200, { "last-modified": stamp }).end(rss("", 1, "l"));
      }
      res.writeHead(200).end(rss("", 1, "n"));
    });
    const { ingestor, sources, clock } = setup();
    for (const p of ["/etag", "/lm", "/none"]) await sources.addSource({ url: `${s.url}${p}` });
    await ingestor.pollDue();
    clock.advance(11 * MIN);
    const second = await ingestor.pollDue();
    expect(second).toMatchObject({ sources: 3, notModified: 2, failedSources: 0 });
    const conditional = s.requests
      .slice(3)
      .map((q) => [q.path, q.headers["if-none-match"] ?? q.headers["if-modified-since"]]);
    expect(conditional).toEqual(
      expect.arrayContaining([
        ["/etag", '"e1"'],
        ["/lm", stamp],
        ["/none", undefined],
      ]),
    );
  });
});
