/**
 * The feed server of the polling bench (bench/polling.ts): 10,000 invented RSS feeds on one 127.0.0.1 port,
 * spread over a few hundred host names (`h007.bench.test`; the poller maps them to 127.0.0.1 and the server
 * reads the Host header). Every feed follows a plan drawn from a seeded PRNG: size (most 20–100 items, a few
 * huge), validators (ETag and/or Last-Modified, or none), poll hints (`ttl`, `sy:updatePeriod`,
 * `Cache-Control: max-age`) and behaviour (slow, hanging, 5xx, 429 with Retry-After, redirecting). About
 * 10 % of the feeds publish new items per window. The server measures what a publisher would see: requests
 * at once per host, bytes sent, 304s, requests that came before a Retry-After or a declared interval.
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import zlib from "node:zlib";
import { generateArticle, rng } from "./text.ts";

export const BENCH_DOMAIN = "bench.test";
const MIN = 60_000;

export type FeedKind = "normal" | "slow" | "hang" | "error" | "ratelimited" | "redirect";

/** One feed of the plan. */
export interface FeedPlan {
  id: number;
  host: string;
  path: string;
  /** Items the feed lists. */
  items: number;
  /** Full article text in content:encoded (else a description only). */
  full: boolean;
  etag: boolean;
  lastModified: boolean;
  kind: FeedKind;
  /** Delay of a slow feed, ms. */
  slowMs: number;
  /** RSS <ttl>, minutes. */
  ttl: number | null;
  /** sy:updatePeriod (with sy:updateFrequency 1). */
  syPeriod: "hourly" | "daily" | null;
  /** Cache-Control max-age on every answer, seconds. */
  maxAge: number | null;
}

/** The interval a feed declares (the longest of its hints), ms; 0 when none. */
export function declaredMs(f: FeedPlan): number {
  const sy = f.syPeriod === "hourly" ? 60 * MIN : f.syPeriod === "daily" ? 24 * 60 * MIN : 0;
  return Math.max((f.ttl ?? 0) * MIN, sy, (f.maxAge ?? 0) * 1000);
}

export interface PlanOptions {
  feeds: number;
  hosts: number;
  seed?: number;
}

/**
 * The feeds: the first tenth of the hosts are big publishers (a quarter of the feeds between them), the
 * rest share the others. Shares: 3 % slow (1–6 s), 0.5 % hanging (the client's timeout ends it), 1 % 5xx,
 * 1 % 429 with Retry-After, 1 % redirecting; 8 % without validators; 4 % ttl 60, 3 % sy:updatePeriod,
 * 5 % Cache-Control max-age 1800; 1 in 1,000 huge (2,000 items).
 */
export function feedPlan(o: PlanOptions): FeedPlan[] {
  const r = rng(o.seed ?? 16);
  const big = Math.max(1, Math.round(o.hosts / 10));
  const out: FeedPlan[] = [];
  for (let id = 0; id < o.feeds; id++) {
    const h = r() < 0.25 ? Math.floor(r() * big) : big + Math.floor(r() * (o.hosts - big));
    const x = r();
    const kind: FeedKind =
      x < 0.03
        ? "slow"
        : x < 0.035
          ? "hang"
          : x < 0.045
            ? "error"
            : x < 0.055
              ? "ratelimited"
              : x < 0.065
                ? "redirect"
                : "normal";
    const v = r();
    const size = r();
    const hint = r();
    out.push({
      id,
      host: `h${String(h).padStart(3, "0")}.${BENCH_DOMAIN}`,
      path: `/feeds/${id}.xml`,
      items: size < 0.001 ? 2000 : size < 0.03 ? 100 + Math.floor(r() * 200) : 20 + Math.floor(r() * 81),
      full: r() < 0.25,
      etag: v < 0.8,
      lastModified: v < 0.6 || (v >= 0.8 && v < 0.92),
      kind,
      slowMs: 1000 + Math.floor(r() * 5000),
      ttl: hint < 0.04 ? 60 : hint < 0.1 ? 5 : null,
      syPeriod: hint >= 0.1 && hint < 0.13 ? (hint < 0.12 ? "hourly" : "daily") : null,
      maxAge: hint >= 0.13 && hint < 0.18 ? 1800 : null,
    });
  }
  return out;
}

/** Item `j` of feed `f`: link, guid and the words the server and the archive seed share. */
export function itemLink(f: FeedPlan, j: number): string {
  return `https://www.${f.host.replace(`.${BENCH_DOMAIN}`, "")}.example/articles/${f.id}/${j}`;
}
export function itemGuid(f: FeedPlan, j: number): string {
  return `bench-${f.id}-${j}`;
}

interface FeedState {
  /** Number of the newest item; the feed lists newest … newest − items + 1. */
  newest: number;
  version: number;
  changedAt: number;
  /** A request before this time ignores a Retry-After the server sent (ms epoch). */
  retryNotBefore: number;
  /** A request before this time ignores an interval the feed declared in its last answer. */
  hintNotBefore: number;
  /** Alternates for 429 feeds: every other request is refused. */
  refusals: number;
  requests: number[];
}

