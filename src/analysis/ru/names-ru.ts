/**
 * People in Russian text: Cyrillic names in any case (Токаев, Токаева, Токаеву, Токаевым, Касым-Жомарт Токаев),
 * brought to the nominative and folded, through transliteration, to the same key as their French and English
 * spellings — one person whatever the language. Known people (the registry) keep their canonical name; others are
 * shown in Cyrillic. Role titles in front of a name (президент Казахстана, глава МИД) are kept as the role.
 */
import type { ExtractedPerson } from "../../core/analysis-types.ts";
import { foldKey } from "../../core/name-key.ts";
import type { PersonRegistry } from "../names.ts";
import { FIRST_NAMES_RU, NOT_NAMES_RU, ROLE_HEAD_RU } from "./lexicon-ru.ts";
import { transliterate } from "./translit.ts";

/** One located mention of a person. */
export interface RuMention {
  /** Canonical name (the registry's, else the nominative in Cyrillic). */
  name: string;
  key: string;
  start: number;
  end: number;
  female: boolean;
}

const TOKEN = "[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?";
const SEQ_RE = new RegExp(`${TOKEN}(?:\\s+${TOKEN}){0,5}`, "gu");
const SURNAME_RE =
  /(?:ов|ев|ёв|ин|ын|ский|цкий|енко|ук|юк|вич|ян|дзе|швили|улы|ова|ева|ёва|ина|ына|ская|цкая)(?:а|у|ым|ом|е|ой|ого|ому|им|ую)?$/u;
const PATRONYMIC_RE = /(?:ович|евич|ич|овна|евна|ична)(?:а|у|ем|ом|е|ы|ой)?$/u;
const MALE_FIRST_IN_A = new Set(["илья", "никита", "кузьма", "фома", "лука", "савва"]);

/** Nominative of a first name in any case, or null when it is not a known first name. */
export function firstNameNominative(token: string): string | null {
  const lower = token.toLowerCase();
  if (FIRST_NAMES_RU.has(lower)) return token;
  for (const cut of [1, 2, 3]) {
    const stem = lower.slice(0, -cut);
    for (const end of ["", "й", "я", "а", "ь", "ия"]) {
      const cand = stem + end;
      if (cand !== lower && FIRST_NAMES_RU.has(cand)) return cand.charAt(0).toUpperCase() + cand.slice(1);
    }
  }
  return null;
}

function isFemaleFirst(nominative: string): boolean {
  const l = nominative.toLowerCase();
  return /[ая]$/u.test(l) && !MALE_FIRST_IN_A.has(l);
}

/** Nominative of a surname in any case; `female` when the person is known to be a woman. */
export function surnameNominative(token: string, female: boolean): string {
  let m = /^(.*(?:ов|ев|ёв|ин|ын))(а|у|ым|ом|е|ой|ою|ы)?$/u.exec(token);
  if (m?.[1]) {
    const base = m[1];
    const end = m[2] ?? "";
    if (female && ["а", "ой", "у", "ою"].includes(end)) return `${base}а`;
    return base;
  }
  m = /^(.*(?:ск|цк))(ий|ого|ому|им|ом|ая|ой|ую)$/u.exec(token);
  if (m?.[1]) return female || ["ая", "ую"].includes(m[2] ?? "") ? `${m[1]}ая` : `${m[1]}ий`;
  return token;
}

/** The stem used to link mentions of one surname within a text (Захарова ~ Захаровой, Токаев ~ Токаеву). */
function stemOf(token: string): string {
  return transliterate(token.toLowerCase().replace(/(?:ого|ому|ым|ом|ой|ою|ую|ая|ий|а|у|е|ы|я|ю)$/u, ""));
}

function roleBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 80), start);
  const m = new RegExp(`(?:^|[\\s,(«—])((?:${ROLE_HEAD_RU})(?:\\s+[а-яёА-ЯЁ-]+){0,4}?)\\s*$`, "iu").exec(before);
  return m?.[1]?.trim().toLowerCase() ?? null;
}

