/**
 * Cyrillic → Latin transliteration for keys, not for display: names and places reach the same fold key as their
 * French and English spellings (Токаев → tokaev ~ Tokaïev, Касым-Жомарт → kasym-zhomart ~ Kassym-Jomart,
 * Оренбург → orenburg ~ Orenbourg). Endings are spelled the way French and English news spell them: -ий → -i
 * (Дмитрий → Dmitri), -ия → -ia (Мария → Maria), -ей → -ei (Сергей → Sergei).
 */

const LETTERS: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
  // Kazakh letters seen in names
  ә: "a",
  ғ: "g",
  қ: "k",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
};

const CYRILLIC_RE = /[\u0400-\u04FF]/;

/** True when the string holds at least one Cyrillic letter. */
export function hasCyrillic(s: string): boolean {
  return CYRILLIC_RE.test(s);
}

function word(w: string): string {
  const lower = w.toLowerCase();
  // Name endings as the Latin press writes them.
  const tuned = lower.replace(/ий$/u, "i").replace(/ия$/u, "ia").replace(/ья$/u, "ia").replace(/ей$/u, "ei");
  let out = "";
  for (const ch of tuned) out += LETTERS[ch] ?? ch;
  // Keep an initial capital when the word had one.
  return /^\p{Lu}/u.test(w) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** Transliterates every Cyrillic word of `s`; other characters are kept as they are. */
export function transliterate(s: string): string {
  if (!hasCyrillic(s)) return s;
  return s.replace(/[\u0400-\u04FF]+/gu, word);
}
