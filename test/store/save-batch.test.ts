/**
 * Ingestion stores a batch (findDuplicates + saveBatch, one transaction) exactly as it stores the same items one
 * at a time (batches of one): same articles, stories, quotes with their speakers, timeline and topics; duplicates
 * inside the batch and on a second run are recognised. When the batch's transaction fails, its articles are saved
 * one by one and an article another writer stored meanwhile counts as a duplicate. Invented French feed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findStory } from "../../src/analysis/stories.ts";
import { defaultTaxonomy } from "../../src/analysis/taxonomy.ts";
import { analyzerFor } from "../../src/app.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { ArticleStore } from "../../src/core/store.ts";
import { createIngestor } from "../../src/ingest/pipeline.ts";
import { createDb } from "../../src/store/db.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, event, hash, input, person, quote } from "./builder.ts";

const items = [
  {
    title: "Gaz : Tokaïev et Poutine signent un accord de livraisons à Astana",
    date: "Wed, 12 Mar 2025 09:00:00 GMT",
    body: "ASTANA, 12 mars 2025 — Le président kazakh Kassym-Jomart Tokaïev a reçu Vladimir Poutine pour signer un accord sur les livraisons de gaz. « Cet accord garantit la stabilité de nos approvisionnements pour dix ans », a déclaré Kassym-Jomart Tokaïev. Les deux dirigeants se reverront le 4 juillet 2025 à Moscou.",
  },
  {
    title: "Accord gazier : Poutine salue « un partenariat solide » avec le Kazakhstan",
    date: "Wed, 12 Mar 2025 15:00:00 GMT",
    body: "Le président russe Vladimir Poutine a salué mercredi l'accord gazier signé à Astana avec Kassym-Jomart Tokaïev. « Nous construisons un partenariat solide et durable », a affirmé Vladimir Poutine. La prochaine rencontre est prévue le 4 juillet 2025 à Moscou.",
  },
  {
    title: "Sanctions : Lavrov met en garde les banques kazakhes",
    date: "Mon, 17 Mar 2025 10:00:00 GMT",
    body: "Le ministre russe des Affaires étrangères Sergueï Lavrov a critiqué lundi la suspension de virements en roubles par plusieurs banques kazakhes. « Ces décisions ne servent pas nos intérêts communs », a déclaré Sergueï Lavrov. Une réunion des ministres est prévue le 2 avril 2025.",
  },
  {
    // the same text again under another address: a duplicate by content
    title: "Sanctions : Lavrov met en garde les banques kazakhes (reprise)",
    date: "Mon, 17 Mar 2025 11:00:00 GMT",
    body: "Le ministre russe des Affaires étrangères Sergueï Lavrov a critiqué lundi la suspension de virements en roubles par plusieurs banques kazakhes. « Ces décisions ne servent pas nos intérêts communs », a déclaré Sergueï Lavrov. Une réunion des ministres est prévue le 2 avril 2025.",
  },
  {
    title: "Migration : Zakharova répond sur les conditions de séjour au Kazakhstan",
    date: "Fri, 21 Mar 2025 08:00:00 GMT",
    body: "La porte-parole de la diplomatie russe Maria Zakharova a commenté vendredi les nouvelles règles de séjour au Kazakhstan. « Nos citoyens doivent être informés des conditions d'enregistrement », a-t-elle déclaré. Les nouvelles règles entrent en vigueur le 1er mai 2025.",
  },
];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const itemXml = items.map(
  (it, i) =>
    `<item><title>${esc(it.title)}</title><link>https://veille.example/a/${i}</link><guid>veille-${i}</guid><pubDate>${it.date}</pubDate><description>${esc(it.body)}</description></item>`,
);
const feedOf = (parts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Veille steppe</title>${parts.join("")}</channel></rss>`;
const feed = feedOf(itemXml);

/** The store, with `saveBatch` replaced for batches of more than one article. */
function withBigBatches(store: Store, saveBig: ArticleStore["saveBatch"]): ArticleStore {
  return {
    findDuplicates: (k) => store.findDuplicates(k),
    storyCandidates: (a, d) => store.storyCandidates(a, d),
    saveBatch: (batch) => (batch.length > 1 ? saveBig(batch) : store.saveBatch(batch)),
  };
}