export interface ServerStats {
  requests: number;
  byStatus: Record<string, number>;
  bytesOut: number;
  bytesIn: number;
  /** Highest number of requests at once to one host, and to all. */
  peakPerHost: number;
  peakOverall: number;
  hostsOverTwo: number;
  retryAfterSent: number;
  retryAfterIgnored: number;
  /** 429 feeds asked again after their Retry-After (the ones that proved it honoured). */
  retryAfterHonoured: number;
  hintIgnored: number;
  /** Requests to feeds with a declared interval that came after it (or with none pending). */
  hintedRequests: number;
  /** Requests carrying If-None-Match or If-Modified-Since. */
  conditional: number;
  /** Requests without validators to a feed that offers them (the poller knew them from the seed). */
  unconditional: number;
  newItemsPublished: number;
}

export interface FeedServer {
  port: number;
  plan: FeedPlan[];
  stats: ServerStats;
  /** Request times per feed (ms epoch). */
  requestTimes(id: number): number[];
  /** Per-second request counts since `from`. */
  perSecond(from: number, to: number): number[];
  /** The feed declared an interval before the bench (seeded): a request before `at` ignores it. */
  declaredUntil(id: number, at: number): void;
  /** Starts publishing the changes (their times count from `start`). */
  startChanges(changes: Change[], start: number): void;
  close(): Promise<void>;
}

/** A feed publishing `added` new items `at` ms after the start. */
export interface Change {
  at: number;
  id: number;
  added: number;
}

/**
 * When feeds publish: each feed with probability `share` per window, at a uniform time, 1–3 items; for
 * `durationMs`. Drawn in advance so the archive seed knows which feeds will answer with new items.
 */
export function changePlan(feeds: number, windowMs: number, share: number, durationMs: number, seed = 16): Change[] {
  const r = rng(seed * 13 + 5);
  const out: Change[] = [];
  const n = Math.round((feeds * share * durationMs) / windowMs);
  for (let k = 0; k < n; k++)
    out.push({ at: Math.floor(r() * durationMs), id: Math.floor(r() * feeds), added: 1 + Math.floor(r() * 3) });
  return out.sort((a, b) => a.at - b.at);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function feedXml(f: FeedPlan, st: FeedState, t0: number): string {
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">',
    `<channel><title>Bench ${f.id} (${esc(f.host)})</title><link>https://www.example/${f.id}</link>`,
    "<description>Flux inventé pour le banc de relève</description><language>fr</language>",
  ];
  if (f.ttl) head.push(`<ttl>${f.ttl}</ttl>`);
  if (f.syPeriod)
    head.push(`<sy:updatePeriod>${f.syPeriod}</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency>`);
  const parts = head;
  for (let j = st.newest; j > st.newest - f.items && j >= 0; j--) {
    const a = generateArticle(j, f.id + 1);
    // seeded items are spread over the days before the bench; new ones carry their publication time
    const at = j >= f.items ? st.changedAt - (st.newest - j) * 1000 : t0 - (f.items - j) * 3 * 3_600_000;
    parts.push(
      `<item><title>${esc(a.title)}</title><link>${itemLink(f, j)}</link><guid isPermaLink="false">${itemGuid(f, j)}</guid>`,
      `<pubDate>${new Date(at).toUTCString()}</pubDate><description>${esc(a.body.slice(0, 300))}…</description>`,
    );
    if (f.full) {
      const html = a.body
        .split("\n\n")
        .map((p) => `<p>${esc(p)}</p>`)
        .join("");
      parts.push(`<content:encoded><![CDATA[${html}]]></content:encoded>`);
    }
    parts.push("</item>");
  }
  parts.push("</channel></rss>");
  return parts.join("\n");
}