interface Candidate {
  start: number;
  end: number;
  first: string | null;
  surname: string;
  female: boolean;
  /** A capitalised word with no mark of a surname: a person only if introduced earlier or known. */
  weak?: boolean;
}

function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(SEQ_RE)) {
    const tokens = m[0].split(/\s+/u);
    let offset = m.index ?? 0;
    const starts: number[] = [];
    for (const tok of tokens) {
      const at = text.indexOf(tok, offset);
      starts.push(at);
      offset = at + tok.length;
    }
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] as string;
      if (NOT_NAMES_RU.has(tok.toLowerCase())) continue;
      const first = firstNameNominative(tok);
      const next = tokens[i + 1];
      if (first && next && !NOT_NAMES_RU.has(next.toLowerCase())) {
        // First name [patronymic] surname.
        let j = i + 1;
        if (PATRONYMIC_RE.test(next) && tokens[j + 1]) j++;
        const sur = tokens[j] as string;
        const female = isFemaleFirst(first);
        out.push({
          start: starts[i] as number,
          end: (starts[j] as number) + sur.length,
          first,
          surname: surnameNominative(sur, female),
          female,
        });
        i = j;
        continue;
      }
      // An unknown first name before a surname in the nominative: «экономист Айдар Касымов».
      const nextIsSurname =
        next !== undefined && SURNAME_RE.test(next) && !/(?:а|у|ым|ом|е|ой|ого|ому|им|ую)$/u.test(next);
      if (!first && nextIsSurname && !SURNAME_RE.test(tok) && !PATRONYMIC_RE.test(tok)) {
        const start = starts[i] as number;
        const female = /[ая]$/u.test(tok) && !/ов|ев|ин$/u.test(next as string);
        out.push({
          start,
          end: (starts[i + 1] as number) + (next as string).length,
          first: tok,
          surname: next as string,
          female,
        });
        i++;
        continue;
      }
      if (!first && !PATRONYMIC_RE.test(tok)) {
        const start = starts[i] as number;
        const weak = !SURNAME_RE.test(tok);
        out.push({ start, end: start + tok.length, first: null, surname: tok, female: false, weak });
      }
    }
  }
  return out;
}

/** Finds the people of a Russian text, in order of first mention, with every located mention. */
export function scanPeopleRu(
  text: string,
  registry: PersonRegistry,
): { people: ExtractedPerson[]; mentions: RuMention[] } {
  const byKey = new Map<string, ExtractedPerson & { female: boolean }>();
  const byStem = new Map<string, ExtractedPerson & { female: boolean }>();
  const mentions: RuMention[] = [];
  for (const c of candidates(text)) {
    const surface = text.slice(c.start, c.end);
    let person = c.first ? undefined : byStem.get(stemOf(c.surname));
    if (!person && c.weak && !registry.resolve(transliterate(c.surname))) continue;
    if (!person) {
      const female = c.female || (!c.first && /^\s+[а-яё]+ла\b/u.test(text.slice(c.end, c.end + 20)));
      const surname = c.first ? c.surname : surnameNominative(c.surname, female);
      const display = c.first ? `${c.first} ${surname}` : surname;
      const known = registry.resolve(transliterate(display));
      if (!c.first && !known) {
        // A lone surname nobody introduced: only kept when a role or a speech verb vouches for it.
        const vouched = roleBefore(text, c.start) !== null || /^\s*,?\s+[а-яё]+(?:л|ла|ли)\b/u.test(text.slice(c.end));
        if (!vouched) continue;
      }
      const name = known?.name ?? display;
      const key = known?.key ?? foldKey(transliterate(display));
      person = byKey.get(key);
      if (!person) {
        person = { name, key, aliases: [], role: null, mentions: 0, female };
        byKey.set(key, person);
      }
      byStem.set(stemOf(surname), person);
    }
    person.mentions++;
    if (!person.aliases.includes(surface)) person.aliases.push(surface);
    person.role ??= roleBefore(text, c.start);
    mentions.push({ name: person.name, key: person.key, start: c.start, end: c.end, female: person.female });
  }
  const people = [...byKey.values()].map(({ female: _f, ...p }) => p);
  return { people, mentions };
}