async function snapshot(store: Store) {
  const stories = await store.latest({ limit: 50 });
  return {
    stats: await store.stats(),
    stories: stories.map((s) => `${s.title} (${s.articleCount})`).sort(),
    quotes: (await store.quotes({ keyword: "", limit: 50 }))
      .concat(await store.quotes({ speaker: "Tokaïev", limit: 10 }))
      .concat(await store.quotes({ speaker: "Lavrov", limit: 10 }))
      .map((q) => `${q.speaker}: ${q.text}`),
    timeline: (await store.timeline({ limit: 50 })).map((e) => `${e.start} ${e.articleCount}`),
    topics: await store.topicCounts(),
  };
}

describe.each(backends)("batched ingestion on %s", (backend) => {
  const dbs: TestDatabase[] = [];
  const stores: Store[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const db = await freshDatabase(backend);
      dbs.push(db);
      stores.push(await createStore(db.url, silentLogger));
    }
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const d of dbs) await d.drop();
  });
  /** A store over a fresh database, closed and dropped after the tests. */
  async function freshStore() {
    const db = await freshDatabase(backend);
    dbs.push(db);
    const store = await createStore(db.url, silentLogger);
    stores.push(store);
    return { db, store };
  }

  const ingestor = (store: Store, articles: ArticleStore) =>
    createIngestor({
      sources: store,
      articles,
      analyze: analyzerFor(defaultTaxonomy),
      findStory,
      clock: { now: () => new Date("2025-03-25T00:00:00Z") },
      logger: silentLogger,
    });

  it("stores a batch as it stores the items one at a time, and recognises duplicates", async () => {
    const [batched, single] = stores as [Store, Store];
    const a = await ingestor(batched, batched).ingestFeedXml(feed, null);
    const one = ingestor(single, single);
    const b = { inserted: 0, duplicates: 0, failed: 0 };
    for (const part of itemXml) {
      const r = await one.ingestFeedXml(feedOf([part]), null);
      b.inserted += r.inserted;
      b.duplicates += r.duplicates;
      b.failed += r.failed;
    }
    expect(a).toMatchObject({ inserted: 4, duplicates: 1, failed: 0 });
    expect(b).toEqual({ inserted: 4, duplicates: 1, failed: 0 });
    const snapA = await snapshot(batched);
    expect(snapA).toEqual(await snapshot(single));
    expect(snapA.stats).toMatchObject({ articles: 4 });
    expect(snapA.quotes.some((q) => q.startsWith("Sergueï Lavrov: Ces décisions"))).toBe(true);
    expect(snapA.topics.length).toBeGreaterThan(0);
    expect(snapA.timeline.length).toBeGreaterThan(0);

    const again = await ingestor(batched, batched).ingestFeedXml(feed, null);
    expect(again).toMatchObject({ inserted: 0, duplicates: 5, failed: 0 });
    expect((await batched.stats()).articles).toBe(4);
  });

  it("saves a failed batch's articles one by one; one stored meanwhile by another writer is a duplicate", async () => {
    const { store } = await freshStore();
    // Another writer stores the batch's first article between our dedupe query and our transaction.
    let raced = 0;
    const racing = withBigBatches(store, async (batch) => {
      raced++;
      await store.saveBatch(batch.slice(0, 1));
      return store.saveBatch(batch);
    });
    const r = await ingestor(store, racing).ingestFeedXml(feed, null);
    expect(raced).toBe(1);
    expect(r).toMatchObject({ inserted: 3, duplicates: 2, failed: 0 });
    const [reference] = stores as [Store];
    expect(await snapshot(store)).toEqual(await snapshot(reference));
    // A batch that fails for any other reason is stored one by one too.
    const { store: plain } = await freshStore();
    const failing = withBigBatches(plain, () => Promise.reject(new Error("transaction refusée")));
    expect(await ingestor(plain, failing).ingestFeedXml(feed, null)).toMatchObject({
      inserted: 4,
      duplicates: 1,
      failed: 0,
    });
    expect(await snapshot(plain)).toEqual(await snapshot(reference));
  });

  it("stores awkward text exactly: quotes, backslashes, JSON and SQL look-alikes, emoji, line breaks", async () => {
    const { db, store } = await freshStore();
    const nasty = [
      `Titre "entre guillemets" et l'apostrophe`,
      "Antislash \\ et \\u00e9 littéral, tab\tfin",
      '{"a": [1, 2], "b": null} ]"); DROP TABLE "Article"; --',
      "Emoji 🇰🇿🤝🇷🇺 et séparateur\u2028de ligne\nnouvelle ligne",
      "Demi-caractère \uD800 isolé",
    ];
    const published = new Date("2025-03-12T09:30:15.123Z");
    const saved = await store.saveBatch(
      nasty.map((title, i) => ({
        input: input({ title, url: `https://veille.example/n/${i}`, publishedAt: published }),
        analysis: analysis({
          title,
          text: `${title}\ncorps ${i}`,
          topics: [`sujet-${i % 2}`],
          people: [person(`Personne ${title.slice(0, 12)}`)],
          quotes: [quote(title, `Personne ${title.slice(0, 12)}`)],
          events: [event("2025-03-12", title, title)],
        }),
        contentHash: hash(title),
        storyId: null,
      })),
    );
    expect(saved).toHaveLength(nasty.length);
    const { db: client } = await createDb(db.url);
    try {
      const rows = await client.article.findMany({
        orderBy: { id: "asc" },
        select: { title: true, body: true, publishedAt: true, seeded: true, quotes: { select: { text: true } } },
      });
      // A lone surrogate is stored as U+FFFD, as the drivers store it when bound as a parameter.
      const stored = nasty.map((t) => t.replace("\uD800", "\uFFFD"));
      expect(rows.map((r) => r.title)).toEqual(stored);
      expect(rows.map((r) => r.quotes[0]?.text)).toEqual(stored);
      expect(rows.every((r) => r.publishedAt?.toISOString() === published.toISOString() && r.seeded === false)).toBe(
        true,
      );
      const events = await client.event.findMany({ orderBy: { id: "asc" }, select: { summary: true, curated: true } });
      expect(events).toEqual(stored.map((summary) => ({ summary, curated: false })));
      expect(await client.topic.count()).toBe(2);
    } finally {
      await client.$disconnect();
    }
    // The stored text is searchable like any other.
    expect((await store.search("séparateur", 5)).map((h) => h.title)).toEqual([nasty[3]]);
  });

  it("ingests a feed bigger than one batch and one dedupe lookup, and recognises all of it again", async () => {
    const { store } = await freshStore();
    const n = 620;
    const big = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Grand flux</title>${Array.from(
      { length: n },
      (_, i) =>
        `<item><title>Dépêche ${i} sur le corridor</title><link>https://flux.example/d/${i}</link><guid>d-${i}</guid><pubDate>Wed, 12 Mar 2025 09:00:00 GMT</pubDate><description>Astana, dépêche numéro ${i} : le corridor ferroviaire ${i} a transporté ${i * 7} conteneurs.</description></item>`,
    ).join("")}</channel></rss>`;
    const first = await ingestor(store, store).ingestFeedXml(big, null);
    expect(first).toMatchObject({ inserted: n, duplicates: 0, failed: 0 });
    const again = await ingestor(store, store).ingestFeedXml(big, null);
    expect(again).toMatchObject({ inserted: 0, duplicates: n, failed: 0 });
    expect((await store.stats()).articles).toBe(n);
    // One lookup for more keys than one statement may carry (SQLite takes 999 parameters): every one is found,
    // in order, and unknown ones stay null.
    const keys = Array.from({ length: n + 5 }, (_, i) => ({
      url: `https://flux.example/d/${i}`,
      guid: `d-${i}`,
      sourceId: null,
      contentHash: `inconnu-${i}`,
    }));
    const ids = (await store.findDuplicates(keys)).map((d) => d?.articleId ?? null);
    expect(ids).toHaveLength(n + 5);
    expect(ids.slice(0, n).every((id) => typeof id === "number")).toBe(true);
    expect(new Set(ids.slice(0, n)).size).toBe(n);
    expect(ids.slice(n)).toEqual([null, null, null, null, null]);
  });

  // Several bot processes share PostgreSQL; SQLite is the one-process setup (its writers lock the whole file).
  it.skipIf(backend === "sqlite")(
    "stores each article once when two bot processes ingest the same feed at the same time",
    async () => {
      const { db, store: a } = await freshStore();
      // Two stores = two connection pools, as two bot processes on one database would have.
      const b = await createStore(db.url, silentLogger);
      stores.push(b);
      const [ra, rb] = await Promise.all([
        ingestor(a, a).ingestFeedXml(feed, null),
        ingestor(b, b).ingestFeedXml(feed, null),
      ]);
      expect(ra.failed + rb.failed).toBe(0);
      expect(ra.inserted + rb.inserted).toBe(4);
      expect(ra.duplicates + rb.duplicates).toBe(6);
      expect(await a.stats()).toMatchObject({ articles: 4 });
    },
  );
});
