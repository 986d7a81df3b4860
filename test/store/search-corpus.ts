/**
 * A store holding a small corpus of invented articles from one outlet, for the search tests (French, Russian):
 * each article is known by its key, and `found(query)` gives the keys of the hits in rank order.
 */
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createStore, type Store, type StoreOptions } from "../../src/store/index.ts";
import { type BackendName, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input } from "./builder.ts";

export interface CorpusArticle {
  title: string;
  text: string;
  topics?: string[];
  /** The language its analysis found (French by default). */
  lang?: string;
}

export interface SearchCorpus<K extends string> {
  tdb: TestDatabase;
  store: Store;
  /** Keys of the articles `store.search(query)` finds, best first. */
  found(query: string): Promise<Array<K | undefined>>;
  close(): Promise<void>;
}

export async function openSearchCorpus<K extends string>(
  backend: BackendName,
  articles: Record<K, CorpusArticle>,
  o: { outlet: { url: string; title: string }; publishedAt?: Date; store?: StoreOptions },
): Promise<SearchCorpus<K>> {
  const tdb = await freshDatabase(backend);
  const store = await createStore(tdb.url, silentLogger, o.store);
  const keyOf = new Map<string, K>();
  const src = await store.addSource(o.outlet);
  for (const [key, a] of Object.entries(articles) as Array<[K, CorpusArticle]>) {
    await saveArticle(store, {
      input: input({
        title: a.title,
        sourceId: src.id,
        url: `${new URL(o.outlet.url).origin}/${key}`,
        publishedAt: o.publishedAt ?? null,
      }),
      analysis: analysis({
        title: a.title,
        text: `${a.title}. ${a.text}`,
        topics: a.topics ?? [],
        ...(a.lang ? { language: a.lang } : {}),
      }),
      contentHash: hash(a.text),
      storyId: null,
    });
    keyOf.set(a.title, key);
  }
  return {
    tdb,
    store,
    found: async (q) => (await store.search(q, 20)).map((h) => keyOf.get(h.title)),
    async close() {
      await store.close();
      await tdb.drop();
    },
  };
}
