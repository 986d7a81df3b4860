/**
 * Localised strings: one file per language, French by default. `t()` fills `{name}` placeholders and
 * chooses plural forms by the language's own rule (Intl.PluralRules): `{count|article|articles}` is the singular
 * or the plural word for the number in `count` (French: 0 and 1 take the singular; English: only 1), and Russian
 * writes three forms, `{count|статья|статьи|статей}` (1, 21… / 2–4, 22–24… / 0, 5–20, 25…). A number that chooses
 * a plural form is a quantity, so where it is shown (`{count}`) it is written the language's way (12 345, 12,345);
 * other numbers (ids, years, hours) are shown as they are.
 */
import { LANGS, type Lang } from "../command.ts";
import type { Reason } from "../errors.ts";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";
import { ru } from "./ru.ts";

export type { MessageKey };

const tables: Record<Lang, Record<MessageKey, string>> = { fr, en, ru };

/** The language's tag for Intl (dates, numbers, plural rules). */
export const LOCALES: Record<Lang, string> = { fr: "fr-FR", en: "en-GB", ru: "ru-RU" };

/** Returns the string for `key` in `lang`, with `{name}` placeholders replaced by `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(lang, tables[lang][key] ?? fr[key], params);
}

const pluralRules = Object.fromEntries(LANGS.map((l) => [l, new Intl.PluralRules(LOCALES[l])])) as Record<
  Lang,
  Intl.PluralRules
>;
const numberFormats = Object.fromEntries(LANGS.map((l) => [l, new Intl.NumberFormat(LOCALES[l])])) as Record<
  Lang,
  Intl.NumberFormat
>;

/**
 * The form of a word for `count`: with two forms, singular or plural ("1 article", "2 articles", "0 article" in
 * French, "0 articles" in English); with three (Russian), the forms for one, few and many: 1 статья, 2 статьи,
 * 5 статей (a fraction takes the second form: 1,5 статьи).
 */
export function plural(lang: Lang, count: number, one: string, other: string, many?: string): string {
  const rule = pluralRules[lang].select(count);
  if (rule === "one") return one;
  if (many !== undefined && (rule === "many" || rule === "zero")) return many;
  return other;
}

/** A quantity written the language's way: 12 345 (fr, ru), 12,345 (en). */
export function formatNumber(n: number, lang: Lang): string {
  return numberFormats[lang].format(n);
}

const FORMS_RE = /\{(\w+)((?:\|[^|{}]*){2,3})\}/g;

/**
 * Fills a template written in the syntax of these tables (also used by other string tables, e.g. the
 * digest's): `{name}` placeholders, then `{name|singular|plural}` (or `{name|one|few|many}`) forms.
 */
export function fill(lang: Lang, template: string, params: Record<string, string | number> = {}): string {
  const counts = new Set<string>();
  return template
    .replace(FORMS_RE, (m, name: string, forms: string) => {
      const n = Number(params[name]);
      if (!(name in params) || !Number.isFinite(n)) return m;
      counts.add(name);
      const [one = "", other = "", many] = forms.slice(1).split("|");
      return plural(lang, n, one, other, many);
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => {
      if (!(name in params)) return m;
      const v = params[name];
      return typeof v === "number" && counts.has(name) ? formatNumber(v, lang) : String(v);
    });
}

/** True for a supported language code ("fr", "en", "ru"). */
export function isLang(v: unknown): v is Lang {
  return typeof v === "string" && (LANGS as readonly string[]).includes(v);
}

/** A stored language column read back: a supported language, else `fallback` (French). */
export function asLang(v: unknown, fallback: Lang = "fr"): Lang {
  return isLang(v) ? v : fallback;
}

/**
 * Maps a platform language code ("fr", "fr-FR", "en-US", "ru", "ru-RU", undefined) to a supported language.
 * Kazakh ("kk") maps to Russian, the other official language of Kazakhstan and the one its readers read news in
 * beside Kazakh; anything else gets `fallback`.
 */
export function pickLang(code: string | undefined | null, fallback: Lang = "fr"): Lang {
  if (!code) return fallback;
  const base = code.toLowerCase().slice(0, 2);
  if (base === "kk") return "ru";
  return isLang(base) ? base : fallback;
}

/** Address range names (ipaddr.js, url-policy) → their key; an unknown name is shown as is. */
const RANGE_KEYS: Record<string, MessageKey> = {
  loopback: "range.loopback",
  private: "range.private",
  linkLocal: "range.linkLocal",
  uniqueLocal: "range.uniqueLocal",
  carrierGradeNat: "range.carrierGradeNat",
  multicast: "range.multicast",
  unspecified: "range.unspecified",
  broadcast: "range.broadcast",
  reserved: "range.reserved",
  "local-use NAT64": "range.localNat64",
  "not an IP address": "range.notIp",
};

function isKey(key: string): key is MessageKey {
  return key in fr;
}

/**
 * A failure's reason in `lang` (see Reason in core/errors), or null when it carries no known key — the caller
 * then shows the error's own message.
 */
export function reasonText(lang: Lang, reason: Reason | null | undefined): string | null {
  if (!reason || !isKey(reason.key)) return null;
  const params = { ...(reason.params ?? {}) };
  const range = params.range;
  if (typeof range === "string") {
    const key = RANGE_KEYS[range];
    params.range = key ? t(lang, key) : range;
  }
  return t(lang, reason.key, params);
}