/** Starts the server on 127.0.0.1 (port 0). `t0` is the time the archive was seeded at. */
export async function startFeedServer(plan: FeedPlan[], t0: number, seed = 16): Promise<FeedServer> {
  const byKey = new Map(plan.map((f) => [`${f.host}${f.path}`, f]));
  const state: FeedState[] = plan.map((f) => ({
    newest: f.items - 1,
    version: 0,
    changedAt: t0 - 3_600_000,
    retryNotBefore: 0,
    hintNotBefore: 0,
    refusals: 0,
    requests: [],
  }));
  const stats: ServerStats = {
    requests: 0,
    byStatus: {},
    bytesOut: 0,
    bytesIn: 0,
    peakPerHost: 0,
    peakOverall: 0,
    hostsOverTwo: 0,
    retryAfterSent: 0,
    retryAfterIgnored: 0,
    retryAfterHonoured: 0,
    hintIgnored: 0,
    hintedRequests: 0,
    conditional: 0,
    unconditional: 0,
    newItemsPublished: 0,
  };
  const active = new Map<string, number>();
  const overTwo = new Set<string>();
  let overall = 0;
  const seconds = new Map<number, number>();
  const r = rng(seed * 7 + 1);
  const hanging = new Set<http.ServerResponse>();
  let changeTimer: NodeJS.Timeout | null = null;

  const etagOf = (f: FeedPlan, st: FeedState) => `"v${st.version}-${f.id}"`;
  const lastModOf = (st: FeedState) => new Date(Math.floor(st.changedAt / 1000) * 1000).toUTCString();

  const server = http.createServer((req, res) => {
    const now = Date.now();
    stats.requests++;
    const sec = Math.floor(now / 1000);
    seconds.set(sec, (seconds.get(sec) ?? 0) + 1);
    const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    const a = (active.get(host) ?? 0) + 1;
    active.set(host, a);
    overall++;
    stats.peakPerHost = Math.max(stats.peakPerHost, a);
    stats.peakOverall = Math.max(stats.peakOverall, overall);
    if (a > 2) overTwo.add(host);
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      active.set(host, (active.get(host) ?? 1) - 1);
      overall--;
    };
    res.on("close", end);
    const send = (status: number, headers: Record<string, string>, body?: string) => {
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
      if (body === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      const raw = Buffer.from(body, "utf8");
      if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        res.writeHead(status, { ...headers, "content-encoding": "gzip" }).end(zlib.gzipSync(raw, { level: 6 }));
      } else res.writeHead(status, headers).end(raw);
    };

    const moved = /^\/moved(\/feeds\/\d+\.xml)$/.exec(req.url ?? "");
    const f = byKey.get(`${host}${moved ? moved[1] : req.url}`);
    if (!f) {
      send(404, { "content-type": "text/plain" }, "no such feed");
      return;
    }
    const st = state[f.id] as FeedState;
    if (!moved) {
      // the hop a redirect leads to is the same poll
      st.requests.push(now);
      if (st.retryNotBefore > 0) {
        if (now < st.retryNotBefore - 1000) stats.retryAfterIgnored++;
        else stats.retryAfterHonoured++;
        st.retryNotBefore = 0;
      }
      if (st.hintNotBefore > 0) {
        if (now < st.hintNotBefore - 1000) stats.hintIgnored++;
        else stats.hintedRequests++;
      }
    }
    if (f.kind === "redirect" && !moved) {
      send(301, { location: `/moved${f.path}` });
      return;
    }
    if (f.kind === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (f.kind === "error") {
      send(500 + Math.floor(r() * 4), { "content-type": "text/plain" }, "upstream failure");
      return;
    }
    if (f.kind === "ratelimited" && st.refusals++ % 2 === 0) {
      stats.retryAfterSent++;
      // half say it in seconds, half as an HTTP date; both 7 minutes, longer than the first failure backoff
      const wait = 7 * MIN;
      st.retryNotBefore = now + wait;
      const retryAfter = f.id % 2 === 0 ? String(wait / 1000) : new Date(now + wait + 1000).toUTCString();
      send(429, { "retry-after": retryAfter, "content-type": "text/plain" }, "slow down");
      return;
    }
    const answer = () => {
      const headers: Record<string, string> = { "content-type": "application/rss+xml; charset=utf-8" };
      if (f.etag) headers.etag = etagOf(f, st);
      if (f.lastModified) headers["last-modified"] = lastModOf(st);
      if (f.maxAge) headers["cache-control"] = `max-age=${f.maxAge}`;
      const inm = req.headers["if-none-match"];
      const ims = req.headers["if-modified-since"];
      if (inm || ims) stats.conditional++;
      else if (f.etag || f.lastModified) stats.unconditional++;
      const fresh = f.etag
        ? inm === headers.etag
        : f.lastModified && ims
          ? Date.parse(String(ims)) >= Math.floor(st.changedAt / 1000) * 1000
          : false;
      const declared = declaredMs(f);
      if (declared > 0) st.hintNotBefore = Date.now() + declared;
      if (fresh) send(304, headers);
      else send(200, headers, feedXml(f, st, t0));
    };
    if (f.kind === "slow") setTimeout(answer, f.slowMs);
    else answer();
  });
  server.on("connection", (s: Socket) => {
    s.on("close", () => {
      stats.bytesOut += s.bytesWritten;
      stats.bytesIn += s.bytesRead;
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    port,
    plan,
    stats,
    requestTimes: (id) => state[id]?.requests ?? [],
    declaredUntil(id, at) {
      const st = state[id];
      if (st) st.hintNotBefore = at;
    },
    perSecond(from, to) {
      const out: number[] = [];
      for (let s = Math.floor(from / 1000); s < Math.floor(to / 1000); s++) out.push(seconds.get(s) ?? 0);
      return out;
    },
    startChanges(changes, start) {
      let next = 0;
      changeTimer = setInterval(() => {
        const now = Date.now();
        while (next < changes.length && start + (changes[next] as Change).at <= now) {
          const c = changes[next++] as Change;
          const st = state[c.id] as FeedState;
          st.newest += c.added;
          st.version++;
          st.changedAt = now;
          stats.newItemsPublished += c.added;
        }
      }, 1000);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (changeTimer) clearInterval(changeTimer);
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
        stats.hostsOverTwo = overTwo.size;
      }),
  };
}
