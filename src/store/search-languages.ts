/**
 * The languages of search, decided word by word by script: a Cyrillic word is Russian, any other word French.
 * Each has its folding (what "the same letters" means), its Snowball stemmer (the algorithm of PostgreSQL's
 * `french` and `russian` configurations) and its stop list (PostgreSQL's french.stop, russian.stop). On
 * PostgreSQL an article's tsvector uses the configuration of its language (`russian` for Cyrillic-script
 * languages, else `french_unaccent`: prisma/postgresql/migrations/…_russian_search); on SQLite the stem
 * index stems each word by its script, which gives the same stems for Russian and French articles.
 */
import { stemmer as frenchStemmer } from "@orama/stemmers/french";
import { stemmer as russianStemmer } from "@orama/stemmers/russian";
import { foldLatin } from "../core/text.ts";

export type SearchLanguage = "fr" | "ru";

/** The PostgreSQL text-search configuration of each search language. */
export const PG_CONFIG: Readonly<Record<SearchLanguage, string>> = { fr: "french_unaccent", ru: "russian" };

/**
 * Article languages whose PostgreSQL tsvector uses the `russian` configuration (the only Cyrillic stemmer
 * PostgreSQL ships): the same list is written in the generated "search" column of the migration.
 */
export const RUSSIAN_CONFIG_LANGUAGES = ["ru", "uk", "be", "kk"] as const;

const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The search language of one word: Russian when it holds a Cyrillic letter. */
export function wordLanguage(w: string): SearchLanguage {
  return CYRILLIC.test(w) ? "ru" : "fr";
}

/**
 * The ASCII entries of PostgreSQL's french.stop (Snowball's French stop list). PostgreSQL's french_unaccent
 * maps ASCII words straight to french_stem, which drops these; accented words pass through unaccent first
 * and no longer match the (accented) rest of the list. SQLite drops the same words from queries.
 */
const FRENCH_STOPWORDS = new Set(
  (
    "au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me mes moi mon ne nos notre " +
    "nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n " +
    "s t y suis es est sommes sont serai seras sera serons serez seront serais serait serions seriez seraient " +
    "fus fut furent sois soit soyons soyez soient fusse fusses fussions fussiez fussent ayant ayante ayantes " +
    "ayants eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions " +
    "auriez auraient avais avait avions aviez avaient eut eurent aie aies ait ayons ayez aient eusse eusses " +
    "eussions eussiez eussent"
  ).split(" "),
);

/** PostgreSQL's russian.stop (Snowball's Russian stop list), ё already folded to е as in the list. */
const RUSSIAN_STOPWORDS = new Set(
  (
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от " +
    "меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж " +
    "вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без " +
    "будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один " +
    "почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после " +
    "над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед " +
    "иногда лучше чуть том нельзя такой им более всегда конечно всю между"
  ).split(" "),
);

/**
 * Lower case and the letters a reader does not tell apart: for French, accents and ligatures as PostgreSQL's
 * unaccent folds them ("Œuvre" → "oeuvre"); for Russian only ё → е (й stays: it carries the endings the
 * stemmer removes, and neither unaccent nor the `russian` configuration folds it).
 */
export function foldWord(w: string): string {
  if (wordLanguage(w) === "ru") return w.toLowerCase().replace(/ё/g, "е");
  return foldLatin(w).replace(/ß/g, "ss");
}

/** The Snowball stem of a folded word, in the language of its script. */
export function stemWord(folded: string): string {
  return wordLanguage(folded) === "ru" ? russianStemmer(folded) : frenchStemmer(folded);
}

/** True for the words PostgreSQL's configuration of their language ignores in queries and documents. */
export function isStopwordText(raw: string): boolean {
  const lower = raw.toLowerCase();
  return wordLanguage(lower) === "ru" ? RUSSIAN_STOPWORDS.has(lower.replace(/ё/g, "е")) : FRENCH_STOPWORDS.has(lower);
}
