/**
 * Localised strings: one file per language, French by default. `t()` fills `{name}` placeholders.
 */
import type { Lang } from "../command.ts";
import { en } from "./en.ts";
import { fr, type MessageKey } from "./fr.ts";

export type { MessageKey };

const tables: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** Returns the string for `key` in `lang`, with `{name}` placeholders replaced by `params`. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = tables[lang][key] ?? fr[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Maps a platform language code ("fr", "fr-FR", "en-US", undefined) to a supported language. */
export function pickLang(code: string | undefined | null, fallback: Lang = "fr"): Lang {
  if (!code) return fallback;
  const base = code.toLowerCase().slice(0, 2);
  return base === "en" ? "en" : base === "fr" ? "fr" : fallback;
}
