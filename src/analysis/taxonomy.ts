/**
 * The topic taxonomy of the beat: slugs, French/English/Russian labels, the names users may type, and the keywords the
 * classifier (topics.ts) scores. Configurable: `loadTaxonomy` validates a JSON taxonomy.
 *
 * Keyword syntax (on accent-folded, lower-case text): `word` matches that whole word; `stem*` any word starting
 * with the stem; several words are a phrase matched in sequence (`union economique eurasiat*`); a `^N` suffix
 * weights the keyword (default 1). Apostrophes split words: "d'État" is the two words `d etat`.
 */
import { z } from "zod";
import { editDistance, fold } from "./french-words.ts";
import { defaultTaxonomy } from "./taxonomy-default.ts";

export { defaultTaxonomy } from "./taxonomy-default.ts";

/** One topic. */
export interface TopicDef {
  slug: string;
  /** The topic's name in each reply language. */
  label: { fr: string; en: string; ru: string };
  /** Names users may type for this topic, in French, English and Russian. */
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
  // A taxonomy written before Russian replies existed names its topics in French and English: the English name
  // then stands in for the Russian one.
  label: z
    .object({ fr: z.string().min(1), en: z.string().min(1), ru: z.string().min(1).optional() })
    .transform((l) => ({ fr: l.fr, en: l.en, ru: l.ru ?? l.en })),
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

/**
 * Lower-case, accent-folded, punctuation-free form used to compare what users type with topic names (Latin and
 * Cyrillic letters alike: "Énergie" → "energie", "Энергетика" → "энергетика").
 */
function folded(input: string): string {
  return fold(input)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Resolves what a user typed ("énergie", "Energy", "энергетика", "econ") to a topic slug. Exact matches on the slug, the labels
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
    const names = [topic.slug, topic.slug.replace(/-/g, " "), ...Object.values(topic.label), ...topic.aliases].map(
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
