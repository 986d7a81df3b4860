/**
 * Search in Russian, the same on SQLite and PostgreSQL (TEST_PG_URL): word forms by the Russian Snowball
 * stemmer (Токаев / Токаеву, переговоры / переговорах), ё and е alike, Russian phrases and exclusions,
 * French and Russian articles side by side, hostile input. Invented articles on the beat.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stemmer as frenchStemmer } from "@orama/stemmers/french";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { saveArticle } from "../../src/core/store.ts";
import { createDb } from "../../src/store/db.ts";
import { applyMigrations, createStore } from "../../src/store/index.ts";
import { prismaDir } from "../../src/store/migration-files.ts";
import { foldWord, parseSearchQuery, stemsOf, stemWord } from "../../src/store/search-query.ts";
import { backends, freshDatabase, type TestDatabase } from "./backends.ts";
import { analysis, hash, input } from "./builder.ts";
import { openSearchCorpus, type SearchCorpus } from "./search-corpus.ts";

const A = {
  telegram: {
    lang: "ru",
    title: "Путин направил телеграмму Токаеву",
    text: "В телеграмме Токаеву российский лидер пожелал успехов в подготовке визита в Оренбург.",
  },
  meeting: {
    lang: "ru",
    title: "Токаев принял губернатора Оренбургской области",
    text: "Глава государства обсудил с гостем приграничную торговлю и ремонт моста через реку Урал.",
  },
  talks: {
    lang: "ru",
    title: "Делегации завершили раунд консультаций",
    text: "На переговорах в Астане стороны обсудили поставки газа и тарифы на транзит зерна.",
  },
  treeYo: {
    lang: "ru",
    title: "Главную ёлку столицы установят на площади",
    text: "Ёлку высотой двадцать метров привезут из питомника под Щучинском.",
  },
  treeYe: {
    lang: "ru",
    title: "Новогодняя елка в Оренбурге",
    text: "Городские власти выбрали елку для центральной площади и обещали праздничный концерт.",
  },
  french: {
    lang: "fr",
    title: "Tokaïev reçoit le gouverneur d'Orenbourg",
    text: "Les négociations ont porté sur le commerce frontalier et la réparation du pont sur l'Oural.",
  },
} satisfies Record<string, { lang: string; title: string; text: string }>;

type Key = keyof typeof A;

describe.each(backends)("Russian search on %s", (backend) => {
  let corpus: SearchCorpus<Key>;
  beforeAll(async () => {
    corpus = await openSearchCorpus(backend, A, {
      outlet: { url: "https://stepnye-vesti.example/rss", title: "Степные вести" },
      publishedAt: new Date("2026-11-20T09:00:00Z"),
    });
  });
  afterAll(async () => corpus?.close());

  const found = (q: string) => corpus.found(q);

  it("finds every case form of a name, the form as typed first", async () => {
    expect(new Set(await found("Токаев"))).toEqual(new Set(["telegram", "meeting"]));
    const dative = await found("Токаеву");
    expect(new Set(dative)).toEqual(new Set(["telegram", "meeting"]));
    expect(dative[0]).toBe("telegram");
    expect((await found("токаев"))[0]).toBe("meeting");
    // The Latin spelling is another word: it finds the French article only.
    expect(await found("Tokaïev")).toEqual(["french"]);
  });

  it("finds переговорах for переговоры, and phrases across word forms", async () => {
    expect(await found("переговоры")).toEqual(["talks"]);
    expect(await found("переговор")).toEqual(["talks"]);
    expect(await found("«переговоры в Астане»")).toEqual(["talks"]);
    expect(await found('"переговоры в Оренбурге"')).toEqual([]);
  });

  it("takes ё and е as the same letter", async () => {
    const yo = await found("ёлка");
    expect(new Set(yo)).toEqual(new Set(["treeYo", "treeYe"]));
    expect(new Set(await found("елка"))).toEqual(new Set(yo));
    expect(new Set(await found("ЁЛКИ"))).toEqual(new Set(yo));
  });

  it("excludes Russian -words by their stem", async () => {
    expect(new Set(await found("Оренбург"))).toEqual(new Set(["telegram", "meeting", "treeYe"]));
    expect(new Set(await found("Оренбург -ёлки"))).toEqual(new Set(["telegram", "meeting"]));
    expect(await found("-Токаев")).toEqual([]);
  });

  it("drops Russian stop words and finds nothing for them alone", async () => {
    expect(await found("и в на")).toEqual([]);
    expect(await found("переговоры и газ")).toEqual(["talks"]);
  });

  it.each([
    ["Токаев:* & | ! ( ) <-> 'губернатора'", "meeting"],
    ["Токаев\u0000", "meeting"],
    ['ёлка\\ %_ "', "treeYo"],
    ["🎄 ёлка 🇷🇺", "treeYo"],
    ["«ёлка» -(Оренбург) |", "treeYo"],
  ])("keeps the words of hostile input %j", async (q, key) => {
    expect(await found(q)).toContain(key);
  });

  it.each(["«»—–…", 'Токаев OR 1=1; DROP TABLE "Article"; --', "Ток".repeat(2000), "ё".repeat(100), "-"])(
    "answers %j without error, and the data is intact",
    async (q) => {
      expect(Array.isArray(await found(q))).toBe(true);
      expect(new Set(await found("Токаев"))).toEqual(new Set(["telegram", "meeting"]));
    },
  );

  it("counts the articles of a Russian word in every form for /trend", async () => {
    const count = async (keyword: string) =>
      (await corpus.store.coverage?.({ keyword, from: "2026-11-01", to: "2026-11-30" }))?.articles.length;
    expect(await count("Токаев")).toBe(2);
    expect(await count("переговорах")).toBe(1);
    expect(await count("Tokaïev")).toBe(1);
  });

  it.runIf(backend === "postgresql")("stems Russian words as PostgreSQL's russian configuration does", async () => {
    const words = [
      ...new Set(
        Object.values(A)
          .filter((a) => a.lang === "ru")
          .flatMap((a) => `${a.title} ${a.text}`.match(/[\p{L}\p{N}]+/gu) ?? [])
          .concat(["Токаевым", "Касым-Жомарт", "заявил", "подчеркнула", "переговорами", "ещё", "её", "новый"]),
      ),
    ];
    const { db } = await createDb(corpus.tdb.url);
    try {
      for (const w of words) {
        const rows = await db.$queryRaw<Array<{ lexemes: string[] | null }>>`
          SELECT ts_lexize('russian_stem', lower(translate(${w}, 'Ёё', 'Ее'))) AS "lexemes"`;
        const pg = rows[0]?.lexemes ?? [];
        if (pg.length > 0) expect(stemWord(foldWord(w)), w).toBe(pg[0]);
      }
    } finally {
      await db.$disconnect();
    }
  });
});

describe.each(backends)("the Russian search migration on %s", (backend) => {
  const RUSSIAN_SEARCH = "20261202104401_russian_search";
  let tdb: TestDatabase;
  let before: string;

  beforeAll(async () => {
    tdb = await freshDatabase(backend);
    before = mkdtempSync(join(tmpdir(), "newsbot-migs-"));
    cpSync(join(prismaDir, backend, "migrations"), before, { recursive: true });
    rmSync(join(before, RUSSIAN_SEARCH), { recursive: true });
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await tdb?.drop();
  });

  it("reindexes the articles stored before it", async () => {
    await applyMigrations(tdb.url, silentLogger, { migrationsDir: before });
    const old = await createStore(tdb.url, silentLogger, { migrate: false });
    const a = A.talks;
    const { articleId: id } = await saveArticle(old, {
      input: input({ title: a.title }),
      analysis: analysis({ title: a.title, text: a.text, language: "ru" }),
      contentHash: hash(a.text),
      storyId: null,
    });
    if (backend === "sqlite") {
      // The stem index row as the previous version wrote it: every word folded and stemmed as French.
      const oldStems = (t: string) =>
        (t.match(/[\p{L}\p{N}]+/gu) ?? [])
          .map((w) =>
            frenchStemmer(
              w
                .toLowerCase()
                .normalize("NFD")
                .replace(/\p{M}+/gu, ""),
            ),
          )
          .join(" ");
      const { db } = await createDb(tdb.url);
      await db.$executeRaw`DELETE FROM "ArticleStemFts" WHERE rowid = ${id}`;
      await db.$executeRaw`INSERT INTO "ArticleStemFts"(rowid, titleStems, bodyStems)
        VALUES (${id}, ${oldStems(a.title)}, ${oldStems(a.text)})`;
      await db.$disconnect();
    }
    const phrase = "«переговоры в Астане»";
    expect(await old.search(phrase, 5)).toEqual([]);
    await old.close();

    const migrated = await applyMigrations(tdb.url, silentLogger);
    expect(migrated.applied).toEqual([RUSSIAN_SEARCH]);
    const store = await createStore(tdb.url, silentLogger, { migrate: false });
    try {
      expect((await store.search(phrase, 5)).map((h) => h.articleId)).toEqual([id]);
      expect((await store.search("переговоры -газ", 5)).map((h) => h.articleId)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe("Russian query parsing", () => {
  it("folds ё, keeps й, stems by script and drops Russian stop words", () => {
    const q = parseSearchQuery("и Новый ёлка énergie");
    expect(q.terms.map((w) => [w.lang, w.folded, w.stem])).toEqual([
      ["ru", "новый", "нов"],
      ["ru", "елка", "елк"],
      ["fr", "energie", "energ"],
    ]);
  });

  it("indexes the same stems for every form of a Russian word, French words as before", () => {
    expect(stemsOf("Переговоры переговорах ПЕРЕГОВОРАМИ")).toBe("переговор переговор переговор");
    expect(stemsOf("ёлка Елка")).toBe("елк елк");
    expect(stemsOf("Énergie énergies")).toBe("energ energ");
  });
});
