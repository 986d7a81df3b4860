/**
 * Search as a French reader expects it, the same on SQLite and PostgreSQL (TEST_PG_URL): word forms
 * (énergie / énergétique, traité / traités), topic names, exact words ranked above longer ones, "phrases",
 * -exclusions, and emoji or punctuation that never empty a query. Invented articles on the beat.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveTopic } from "../../src/analysis/taxonomy.ts";
import { createDb } from "../../src/store/db.ts";
import { foldWord, parseSearchQuery, stemsOf, stemWord } from "../../src/store/search-query.ts";
import { backends } from "./backends.ts";
import { openSearchCorpus, type SearchCorpus } from "./search-corpus.ts";

const A = {
  nucleaire: {
    title: "Astana mise sur l'énergie nucléaire",
    text: "Le gouvernement kazakh veut que l'énergie produite par la future centrale couvre un dixième de la demande.",
  },
  bilan: {
    title: "Bilan énergétique du Kazakhstan pour l'hiver",
    text: "Le ministère publie ses prévisions énergétiques : la consommation de charbon reste élevée dans le nord.",
  },
  traites: {
    title: "Les traités frontaliers signés à Orenbourg",
    text: "Deux traités fixent le tracé de la frontière sur la rivière Oural et les règles des postes de contrôle.",
  },
  traitement: {
    title: "Traitement des déclarations en douane : le traitement numérique généralisé",
    text: "Le traitement automatique des déclarations réduit l'attente. Ce traitement couvre les camions et les trains, et le traitement des litiges suivra.",
  },
  traitDUnion: {
    title: "Le corridor, un trait d'union entre la Caspienne et la Volga",
    text: "Les élus des deux régions voient dans la route un trait d'union entre leurs économies.",
  },
  traitSepare: {
    title: "Union douanière : un trait de plume sur les anciens quotas",
    text: "L'Union supprime les quotas d'un trait, sans consultation des producteurs de céréales.",
  },
  rosatom: {
    title: "Rosatom : le chantier de Balkhach avance",
    text: "Les fondations de la centrale du lac Balkhach sont achevées, annonce l'entreprise russe.",
    topics: ["energie"],
  },
  football: {
    title: "Football : le club d'Astana bat celui d'Orenbourg",
    text: "Le match amical disputé à Orenbourg s'est terminé sur le score de deux buts à un.",
  },
} satisfies Record<string, { title: string; text: string; topics?: string[] }>;

type Key = keyof typeof A;

describe.each(backends)("French search on %s", (backend) => {
  let corpus: SearchCorpus<Key>;
  beforeAll(async () => {
    corpus = await openSearchCorpus(backend, A, {
      outlet: { url: "https://steppe-info.example/rss", title: "Steppe Info" },
      store: {
        searchTopicOf: (name) => {
          const r = resolveTopic(name);
          return "slug" in r ? r.slug : null;
        },
      },
    });
  });
  afterAll(async () => corpus?.close());

  const found = (q: string) => corpus.found(q);

  it("finds énergie, énergétique and the articles filed under the topic Énergie", async () => {
    const energie = await found("énergie");
    expect(new Set(energie)).toEqual(new Set(["nucleaire", "bilan", "rosatom"]));
    // The article with the word itself ranks first; the one found by its topic only ranks last.
    expect(energie[0]).toBe("nucleaire");
    expect(energie.at(-1)).toBe("rosatom");
    expect(new Set(await found("energie"))).toEqual(new Set(energie));
    // The derived word finds the base word too.
    expect(new Set(await found("énergétique"))).toEqual(new Set(["bilan", "nucleaire"]));
  });

  it("finds traité and traités alike, and ranks the exact word above longer words", async () => {
    for (const q of ["traité", "traités", "TRAITES"]) {
      const r = await found(q);
      expect(r, q).toContain("traites");
      expect(r[0], q).toBe("traites");
    }
    // "traitement" shares the stem: it is found, never first, however often it is repeated.
    expect(await found("traité")).toContain("traitement");
    expect((await found("traitement"))[0]).toBe("traitement");
  });

  it('reads "trait d\'union" as a phrase', async () => {
    for (const q of ['"trait d\'union"', "« trait d'union »", "trait-d'union"]) {
      expect(await found(q), q).toEqual(["traitDUnion"]);
    }
    // Unquoted, the words may be apart.
    expect(await found("trait union")).toEqual(expect.arrayContaining(["traitDUnion", "traitSepare"]));
  });

  it("excludes -words", async () => {
    expect(new Set(await found("Orenbourg"))).toEqual(new Set(["traites", "football"]));
    expect(await found("Orenbourg -football")).toEqual(["traites"]);
    expect(await found("énergie -charbon")).not.toContain("bilan");
    // Exclusions alone ask for nothing.
    expect(await found("-football")).toEqual([]);
  });

  it.each(["🔥 énergie", "énergie!!!", "énergie 👍🏽 ?", "…énergie…", "#énergie", "(énergie)", "énergie 🇰🇿"])(
    "keeps the words of %j",
    async (q) => {
      expect(await found(q)).toContain("nucleaire");
    },
  );

  it.runIf(backend === "postgresql")("stems words as PostgreSQL's french_unaccent does", async () => {
    const words = [
      ...new Set(
        Object.values(A)
          .flatMap((a) => `${a.title} ${a.text}`.match(/[\p{L}\p{N}]+/gu) ?? [])
          .concat(["énergétiques", "traitées", "frontalières", "sécuritaire", "Œuvre", "coopération", "économiques"]),
      ),
    ];
    const { db } = await createDb(corpus.tdb.url);
    try {
      for (const w of words) {
        const rows = await db.$queryRaw<Array<{ lexemes: string[] | null }>>`
          SELECT ts_lexize('french_stem', unaccent(lower(${w}))) AS "lexemes"`;
        const pg = rows[0]?.lexemes ?? [];
        // PostgreSQL drops its stop words ([]); the others must have the same stem on both databases.
        if (pg.length > 0) expect(stemWord(foldWord(w)), w).toBe(pg[0]);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("finds nothing for a query of emoji, punctuation or stop words only", async () => {
    for (const q of ["🔥🔥", "?!", "le la les", "« »", '""']) expect(await found(q), q).toEqual([]);
  });
});

describe("search query parsing", () => {
  it("splits words, phrases and exclusions, folding accents and dropping PostgreSQL's French stop words", () => {
    const q = parseSearchQuery('Le traité "trait d\'union" -sport 🔥 énergétique');
    expect(q.terms.map((w) => w.folded)).toEqual(["traite", "energetique"]);
    expect(q.terms.map((w) => w.stem)).toEqual(["trait", "energet"]);
    expect(q.phrases.map((p) => p.map((w) => w.folded))).toEqual([["trait", "d", "union"]]);
    expect(q.exclude.map((w) => w.stem)).toEqual(["sport"]);
  });

  it("indexes the same stems for every form of a word", () => {
    expect(stemsOf("Énergie ÉNERGIES énergie")).toBe("energ energ energ");
    expect(stemsOf("traité traités TRAITÉS")).toBe("trait trait trait");
    expect(stemsOf("Œuvre")).toBe(stemsOf("oeuvre"));
  });
});
