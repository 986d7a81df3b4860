/**
 * Name keys (shared by the analysis and the store): one key per person across French, English and Russian-style transliterations
 * (Tokaïev / Tokayev / Tokaev, Sergueï / Sergei / Sergey, Poutine / Putin). Hand-written rules only: a phonetic
 * code (Double Metaphone…) would merge Poutine and Biden, so it is never used to merge.
 */
import { stripAccents } from "./text.ts";

/** Titles and honorifics dropped from the front of a name before folding (matched after accents are stripped). */
const TITLE_RE =
  /^(?:(?:le|la)\s+|l'|(?:m|mme|mmes|mlle|mm|mr|mrs|ms|dr|pr|me|sir|st)\.?\s+|(?:monsieur|madame|mademoiselle|president|presidente|ministre|premier ministre|general|colonel|ambassadeur|ambassadrice|senateur|senatrice|depute|deputee|maitre|professeur|docteur|cheikh|sheikh)\s+)+/iu;

/** Given-name spellings that the letter rules cannot reach, mapped to one folded form. */
const FIRST_NAME_VARIANTS: Readonly<Record<string, string>> = {
  aleksander: "aleksandr",
  aleksandre: "aleksandr",
  aleksandar: "aleksandr",
  piotr: "petr",
  pior: "petr",
};

function foldWord(w: string): string {
  let s = w;
  s = s.replace(/x/g, "ks");
  s = s.replace(/tch/g, "ch").replace(/sh/g, "ch");
  s = s.replace(/kh/g, "k").replace(/ck/g, "k").replace(/qu/g, "k").replace(/q/g, "k");
  s = s.replace(/dzh|dj|zh/g, "j");
  s = s.replace(/gu(?=[ei])/g, "g");
  s = s.replace(/ou/g, "u");
  s = s.replace(/y/g, "i").replace(/w/g, "v");
  // Word-initial iotation: Yerlan / Erlan, Yevgueni / Evgueni.
  s = s.replace(/^ie(?=[^aeiou])/, "e");
  s = FIRST_NAME_VARIANTS[s] ?? s;
  // -aïev / -ayev / -aev, -iyev / -iev: the glide after a vowel is spelled or not.
  s = s.replace(/([aeiou])i(?=e[vf])/g, "$1");
  s = s.replace(/ff$/g, "v").replace(/([a-z])\1+/g, "$1");
  // Final mute e of French spellings (Poutine → putin, Michoustine → michustin) when the stem stays long.
  if (s.length > 4 && /[^aeiou]e$/.test(s)) s = s.slice(0, -1);
  return s;
}

/**
 * Fold key of a person name: lower-case, accents stripped, leading titles dropped, transliteration variants
 * folded word by word, words joined by single spaces ("M. Kassym-Jomart Tokaïev" → "kasim jomart tokaev").
 */
export function foldKey(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (cache.size >= 20_000) cache.clear();
  const key = computeKey(name);
  cache.set(name, key);
  return key;
}

// Names repeat across articles: a bounded memo keeps folding off the hot path.
const cache = new Map<string, string>();

function computeKey(name: string): string {
  const bare = stripAccents(name).replace(/[’']/g, "'").trim().replace(TITLE_RE, "").toLowerCase();
  const words = bare.split(/[\s\-–‐.]+/).filter((w) => w.length > 0);
  return words
    .map((w) => foldWord(w.replace(/[^a-z']/g, "")))
    .filter((w) => w.length > 0)
    .join(" ");
}

/** Jaro–Winkler similarity in [0, 1]; used only to suggest a possible merge, never to merge. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchA = new Array<boolean>(la).fill(false);
  const matchB = new Array<boolean>(lb).fill(false);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(i + range + 1, lb);
    for (let j = lo; j < hi; j++) {
      if (matchB[j] || a[i] !== b[j]) continue;
      matchA[i] = true;
      matchB[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchA[i]) continue;
    while (!matchB[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - t / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
