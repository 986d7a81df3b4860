/**
 * Small French word utilities shared by topics, stories and date rules: accent folding, tokenising,
 * stopwords and a crude stemmer. Pure functions, no dependencies.
 */

import { foldLatin } from "../core/text.ts";

/** Lower-cases and strips diacritics ("Énergétique" → "energetique", "œ" → "oe"): ../core/text.ts foldLatin. */
export const fold = foldLatin;

const WORD_RE = /[a-z0-9]+/g;

/** Folded word tokens of a text; apostrophes and hyphens split words ("l'énergie" → "l", "energie"). */
export function foldedTokens(text: string): string[] {
  return fold(text).match(WORD_RE) ?? [];
}

/** Function words ignored by keyword matching and quote shingles (folded forms). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a au aux avec ce ces cet cette c d dans de des du elle elles en et etre eux il ils je j l la le les leur leurs " +
    "lui m ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta " +
    "te tes toi ton tu un une vos votre vous y ete etait etaient est sont sera seront ont avait avaient aura " +
    "auront plus moins tres tout tous toute toutes aussi ainsi alors apres avant comme dont donc entre " +
    "lors selon sans sous vers chez si deja encore egalement ensuite puis car ni or quand comment ou quel quelle " +
    "quels quelles celui celle ceux celles cela ceci ca fait faire deux trois autre autres dont ici " +
    "son leur ses etc ans an jour jours annee mois fois depuis pendant contre parmi lorsque afin ete avoir"
  ).split(" "),
);

/**
 * Words present in almost every article of the Kazakhstan–Russia beat: they say nothing about which story an
 * article reports, so story keywords and quote shingles ignore them (folded, stemmed forms too).
 */
export const BEAT_WORDS: ReadonlySet<string> = new Set(
  (
    "kazakhstan kazakh kazakhe kazakhs kazakhes russie russe russes federation moscou astana president presidents " +
    "presiden relation relations bilateral bilaterale bilaterales bilateraux cooperation cooper pays deux " +
    "partenariat partenari strateg strategique dirigeant dirigeants chef chefs etat etats m mr mme " +
    "poutine putin tokaiev tokayev tokaev vladimir kassym jomart kassym-jomart homolog homologue " +
    "selon indique affirme declare note souligne ajoute kremlin cote partie parties"
  ).split(" "),
);

const SUFFIXES = [
  "issements",
  "issement",
  "ements",
  "ement",
  "ations",
  "ation",
  "atrices",
  "atrice",
  "ateurs",
  "ateur",
  "ances",
  "ance",
  "ences",
  "ence",
  "iques",
  "ique",
  "ismes",
  "isme",
  "istes",
  "iste",
  "ables",
  "able",
  "ites",
  "ite",
  "euses",
  "euse",
  "eux",
  "ives",
  "ive",
  "ifs",
  "if",
  "elles",
  "elle",
  "ees",
  "ee",
  "es",
  "er",
  "ez",
  "e",
  "s",
  "x",
];

/** Crude French stemmer on a folded word: strips the longest known suffix while keeping ≥ 4 letters. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  let s = stems.get(word);
  if (s === undefined) {
    if (stems.size >= 50_000) stems.clear();
    s = computeStem(word);
    stems.set(word, s);
  }
  return s;
}

// The vocabulary of a beat is small: a bounded memo saves the suffix scan on most words.
const stems = new Map<string, string>();

function computeStem(word: string): string {
  if (word.endsWith("eaux")) return word.slice(0, -1);
  if (word.endsWith("aux") && word.length > 5) return `${word.slice(0, -3)}al`;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Damerau–Levenshtein (optimal string alignment) distance, bounded: returns max+1 when it exceeds `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = new Array(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const first = rows[0] as number[];
  for (let j = 0; j <= b.length; j++) first[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = max + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}
