/**
 * Language identification for whole documents and single lines. franc-min (trigram model, ISO 639-3) decides for
 * documents; lines use cheap French/Vietnamese heuristics first because one franc call costs ~0.2 ms per line.
 */
import { francAll } from "franc-min";

/** franc-min ISO 639-3 codes mapped to ISO 639-1 (only the languages a French news feed plausibly carries). */
const ISO3_TO_1: Readonly<Record<string, string>> = {
  fra: "fr",
  eng: "en",
  rus: "ru",
  ukr: "uk",
  kaz: "kk",
  deu: "de",
  spa: "es",
  ita: "it",
  por: "pt",
  nld: "nl",
  vie: "vi",
  cmn: "zh",
  arb: "ar",
  tur: "tr",
  pol: "pl",
  ron: "ro",
  uzn: "uz",
};

/** Letters that occur in Vietnamese and never in French (horned vowels, đ, tone marks under/over vowels). */
const VIETNAMESE_RE = /[ăằắẳẵặđơờớởỡợưừứửữựạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỳỵỷỹĂĐƠƯẠẢẤẦẨẪẬẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỤỦỲỴỶỸ]/gu;

/** Common French function words; two of them in a line are enough to call it French. */
const FRENCH_WORD_RE =
  /(?:^|[\s'’(«"])(?:le|la|les|des|du|de|et|est|un|une|dans|pour|sur|avec|que|qui|en|au|aux|par|ont|sont|a|à|ce|cette|son|sa|ses|leur|il|elle|nous|selon|entre|été|d)(?=[\s,.;:!?'’)»"]|$)/giu;

/**
 * French function words that Spanish, Italian, Portuguese and Catalan do not use as words (no "la", "de", "que",
 * "en", "a", nor Catalan's "les"), so a high density of them is a safe sign of French prose.
 */
const FRENCH_ONLY_WORD_RE =
  /(?:^|[\s'’(«"])(?:des|du|est|une|dans|pour|avec|sont|ont|cette|été|aux|leur|nous|elle|mais|où|être|ses|ces|sur)(?=[\s,.;:!?'’)»"]|$)/giu;

/**
 * Fast path of detectLanguage: a long sample where at least 5% of the words are French-only function words is
 * French (franc costs ~1.5 ms on 1,500 characters, the most expensive step of the analysis). Measured: French
 * news prose scores 7–12%; Spanish, Italian and Catalan 0%, English about 1%. Anything else goes to franc.
 */
function clearlyFrench(sample: string): boolean {
  const words = sample.match(/\p{L}+/gu)?.length ?? 0;
  if (words < 60) return false;
  const french = sample.match(FRENCH_ONLY_WORD_RE)?.length ?? 0;
  return french >= 8 && french / words >= 0.05;
}

/** How many Vietnamese-only letters a string holds. */
export function vietnameseLetterCount(s: string): number {
  return s.match(VIETNAMESE_RE)?.length ?? 0;
}

/** Number of French function words in a line (counted with a bounded, linear regex). */
export function frenchWordCount(s: string): number {
  return s.match(FRENCH_WORD_RE)?.length ?? 0;
}

const NOT_LETTERS_RE = /\P{L}+/gu;
const SURROGATE_RE = /[\uD800-\uDFFF]/;

/** Number of letters (code points) in `s`, without building an array of one-letter matches. */
function letterCount(s: string): number {
  const letters = s.replace(NOT_LETTERS_RE, "");
  // Letters outside the BMP take two UTF-16 units: count those the slow, exact way (rare in news text).
  return SURROGATE_RE.test(letters) ? (s.match(/\p{L}/gu)?.length ?? 0) : letters.length;
}

/**
 * ISO 639-1 code of a text, "und" when unsure (too short, or the best guess is not clearly ahead).
 * Only the first 1,500 characters are looked at: enough for franc, and it keeps the cost under a millisecond.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 1500);
  const letters = letterCount(sample);
  if (letters < 20) return "und";
  if (clearlyFrench(sample)) return "fr";
  const ranked = francAll(sample, { minLength: 20 });
  const best = ranked[0];
  if (!best || best[0] === "und") return "und";
  const second = ranked[1];
  // francAll scores are normalised to 1 for the best; a near tie on a short sample is not a decision.
  if (letters < 200 && second && second[1] > 0.97) return "und";
  return ISO3_TO_1[best[0]] ?? "und";
}

/**
 * True when a line of a French article is clearly in another language and can be dropped.
 * Never true for a line with two French function words; franc is consulted only for lines with none of them.
 */
export function isForeignLine(line: string): boolean {
  const viet = vietnameseLetterCount(line);
  const frenchWords = frenchWordCount(line);
  if (frenchWords >= 2) return viet >= 4 && viet * 12 > line.length;
  if (viet >= 2 || (viet >= 1 && line.length < 40)) return true;
  if (frenchWords > 0) return false;
  const words = line.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w));
  if (words.length < 4 || line.length < 25) return false;
  // Lines of other scripts (Cyrillic captions, etc.) need no model.
  const latin = line.match(/[a-zA-ZÀ-ɏ]/g)?.length ?? 0;
  const allLetters = line.match(/\p{L}/gu)?.length ?? 0;
  if (allLetters > 0 && latin / allLetters < 0.5) return true;
  const ranked = francAll(line, { minLength: 10 });
  const best = ranked[0];
  if (!best || best[0] === "fra" || best[0] === "und") return false;
  const fra = ranked.find((r) => r[0] === "fra");
  return !fra || fra[1] < 0.85;
}
