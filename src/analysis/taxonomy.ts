/**
 * The topic taxonomy of the beat: slugs, French/English labels, the names users may type, and the keywords the
 * classifier (topics.ts) scores. Configurable: `loadTaxonomy` validates a JSON taxonomy.
 *
 * Keyword syntax (on accent-folded, lower-case text): `word` matches that whole word; `stem*` any word starting
 * with the stem; several words are a phrase matched in sequence (`union economique eurasiat*`); a `^N` suffix
 * weights the keyword (default 1). Apostrophes split words: "d'État" is the two words `d etat`.
 */
import { z } from "zod";
import { editDistance, fold } from "./french-words.ts";

/** One topic. */
export interface TopicDef {
  slug: string;
  label: { fr: string; en: string };
  /** Names users may type for this topic, in French and English. */
  aliases: string[];
  /** Accent-folded words, stems (`energ*`) and phrases, optionally weighted (`otsc^2`). */
  keywords: string[];
}

/** A set of topics. */
export interface Taxonomy {
  topics: TopicDef[];
}

const topicSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug: lower-case words joined by hyphens"),
  label: z.object({ fr: z.string().min(1), en: z.string().min(1) }),
  aliases: z.array(z.string().min(1)).default([]),
  keywords: z
    .array(z.string().regex(/^[a-z0-9*' -]+(?:\^\d+(?:\.\d+)?)?$/, "keyword: folded words, optional * and ^weight"))
    .min(1),
});

const taxonomySchema = z.object({
  topics: z
    .array(topicSchema)
    .min(1)
    .refine((ts) => new Set(ts.map((t) => t.slug)).size === ts.length, "topic slugs must be unique"),
});

/** Validates a taxonomy read from JSON (e.g. a config file); throws a ZodError describing what is wrong. */
export function loadTaxonomy(json: unknown): Taxonomy {
  return taxonomySchema.parse(json);
}

const t = (slug: string, fr: string, en: string, aliases: string[], keywords: string[]): TopicDef => ({
  slug,
  label: { fr, en },
  aliases,
  keywords,
});

/** The default taxonomy of the Kazakhstan–Russia beat. */
export const defaultTaxonomy: Taxonomy = {
  topics: [
    t(
      "diplomatie",
      "Diplomatie",
      "Diplomacy",
      ["diplomatie", "diplomacy", "diplomatique", "relations bilatérales", "politique étrangère", "foreign policy"],
      [
        "diplomat*^2",
        "ambassad*^2",
        "visite d etat^2",
        "visite de travail^2",
        "visite officielle^2",
        "visite*",
        "affaires etrangeres^2",
        "politique etrangere^2",
        "negociation*",
        "pourparlers",
        "sommet*",
        "entretien*",
        "entretien telephonique^2",
        "entretenus par telephone^2",
        "homologue*",
        "rencontre*",
        "kremlin",
        "akorda",
        "felicit*^2",
        "voeux",
        "telegramme",
        "reelection^2",
        "reelu*",
        "allie*",
        "alliance*",
        "cooperation",
        "invitation*",
        "invite*",
        "consultations",
        "relations diplomatiques^2",
        "chef de la diplomatie^2",
        "porte parole de la diplomatie^2",
        "declaration*",
        "traite^0.5",
        "traites^0.5",
        "partenariat strategique",
        "bon voisinage",
        "relations bilaterales^0.5",
        "consul*",
        "lettres de creance^2",
      ],
    ),
    t(
      "securite",
      "Sécurité",
      "Security",
      ["sécurité", "securite", "security", "défense", "defense"],
      [
        "securite^2",
        "defense^2",
        "militair*^2",
        "armee*",
        "arme",
        "armes",
        "armement*",
        "terroris*^2",
        "extremis*",
        "missile*",
        "cybersecurite^2",
        "renseignement*",
        "stabilite regionale",
        "securite de l information^2",
        "securite biologique^2",
        "securite internationale",
        "securite regionale",
        "doctrine nucleaire^2",
        "exercices militaires",
        "frontiere*",
      ],
    ),
    t(
      "energie",
      "Énergie",
      "Energy",
      ["énergie", "energie", "energy", "pétrole", "gaz", "oil", "gas"],
      [
        "energ*^2",
        "petrol*^2",
        "gaz^2",
        "gazier*",
        "gaziere*",
        "gazoduc*^2",
        "oleoduc*^2",
        "pipeline*",
        "charbon",
        "electricit*",
        "electrique*",
        "nucleaire*",
        "uranium^2",
        "centrale nucleaire^2",
        "centrales nucleaires^2",
        "centrale electrique",
        "centrales electriques",
        "centrale thermique",
        "centrales thermiques",
        "centrales au charbon",
        "union gaziere^3",
        "cpc^2",
        "brut",
        "hydrocarbure*^2",
        "raffiner*",
        "gazprom",
        "lukoil",
        "rosatom^2",
        "rosneft",
        "kazmunaygas^2",
        "tatneft",
        "consortium du pipeline caspien^2",
        "matieres premieres",
      ],
    ),
    t(
      "economie-commerce",
      "Économie et commerce",
      "Economy and trade",
      ["économie", "economie", "commerce", "economy", "trade", "business", "investissements"],
      [
        "econom*^2",
        "commerc*^2",
        "chiffre d affaires^2",
        "investiss*^2",
        "export*",
        "import*",
        "entreprise*",
        "coentreprise*",
        "industri*",
        "milliard*",
        "banque*",
        "bancaire*",
        "financ*",
        "douan*",
        "tarif*",
        "pib",
        "croissance",
        "inflation",
        "tenge",
        "rouble*",
        "agricol*",
        "agricult*",
        "marches communs",
        "echanges^0.5",
        "echanges commerciaux^2",
        "accords commerciaux^2",
        "transaction*",
        "competitivite",
        "projets conjoints",
      ],
    ),
    t(
      "transport-logistique",
      "Transport et logistique",
      "Transport and logistics",
      ["transport", "transports", "logistique", "logistics", "transit", "corridors"],
      [
        "transport*^2",
        "logisti*^2",
        "transit*^2",
        "corridor*^2",
        "ferroviaire*^2",
        "chemin de fer^2",
        "chemins de fer^2",
        "routier*",
        "autoroute*",
        "portuaire*",
        "fret",
        "marchandises",
        "nord sud",
        "aerien*",
        "aeroport*",
        "postes frontieres",
        "postes frontaliers",
        "conteneur*",
        "interconnectivite",
        "chaines d approvisionnement",
      ],
    ),
    t(
      "culture-education",
      "Culture et éducation",
      "Culture and education",
      ["culture", "éducation", "education", "culture et éducation", "langue", "science", "universités"],
      [
        "cultur*^2",
        "educati*^2",
        "universit*^2",
        "etudiant*^2",
        "ecole*",
        "enseignement*",
        "langue*^2",
        "linguistique*",
        "scienti*",
        "recherche scientifique",
        "theatre*",
        "concert*",
        "artiste*",
        "musee*",
        "cinema*",
        "sport*",
        "touris*",
        "patrimoine",
        "humanitaire",
        "jeunesse",
        "interpersonnel*",
        "formation des cadres",
      ],
    ),
    t(
      "sanctions",
      "Sanctions",
      "Sanctions",
      ["sanctions", "sanction", "embargo", "contournement des sanctions"],
      [
        "sanction*^3",
        "contourn*^2",
        "embargo*^2",
        "gel des avoirs^2",
        "avoirs geles^2",
        "reserves souveraines^2",
        "immunites des etats",
        "ofac^2",
        "liste noire",
        "restrictions",
        "paiements",
      ],
    ),
    t(
      "multilateral",
      "Organisations multilatérales (OTSC, UEE, BRICS, OCS, CEI, ONU)",
      "Multilateral organisations (CSTO, EAEU, BRICS, SCO, CIS, UN)",
      ["multilatéral", "multilateral", "otsc", "csto", "uee", "eaeu", "brics", "ocs", "sco", "cei", "cis", "onu", "un"],
      [
        "otsc^3",
        "csto^3",
        "uee^3",
        "eaeu^3",
        "union economique eurasiat*^3",
        "union eurasiat*^2",
        "brics^3",
        "ocs^3",
        "organisation de cooperation de shanghai^3",
        "cei^3",
        "communaute des etats independants^3",
        "onu^2",
        "nations unies^2",
        "multilateral*^2",
        "integration eurasiat*^2",
        "osce^2",
        "g20",
        "organisation du traite de securite collective^3",
        "banque eurasiat*",
        "structures regionales",
      ],
    ),
    t(
      "guerre-ukraine",
      "Guerre en Ukraine",
      "War in Ukraine",
      ["guerre en ukraine", "ukraine", "guerre", "war in ukraine", "war"],
      [
        "ukrain*^3",
        "kiev^2",
        "kyiv^2",
        "zelensk*^2",
        "donbass^2",
        "crimee^2",
        "operation militaire speciale^3",
        "oreshnik",
        "cessez le feu^2",
        "attaque de drones^2",
        "drones navals^2",
        "guerre^2",
        "conflit en ukraine^2",
      ],
    ),
    t(
      "migration",
      "Migration",
      "Migration",
      ["migration", "migrations", "migrants", "migratoire", "immigration"],
      [
        "migra*^3",
        "immigr*^2",
        "emigr*^2",
        "relocant*^2",
        "travailleurs etrangers^2",
        "conditions de sejour^2",
        "sejour",
        "permis de travail^2",
        "patente*",
        "expuls*^2",
        "diaspora*^2",
        "citoyennete",
        "refugie*",
        "passeport*",
      ],
    ),
    t(
      "geopolitique-mondiale",
      "Géopolitique mondiale",
      "Global geopolitics",
      ["géopolitique", "geopolitique", "geopolitics", "géopolitique mondiale", "world", "monde", "international"],
      [
        "geopoliti*^3",
        "ordre mondial^3",
        "multipolaire*^2",
        "occident*^2",
        "etats unis^2",
        "americain*",
        "washington",
        "trump",
        "biden",
        "chine^2",
        "chinois*",
        "pekin",
        "xi jinping",
        "union europeenne^2",
        "ue",
        "europe*",
        "otan^2",
        "turquie",
        "iran",
        "hegemon*",
        "grandes puissances",
        "relations internationales",
      ],
    ),
  ],
};

/** Lower-case, accent-folded, punctuation-free form used to compare what users type with topic names. */
function folded(input: string): string {
  return fold(input)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Resolves what a user typed ("énergie", "Energy", "econ") to a topic slug. Exact matches on the slug, the labels
 * or an alias win (accents, case and punctuation ignored); otherwise the closest names by edit distance (at most
 * 1 for short words, 2 from 6 letters, 3 from 10) or by prefix (3+ letters) are returned as suggestions, best
 * first; an empty list means nothing came close.
 */
export function resolveTopic(
  input: string,
  taxonomy: Taxonomy = defaultTaxonomy,
): { slug: string } | { suggestions: string[] } {
  const q = folded(typeof input === "string" ? input : "");
  if (!q) return { suggestions: [] };
  const scored = new Map<string, number>();
  for (const topic of taxonomy.topics) {
    const names = [topic.slug, topic.slug.replace(/-/g, " "), topic.label.fr, topic.label.en, ...topic.aliases].map(
      folded,
    );
    if (names.includes(q)) return { slug: topic.slug };
    let best = Number.POSITIVE_INFINITY;
    for (const name of names) {
      const max = q.length >= 10 ? 3 : q.length >= 6 ? 2 : 1;
      const d = editDistance(q, name, max);
      if (d <= max) best = Math.min(best, d);
      // A prefix of a name ("secu", "transp") or of one of its words: a weaker suggestion.
      if (q.length >= 3 && (name.startsWith(q) || name.split(" ").some((w) => w.startsWith(q)))) {
        best = Math.min(best, 2.5);
      }
    }
    if (Number.isFinite(best)) scored.set(topic.slug, best);
  }
  const suggestions = [...scored.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([s]) => s);
  return { suggestions };
}
