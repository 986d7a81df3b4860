import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createDb, type Db } from "../../src/store/db.ts";
import { createStore, type Store } from "../../src/store/index.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input } from "./builder.ts";

const ARTICLES = [
  {
    title: "Kassym-Jomart Tokaïev reçu au Kremlin",
    text: "Le président Tokaïev a été reçu à Moscou. Les deux dirigeants se sont rencontrés pendant trois heures.",
  },
  {
    title: "Pipeline caspien : la production reprend",
    text: "Le consortium annonce que les pompes ont redémarré près de Novorossiisk après une tempête.",
  },
  {
    title: "Baïkonour : un nouveau bail spatial",
    text: "Roscosmos et l'agence kazakhe prolongent l'accord sur le cosmodrome jusqu'en 2060.",
  },
];

describe.each(backends)("full-text search on %s", (backend) => {
  let tdb: TestDatabase;
  let store: Store;
  let db: Db;
  const ids: number[] = [];
  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    store = await createStore(tdb.url, silentLogger);
    db = (await createDb(tdb.url)).db;
    const src = await store.addSource({ url: "https://caspienne.example/rss", title: "La Caspienne" });
    for (const [i, a] of ARTICLES.entries()) {
      const r = await saveArticle(store, {
        input: input({ title: a.title, sourceId: src.id, url: `https://caspienne.example/${i}` }),
        analysis: analysis({ title: a.title, text: a.text }),
        contentHash: hash(a.text),
        storyId: null,
      });
      ids.push(r.articleId);
    }
  });
  afterAll(async () => {
    await db?.$disconnect();
    await store?.close();
    await tdb?.drop();
  });

  const titles = async (q: string) => (await store.search(q, 10)).map((h) => h.title);

  it.each(["tokaiev", "Tokaïev", "TOKAIEV", "tokaïev kremlin"])("finds the accented name with %j", async (q) => {
    expect(await titles(q)).toEqual([ARTICLES[0]?.title]);
  });

  it("matches body words regardless of accents and returns a snippet and the source", async () => {
    const hits = await store.search("rencontres", 10);
    expect(hits.map((h) => h.articleId)).toEqual([ids[0]]);
    expect(hits[0]?.snippet).toMatch(/rencontr/i);
    expect(hits[0]?.source).toBe("La Caspienne");
    expect(hits[0]?.url).toBe("https://caspienne.example/0");
    expect(await titles("baikonour")).toEqual([ARTICLES[2]?.title]);
    expect(await titles("cosmodrome")).toEqual([ARTICLES[2]?.title]);
  });

  it("requires every term", async () => {
    expect(await titles("tokaiev pipeline")).toEqual([]);
  });

  it.each([
    '"',
    "*",
    "NEAR(",
    'tokaiev NEAR( " *',
    "title:tokaiev",
    "-tokaiev",
    "a OR b AND NOT c",
    '\'; DROP TABLE "Article"; --',
    "' OR 1=1 --",
    "\\",
    "%_%",
    "",
    "   ",
    "x".repeat(10_000),
    "tokaiev ".repeat(2000),
  ])("treats hostile input %# as plain text", async (q) => {
    await expect(store.search(q, 10)).resolves.toBeInstanceOf(Array);
  });

  it("finds a word even when it is written with FTS operators around it", async () => {
    expect(await titles('"Tokaïev" (kremlin) * ^')).toEqual([ARTICLES[0]?.title]);
    expect((await store.stats()).articles).toBe(3);
  });

  it("follows updates and deletes", async () => {
    await db.article.update({
      where: { id: ids[1] as number },
      data: { title: "Oléoduc : reprise à Atyraou", body: "Rien sur les pompes." },
    });
    expect(await titles("novorossiisk")).toEqual([]);
    expect(await titles("atyraou")).toEqual(["Oléoduc : reprise à Atyraou"]);
    expect(await titles("oleoduc")).toEqual(["Oléoduc : reprise à Atyraou"]);
    await db.article.delete({ where: { id: ids[2] as number } });
    expect(await titles("baikonour")).toEqual([]);
    expect(await titles("tokaiev")).toEqual([ARTICLES[0]?.title]);
  });
});
