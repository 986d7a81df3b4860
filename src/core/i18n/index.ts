/**
 * Localised strings: one file per language, French by default. `t()` fills `{name}` placeholders and
 * chooses plural forms: `{count|article|articles}` is the singular or the plural word for the number in
 * `count`, by the language's own rule (French: 0 and 1 take the singular; English: only 1).
 */
import type { Lang } from "../command.ts";
import type { Reason } from "../errors.ts";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };

const tables: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** Returns the string for `key` in `lang`, with `{name}` placeholders replaced by `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(lang, tables[lang][key] ?? fr[key], params);
}

const pluralRules: Record<Lang, Intl.PluralRules> = { fr: new Intl.PluralRules("fr"), en: new Intl.PluralRules("en") };

/** "1 article", "2 articles", "0 article" (fr) / "0 articles" (en). */
export function plural(lang: Lang, count: number, one: string, other: string): string {
  return pluralRules[lang].select(count) === "one" ? one : other;
}

/**
 * Fills a template written in the syntax of these tables (also used by other string tables, e.g. the
 * digest's): `{name}` placeholders, then `{name|singular|plural}` forms.
 */
export function fill(lang: Lang, template: string, params: Record<string, string | number> = {}): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, name: string, one: string, other: string) => {
      const n = Number(params[name]);
      return name in params && Number.isFinite(n) ? plural(lang, n, one, other) : m;
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Maps a platform language code ("fr", "fr-FR", "en-US", undefined) to a supported language. */
export function pickLang(code: string | undefined | null, fallback: Lang = "fr"): Lang {
  if (!code) return fallback;
  const base = code.toLowerCase().slice(0, 2);
  return base === "en" ? "en" : base === "fr" ? "fr" : fallback;
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
