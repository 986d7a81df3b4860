/**
 * "Nème anniversaire" and "les N ans de" phrases: commemorations date their origin N years back (events.ts), but a
 * person's birthday ("son 73e anniversaire", "le 71e anniversaire de Kassym-Jomart Tokaïev") dates nothing.
 */
import { ORDINAL_WORDS } from "./dates-fr.ts";
import { fold } from "./french-words.ts";

const LETTER_OR_DIGIT = /[\p{L}\d]/u;

const ANNIV_CORE = /anniversaire(?![a-z])|\sans\s(?=de\s|du\s|des\s|d')/gi;
const ORDINAL_BEFORE = new RegExp(
  `(?:(\\d{1,3})\\s?(?:e|è|ème|eme|ième|ieme|er|re)|(${[...ORDINAL_WORDS.keys()].map((k) => k.replace(/e/g, "[eéè]")).join("|")}))\\s$`,
  "i",
);
const YEARS_BEFORE = /(?:les|aux)\s(\d{1,3})\s$/i;

/** Raw "Nème anniversaire" / "les N ans de" phrases: the caller dates them from the celebration year. */
export function findAnniversaries(text: string): Array<{ position: number; text: string; years: number }> {
  const out: Array<{ position: number; text: string; years: number }> = [];
  ANNIV_CORE.lastIndex = 0;
  for (let m = ANNIV_CORE.exec(text); m; m = ANNIV_CORE.exec(text)) {
    const isAnniversary = m[0].length > 5;
    const at = isAnniversary ? m.index : m.index + 1;
    const before = text.slice(Math.max(0, at - 30), at);
    const b = (isAnniversary ? ORDINAL_BEFORE : YEARS_BEFORE).exec(before);
    if (!b) continue;
    const position = at - b[0].length;
    if (position > 0 && LETTER_OR_DIGIT.test(text[position - 1] as string)) continue;
    const n = b[1] ? Number(b[1]) : b[2] ? (ORDINAL_WORDS.get(fold(b[2])) ?? 0) : 0;
    const phrase = text.slice(position, at + (isAnniversary ? m[0].length : 3));
    if (n >= 1 && n <= 500) out.push({ position, text: phrase, years: n });
  }
  return out;
}

/** "son 73e anniversaire", "le 71e anniversaire du président / de Kassym-Jomart Tokaïev": a person's age. */
const BIRTHDAY_BEFORE = /(?:son|ses|leur|sa)\s$/i;
const BIRTHDAY_AFTER =
  /^\s(?:de\s|du\s|d')\s?(?:M\.|Mme|(?:pr[ée]sident|pr[ée]sidente|chef|dirigeant|dirigeante|ministre|Premier|roi|reine|patriarche)(?!\p{L})|\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{L}+)+)/u;

export function isBirthday(text: string, position: number, length: number): boolean {
  if (BIRTHDAY_BEFORE.test(text.slice(Math.max(0, position - 5), position))) return true;
  return BIRTHDAY_AFTER.test(text.slice(position + length, position + length + 60));
}
