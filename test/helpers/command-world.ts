/**
 * A test world for the admin commands: a fresh SQLite store, the real ingestor and commands, the admin
 * services with safe-fetch (127.0.0.1 allowlisted unless told otherwise), and a feed server on 127.0.0.1.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commands } from "../../commands/index.ts";
import { findStory } from "../../src/analysis/stories.ts";
import { defaultTaxonomy, resolveTopic } from "../../src/analysis/taxonomy.ts";
import { adminServicesFor, analyzerFor, topicInfos } from "../../src/app.ts";
import { createBotCore } from "../../src/core/dispatch.ts";
import { type Clock, type Logger, silentLogger } from "../../src/core/logger.ts";
import type { BotCore } from "../../src/core/platform.ts";
import { createIngestor, type Ingestor } from "../../src/ingest/pipeline.ts";
import { recordingLogger } from "../../src/logging.ts";
import { createStore, type Store } from "../../src/store/index.ts";

export const NOW = new Date("2026-11-22T10:00:00Z");

/** An invented French feed on the Kazakhstan–Russia beat. */
export function rssFeed(title: string, items: Array<{ title: string; day: string; text: string }>): string {
  const body = items
    .map(
      (
        i,
        n,
      ) => `<item><title>${i.title}</title><link>https://steppe-info.test/a/${encodeURIComponent(title)}/${n}</link>
<guid>${title}-${n}</guid><pubDate>${new Date(`${i.day}T08:00:00Z`).toUTCString()}</pubDate>
<description>${i.text}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>
<link>https://steppe-info.test/</link><description>Actualité</description>${body}</channel></rss>`;
}

export const FEED = rssFeed("Steppe Info", [
  {
    title: "Astana et Moscou signent un accord sur le transit du pétrole",
    day: "2026-11-20",
    text: "Le ministre kazakh de l'Énergie a annoncé mercredi à Astana un nouvel accord avec la Russie sur le transit du pétrole par l'oléoduc de la Caspienne, après deux jours de négociations.",
  },
  {
    title: "Tokaïev reçoit une délégation russe à Akorda",
    day: "2026-11-21",
    text: "Le président Kassym-Jomart Tokaïev a reçu jeudi une délégation du gouvernement russe pour discuter de la coopération frontalière et des échanges commerciaux entre les deux pays.",
  },
  {
    title: "Les exportations de céréales vers la Russie reculent",
    day: "2026-11-19",
    text: "Selon les chiffres publiés mardi par le ministère kazakh de l'Agriculture, les exportations de blé vers la Russie ont diminué de douze pour cent sur un an, en raison des quotas décidés à Moscou.",
  },
]);

export interface FeedServer {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

/** Serves the test documents: a feed, an HTML page, a 404, a huge file, a redirect to a private address. */
export async function startFeedServer(): Promise<FeedServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const url = req.url ?? "/";
    if (url === "/feed.xml" || url === "/other.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: '"v1"' });
      res.end(
        url === "/feed.xml" ? FEED : FEED.replaceAll("Steppe Info", "Autre Flux").replaceAll("steppe-info", "autre"),
      );
    } else if (url === "/page.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(
        "<!doctype html><html><head><title>Accueil</title></head><body><p>Bienvenue sur notre site.</p></body></html>",
      );
    } else if (url === "/huge.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        `<rss version="2.0"><channel><title>Énorme</title>${"<item><title>x</title></item>".repeat(20_000)}</channel></rss>`,
      );
    } else if (url === "/to-private") {
      res.writeHead(302, { location: "http://10.0.0.7/feed.xml" });
      res.end();
    } else if (url === "/to-metadata") {
      res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" });
      res.end();
    } else {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * The real commands over a store, as the bot wires them: the dispatcher with every service, the admin services
 * with their own ingestor (safe-fetch allowing only `allowHosts` beside public addresses).
 */
export function commandCore(o: { store: Store; clock: Clock; logger: Logger; allowHosts?: string[] }): {
  core: BotCore;
  ingestor: Ingestor;
} {
  const { store, clock, logger } = o;
  const ingestor = createIngestor({
    sources: store,
    articles: store,
    analyze: analyzerFor(defaultTaxonomy),
    findStory,
    clock,
    logger: silentLogger,
  });
  const fetchOptions = { allowHosts: o.allowHosts ?? [], timeoutMs: 5000, maxBytes: 100_000 };
  const core = createBotCore({
    commands,
    services: {
      queries: store,
      logger,
      topics: topicInfos(defaultTaxonomy),
      resolveTopic: (input) => resolveTopic(input, defaultTaxonomy),
      admin: adminServicesFor({ store, ingestor, taxonomy: defaultTaxonomy, clock, fetchOptions }),
      chatLang: (chat) => store.chatLanguage(chat),
    },
    logger,
    clock,
  });
  return { core, ingestor };
}

export interface World {
  store: Store;
  core: BotCore;
  feeds: FeedServer;
  /** The ingestor the admin commands use (its fetches get no loopback exception: polls of 127.0.0.1 fail). */
  ingestor: Ingestor;
  logger: ReturnType<typeof recordingLogger>;
  clock: Clock & { set(d: Date): void };
  close(): Promise<void>;
}

/**
 * Store + core + feed server. `allowLoopback: false` shows the SSRF refusal; `databaseUrl` runs the same world on
 * another database (PostgreSQL in admin.pg.test.ts) instead of a temporary SQLite file.
 */
export async function startWorld(opts: { allowLoopback?: boolean; databaseUrl?: string } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), "newsbot-admin-"));
  const store = await createStore(opts.databaseUrl ?? `file:${join(dir, "test.db")}`, silentLogger);
  const feeds = await startFeedServer();
  const logger = recordingLogger();
  let now = NOW;
  const clock = {
    now: () => now,
    set: (d: Date) => {
      now = d;
    },
  };
  const { core, ingestor } = commandCore({
    store,
    clock,
    logger,
    allowHosts: opts.allowLoopback === false ? [] : ["127.0.0.1"],
  });
  return {
    store,
    core,
    feeds,
    ingestor,
    logger,
    clock,
    async close() {
      await feeds.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Row counts a refused command must leave unchanged. */
export async function counts(store: Store) {
  const sources = (await store.listSources()).length;
  const articles = (await store.stats()).articles;
  const audit = (await store.audit.latest(100)).length;
  return { sources, articles, audit };
}
